package uk.nhs.carecoord.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.immutables.value.Value;

/** ARRS training compliance of one care co-ordinator, with every reason. */
@Value.Immutable
@Value.Style(jdkOnly = true)
@JsonSerialize(as = ImmutableCoordinatorEvaluation.class)
@JsonDeserialize(as = ImmutableCoordinatorEvaluation.class)
public abstract class CoordinatorEvaluation {

  /** The co-ordinator. */
  public abstract String coordinatorId();

  /** The reference date. */
  public abstract LocalDate asOf();

  /** Status of each training item the rules require, in priority order. */
  public abstract List<Finding> training();

  /** Whether a first point of contact and a GP supervisor are named. */
  public abstract List<Finding> supervision();

  /** The verdict the rules reached; absent only if a rule author removed the verdict rules. */
  public abstract Optional<Finding> verdict();

  /**
   * True when the verdict is the code the output catalogue declares {@link
   * OutputRole#COMPLIANT_VERDICT} ({@code ARRS_COMPLIANT} in the built-in rules).
   */
  @JsonIgnore
  public boolean compliant() {
    return verdict().flatMap(Finding::reliedOnAs).filter(OutputRole.COMPLIANT_VERDICT::equals).isPresent();
  }

  /** The status the rules gave a training item, by item name. */
  public Optional<TrainingStatus> statusOf(String module) {
    return training().stream().filter(f -> f.code().equals(module)).findFirst().flatMap(Finding::status);
  }

  /** Codes of all outputs. */
  public Set<String> codes() {
    return Stream.concat(Stream.concat(training().stream(), supervision().stream()), verdict().stream())
        .map(Finding::code)
        .collect(Collectors.toUnmodifiableSet());
  }

  static ImmutableCoordinatorEvaluation.Builder builder() {
    return ImmutableCoordinatorEvaluation.builder();
  }
}
