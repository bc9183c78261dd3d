package uk.nhs.carecoord.rules;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.immutables.value.Value;

/**
 * The rules' answer for one person: cohorts, obligations and recommendations, each in priority
 * order, plus recommendations held back because a co-ordinator declined them, and the coding
 * part: the coded entries that matched no code cluster.
 */
@Value.Immutable
@Value.Style(jdkOnly = true)
@JsonSerialize(as = ImmutablePatientEvaluation.class)
@JsonDeserialize(as = ImmutablePatientEvaluation.class)
public abstract class PatientEvaluation {

  /** The person's identifier in the host system. */
  public abstract String patientId();

  /** The reference date. */
  public abstract LocalDate asOf();

  /** The version of the code clusters used ({@code CodeClusters.version()}). */
  public abstract String codeListVersion();

  /** Cohorts matched. */
  public abstract List<Finding> cohorts();

  /** Obligations, e.g. safeguarding discussions due. */
  public abstract List<Finding> obligations();

  /** Recommended next steps. */
  public abstract List<Finding> recommendations();

  /** Recommendations held back after being declined, with the rule that held each back. */
  public abstract List<Finding> suppressed();

  /** Which coded entries the code clusters recognised, and every one they did not. */
  public abstract CodingCoverage coding();

  /** Codes of all cohorts, obligations and recommendations raised (not the suppressed). */
  public Set<String> codes() {
    return Stream.of(cohorts(), obligations(), recommendations())
        .flatMap(List::stream)
        .map(Finding::code)
        .collect(Collectors.toUnmodifiableSet());
  }

  static ImmutablePatientEvaluation.Builder builder() {
    return ImmutablePatientEvaluation.builder();
  }
}
