package uk.nhs.carecoord.rules;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;
import uk.nhs.carecoord.model.CodedEntry;

/**
 * The coding part of an evaluation: how many of the person's coded entries the code clusters
 * recognised, and every entry whose code is in no cluster, so that nothing coded goes unseen. An
 * unrecognised code counts towards no decision; it may be a local code, a code from a newer
 * release, or a condition the rules do not cover.
 */
@Value.Immutable
@Value.Style(jdkOnly = true)
@JsonSerialize(as = ImmutableCodingCoverage.class)
@JsonDeserialize(as = ImmutableCodingCoverage.class)
public abstract class CodingCoverage {

  /** The coded entries on the record, with conditions in the earlier form ({@code patient.conditions}). */
  public abstract int codedEntries();

  /** The entries whose code is in at least one cluster. */
  public abstract int recognised();

  /**
   * Every entry whose code is in no cluster, each as recorded (a condition in the earlier form as
   * an active entry), ordered by code, date, status, term and id.
   */
  public abstract List<CodedEntry> unrecognised();

  /** The record of the lookup: the code clusters' version, and the counts as facts. */
  public abstract DecisionRecord decision();

  static ImmutableCodingCoverage.Builder builder() {
    return ImmutableCodingCoverage.builder();
  }
}
