package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Drools;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.OutputEntry;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.TrainingStatus;
import uk.nhs.carecoord.rules.authoring.Outcome;
import uk.nhs.carecoord.rules.authoring.Outcomes;

/**
 * The engine's {@link Outcomes}: collects what one evaluation's rules raise, giving a code raised
 * without a text the output catalogue's default text.
 */
final class CollectedOutcomes implements Outcomes {
  private final List<RaisedOutcome> raised = new ArrayList<>();
  private final List<Suppression> suppressions = new ArrayList<>();
  private final OutputCatalogue catalogue;

  /** Outputs with no catalogue: a code raised without a text gets its code as text. */
  CollectedOutcomes() {
    this(null);
  }

  /** Outputs whose code raised without a text gets the catalogue's default text. */
  CollectedOutcomes(OutputCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Raises a cohort match. */
  @Override
  public Outcome cohort(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.COHORT, code, "", priority, text, null);
  }

  /** Raises the status of a training item. */
  @Override
  public Outcome training(
      Drools drools, TrainingModule module, TrainingStatus status, Priority priority, String text) {
    return raise(drools, FindingKind.TRAINING, module.name(), "", priority, text, status);
  }

  /** Raises a supervision check (first point of contact or GP supervisor named or missing). */
  @Override
  public Outcome supervision(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.SUPERVISION, code, "", priority, text, null);
  }

  /** Raises the overall compliance verdict: code {@code ARRS_COMPLIANT} or {@code ARRS_NOT_COMPLIANT}. */
  @Override
  public Outcome verdict(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.VERDICT, code, "", priority, text, null);
  }

  /** Raises an obligation about a subject (e.g. a safeguarding concern's id). */
  @Override
  public Outcome obligation(
      Drools drools, String code, String subject, Priority priority, String text) {
    return raise(drools, FindingKind.OBLIGATION, code, subject, priority, text, null);
  }

  /** Raises a recommended next step. */
  @Override
  public Outcome recommendation(Drools drools, String code, Priority priority, String text) {
    return raise(drools, FindingKind.RECOMMENDATION, code, "", priority, text, null);
  }

  /** Raises a recommended next step about a subject (e.g. a goal's or decision's id). */
  @Override
  public Outcome recommendation(
      Drools drools, String code, String subject, Priority priority, String text) {
    return raise(drools, FindingKind.RECOMMENDATION, code, subject, priority, text, null);
  }

  /**
   * Holds back the recommendation with this code whose facts fingerprint is {@code fingerprint}
   * (a co-ordinator declined it and the facts have not changed) until {@code until}.
   */
  @Override
  public Outcome suppress(Drools drools, String code, String fingerprint, LocalDate until) {
    Rule rule = ruleOf(drools);
    RaisedOutcome record =
        new RaisedOutcome(
            FindingKind.RECOMMENDATION, code, "", Priority.LOW, "Held back after being declined", null,
            rule.getName(), rule.getPackageName());
    record.dueOn(until);
    suppressions.add(new Suppression(code, fingerprint, record));
    return record;
  }

  private RaisedOutcome raise(
      Drools drools,
      FindingKind kind,
      String code,
      String subject,
      Priority priority,
      String text,
      TrainingStatus status) {
    Rule rule = ruleOf(drools);
    String shown = text != null ? text : catalogue != null ? catalogue.entry(code).map(OutputEntry::text).orElse(code) : code;
    RaisedOutcome outcome = new RaisedOutcome(kind, code, subject, priority, shown, status, rule.getName(), rule.getPackageName());
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

  List<RaisedOutcome> raised() {
    return raised;
  }

  List<Suppression> suppressions() {
    return suppressions;
  }

  /** A declined recommendation held back: matched on code and facts fingerprint. */
  record Suppression(String code, String fingerprint, RaisedOutcome record) {}
}
