package uk.nhs.carecoord.rules;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * Audit evidence for an output: which rule of which rule-set version produced it, on what facts,
 * which code clusters, as of which date, using which version of the code clusters.
 */
@Value.Immutable
@Value.Style(jdkOnly = true)
@JsonSerialize(as = ImmutableDecisionRecord.class)
@JsonDeserialize(as = ImmutableDecisionRecord.class)
public abstract class DecisionRecord {

  /** The rule's name, as written in the DRL file. */
  public abstract String rule();

  /** The rule set (DRL file name without {@code .drl}). */
  public abstract String ruleSet();

  /** The version the rule set declares ({@code // @version x}), or {@code unversioned}. */
  public abstract String ruleSetVersion();

  /** SHA-256 of the rule set's text (first 12 hex digits): changes whenever the file does. */
  public abstract String ruleSetDigest();

  /** Why the rule decided as it did, in words. */
  public abstract List<String> reasons();

  /** The facts the decision rested on, by name, sorted. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> facts();

  /** The code clusters the decision used (e.g. {@code DM_COD}), sorted; empty when none. */
  public abstract List<String> clusters();

  /** The reference date of the evaluation. */
  public abstract LocalDate asOf();

  /** The version of the code clusters used ({@code CodeClusters.version()}). */
  public abstract String codeListVersion();

  static ImmutableDecisionRecord.Builder builder() {
    return ImmutableDecisionRecord.builder();
  }
}
