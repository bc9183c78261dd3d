package uk.nhs.carecoord.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One output of the rules: a cohort match, a training status, a supervision check, a compliance
 * verdict, an obligation or a recommendation. Several rules may reach the same output (e.g. two
 * reasons for one cohort); they are merged into one finding with a decision record each.
 */
@Value.Immutable
@Value.Style(jdkOnly = true)
@JsonSerialize(as = ImmutableFinding.class)
@JsonDeserialize(as = ImmutableFinding.class)
public abstract class Finding {

  /** Order of outputs: priority, then code, then subject. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::priority)
          .thenComparing(Finding::code)
          .thenComparing(Finding::subject);

  /** What sort of output this is. */
  public abstract FindingKind kind();

  /** Stable code, e.g. {@code FRAIL_ELDERLY} or {@code PAM_LEVEL_1_SMALL_STEPS}. */
  public abstract String code();

  /** A few words for a person, from the output catalogue; the code when the catalogue has none. */
  @Value.Default
  public String label() {
    return code();
  }

  /** The part the library's Java or reports rely on this output for, from the output catalogue. */
  public abstract Optional<OutputRole> reliedOnAs();

  /** What it is about within the case: a concern id, a training item; empty when the whole case. */
  @Value.Default
  public String subject() {
    return "";
  }

  /** How soon it needs attention. */
  public abstract Priority priority();

  /** Text for a person to read. */
  public abstract String text();

  /** The training status, for {@link FindingKind#TRAINING} findings. */
  public abstract Optional<TrainingStatus> status();

  /** When it is due, where the rule set a date. */
  public abstract Optional<LocalDate> dueOn();

  /** One record per rule that reached this output, in rule-name order. */
  public abstract List<DecisionRecord> decisions();

  /**
   * Fingerprint of code, subject and the facts behind this output: recorded with an
   * acknowledgement so a declined recommendation returns when its facts change.
   */
  public abstract String factsFingerprint();

  /** Every reason given by every rule, in order. */
  @JsonIgnore
  public List<String> reasons() {
    return decisions().stream().flatMap(d -> d.reasons().stream()).toList();
  }

  static ImmutableFinding.Builder builder() {
    return ImmutableFinding.builder();
  }

  @Value.Check
  void check() {
    if (decisions().isEmpty()) {
      throw new IllegalStateException("a finding needs at least one decision record: " + code());
    }
  }
}
