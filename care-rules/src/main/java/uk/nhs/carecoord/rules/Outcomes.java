package uk.nhs.carecoord.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Drools;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import uk.nhs.carecoord.model.TrainingModule;

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
 * <p>Every code must be declared in the output catalogue ({@link OutputCatalogue}), written as a
 * quoted literal so building the rules can check it.
 *
 * Each output is also inserted as an {@link Outcome} fact, so later rules can reason over earlier
 * outputs (the compliance verdict reads the training statuses).
 */
public final class Outcomes {
  private final List<Outcome> raised = new ArrayList<>();
  private final List<Suppression> suppressions = new ArrayList<>();
  private final OutputCatalogue catalogue;

  /** Outputs with no catalogue: a code raised without a text gets its code as text. */
  Outcomes() {
    this(null);
  }

  /** Outputs whose code raised without a text gets the catalogue's default text. */
  Outcomes(OutputCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Raises a cohort match with the catalogue's text for the code. */
  public Outcome cohort(Drools drools, String code, Priority priority) {
    return cohort(drools, code, priority, null);
  }

  /** Raises a supervision check with the catalogue's text for the code. */
  public Outcome supervision(Drools drools, String code, Priority priority) {
    return supervision(drools, code, priority, null);
  }

  /** Raises the verdict with the catalogue's text for the code. */
  public Outcome verdict(Drools drools, String code, Priority priority) {
    return verdict(drools, code, priority, null);
  }

  /** Raises an obligation about a subject with the catalogue's text for the code. */
  public Outcome obligation(Drools drools, String code, String subject, Priority priority) {
    return obligation(drools, code, subject, priority, null);
  }

  /** Raises a recommended next step with the catalogue's text for the code. */
  public Outcome recommendation(Drools drools, String code, Priority priority) {
    return recommendation(drools, code, priority, null);
  }

  /** Raises a cohort match. */
  public Outcome cohort(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.COHORT, code, "", priority, text, null);
  }

  /** Raises the status of a training item. */
  public Outcome training(
      Drools drools, TrainingModule module, TrainingStatus status, Priority priority, String text) {
    return raise(drools, FindingKind.TRAINING, module.name(), "", priority, text, status);
  }

  /** Raises a supervision check (first point of contact or GP supervisor named or missing). */
  public Outcome supervision(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.SUPERVISION, code, "", priority, text, null);
  }

  /** Raises the overall compliance verdict: code {@code ARRS_COMPLIANT} or {@code ARRS_NOT_COMPLIANT}. */
  public Outcome verdict(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.VERDICT, code, "", priority, text, null);
  }

  /** Raises an obligation about a subject (e.g. a safeguarding concern's id). */
  public Outcome obligation(
      Drools drools, String code, String subject, Priority priority, String text) {
    return raise(drools, FindingKind.OBLIGATION, code, subject, priority, text, null);
  }

  /** Raises a recommended next step. */
  public Outcome recommendation(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.RECOMMENDATION, code, "", priority, text, null);
  }

  /** Raises a recommended next step about a subject (e.g. a goal's or decision's id). */
  public Outcome recommendation(
      Drools drools, String code, String subject, Priority priority, String text) {
    return raise(drools, FindingKind.RECOMMENDATION, code, subject, priority, text, null);
  }

  /**
   * Holds back the recommendation with this code whose facts fingerprint is {@code fingerprint}
   * (a co-ordinator declined it and the facts have not changed) until {@code until}.
   */
  public Outcome suppress(Drools drools, String code, String fingerprint, LocalDate until) {
    Rule rule = ruleOf(drools);
    Outcome record =
        new Outcome(
            FindingKind.RECOMMENDATION, code, "", Priority.LOW, "Held back after being declined", null,
            rule.getName(), rule.getPackageName());
    record.dueOn(until);
    suppressions.add(new Suppression(code, fingerprint, record));
    return record;
  }

  private Outcome raise(
      Drools drools,
      FindingKind kind,
      String code,
      String subject,
      Priority priority,
      String text,
      TrainingStatus status) {
    Rule rule = ruleOf(drools);
    String shown = text != null ? text : catalogue != null ? catalogue.entry(code).map(OutputEntry::text).orElse(code) : code;
    Outcome outcome = new Outcome(kind, code, subject, priority, shown, status, rule.getName(), rule.getPackageName());
    raised.add(outcome);
    drools.insert(outcome);
    return outcome;
  }

  /** The executable model's {@code drools} is also the rule context that names the rule firing. */
  private static Rule ruleOf(Drools drools) {
    if (drools instanceof RuleContext context) {
      return context.getRule();
    }
    throw new IllegalStateException("outputs must be raised from a rule consequence with 'drools'");
  }

  List<Outcome> raised() {
    return raised;
  }

  List<Suppression> suppressions() {
    return suppressions;
  }

  /** A declined recommendation held back: matched on code and facts fingerprint. */
  record Suppression(String code, String fingerprint, Outcome record) {}
}
