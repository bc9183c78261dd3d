package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import java.util.Collection;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.TrainingStatus;

/**
 * An output as a rule raised it with {@link Outcomes}, before the engine turns it into a {@link
 * uk.nhs.carecoord.rules.Finding}. Rules chain {@link #reason}, {@link #fact}, {@link #cluster} and
 * {@link #dueOn} onto it, and may match on it in their conditions, as a fact, to reason over earlier
 * outputs (kind, code, subject, status and priority never change once raised):
 *
 * <pre>{@code
 * Outcome(kind == FindingKind.TRAINING, status == TrainingStatus.MISSING)
 * }</pre>
 */
public interface Outcome {
  /** Adds a reason, in words, for this output. */
  Outcome reason(String reason);

  /** Records a fact this output rests on (part of the audit record and the fingerprint). */
  Outcome fact(String name, Object value);

  /**
   * Records a code cluster this output rests on (e.g. {@code DM_COD}): listed, sorted, in its
   * decision record's {@code clusters}.
   */
  Outcome cluster(String clusterId);

  /** Records the code clusters this output rests on; see {@link #cluster(String)}. */
  default Outcome clusters(Collection<?> clusterIds) {
    for (Object id : clusterIds) {
      cluster(String.valueOf(id));
    }
    return this;
  }

  /** Sets the date by which it is due. */
  Outcome dueOn(LocalDate date);

  /** What sort of output. */
  FindingKind getKind();

  /** Stable code, declared in the output catalogue. */
  String getCode();

  /** Subject within the case, or empty. */
  String getSubject();

  /** Priority. */
  Priority getPriority();

  /** Text. */
  String getText();

  /** Training status, or null for other kinds. */
  TrainingStatus getStatus();

  /** Due date, or null. */
  LocalDate getDueOn();
}
