package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import org.drools.model.Drools;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.TrainingStatus;

/**
 * Where rules put their outputs. The engine makes one per evaluation and sets it as the global
 * {@code out} ({@code global Outcomes out;}); a rule calls it from its consequence with {@code
 * drools}, so the output records which rule raised it:
 *
 * <pre>{@code
 * out.cohort(drools, "DEMENTIA", Priority.HIGH)       // the catalogue's text for DEMENTIA
 *     .reason("On the dementia register");
 * out.cohort(drools, "DEMENTIA", Priority.HIGH, "Living with dementia")   // a text of its own
 * }</pre>
 *
 * <p>Every code must be declared in the output catalogue ({@link
 * uk.nhs.carecoord.rules.OutputCatalogue}), written as a quoted literal so building the rules can
 * check it. A code raised without a text gets the catalogue's default text for it.
 *
 * <p>Each output is also inserted as an {@link Outcome} fact, so later rules can reason over
 * earlier outputs (the compliance verdict reads the training statuses). Outcomes itself is never a
 * fact: a rule matching it is refused.
 */
public interface Outcomes {
  /** Raises a cohort match with the catalogue's text for the code. */
  default Outcome cohort(Drools drools, String code, Priority priority) {
    return cohort(drools, code, priority, null);
  }

  /** Raises a supervision check with the catalogue's text for the code. */
  default Outcome supervision(Drools drools, String code, Priority priority) {
    return supervision(drools, code, priority, null);
  }

  /** Raises the verdict with the catalogue's text for the code. */
  default Outcome verdict(Drools drools, String code, Priority priority) {
    return verdict(drools, code, priority, null);
  }

  /** Raises an obligation about a subject with the catalogue's text for the code. */
  default Outcome obligation(Drools drools, String code, String subject, Priority priority) {
    return obligation(drools, code, subject, priority, null);
  }

  /** Raises a recommended next step with the catalogue's text for the code. */
  default Outcome recommendation(Drools drools, String code, Priority priority) {
    return recommendation(drools, code, priority, null);
  }

  /** Raises a recommended next step about a subject with the catalogue's text for the code. */
  default Outcome recommendation(Drools drools, String code, String subject, Priority priority) {
    return recommendation(drools, code, subject, priority, null);
  }

  /** Raises a cohort match; a null text takes the catalogue's. */
  Outcome cohort(Drools drools, String code, Priority priority, String text);

  /** Raises the status of a training item. */
  Outcome training(Drools drools, TrainingModule module, TrainingStatus status, Priority priority, String text);

  /** Raises a supervision check (first point of contact or GP supervisor named or missing). */
  Outcome supervision(Drools drools, String code, Priority priority, String text);

  /** Raises the overall compliance verdict: code {@code ARRS_COMPLIANT} or {@code ARRS_NOT_COMPLIANT}. */
  Outcome verdict(Drools drools, String code, Priority priority, String text);

  /** Raises an obligation about a subject (e.g. a safeguarding concern's id). */
  Outcome obligation(Drools drools, String code, String subject, Priority priority, String text);

  /** Raises a recommended next step; a null text takes the catalogue's. */
  Outcome recommendation(Drools drools, String code, Priority priority, String text);

  /** Raises a recommended next step about a subject (e.g. a goal's or decision's id); a null text takes the catalogue's. */
  Outcome recommendation(Drools drools, String code, String subject, Priority priority, String text);

  /**
   * Holds back the recommendation with this code whose facts fingerprint is {@code fingerprint}
   * (a co-ordinator declined it and the facts have not changed) until {@code until}.
   */
  Outcome suppress(Drools drools, String code, String fingerprint, LocalDate until);
}
