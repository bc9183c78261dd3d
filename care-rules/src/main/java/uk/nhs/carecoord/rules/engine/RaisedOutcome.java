package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.TrainingStatus;
import uk.nhs.carecoord.rules.authoring.Outcome;

/** The engine's {@link Outcome}: what a rule raised, with the rule that raised it. */
final class RaisedOutcome implements Outcome {
  private final FindingKind kind;
  private final String code;
  private final String subject;
  private final Priority priority;
  private final String text;
  private final TrainingStatus status;
  private final String ruleName;
  private final String rulePackage;
  private final List<String> reasons = new ArrayList<>();
  private final Map<String, String> facts = new TreeMap<>();
  private Set<String> clusters;
  private LocalDate dueOn;

  RaisedOutcome(
      FindingKind kind,
      String code,
      String subject,
      Priority priority,
      String text,
      TrainingStatus status,
      String ruleName,
      String rulePackage) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
    this.subject = subject == null ? "" : subject;
    this.priority = Objects.requireNonNull(priority, "priority");
    this.text = Objects.requireNonNull(text, "text");
    this.status = status;
    this.ruleName = ruleName;
    this.rulePackage = rulePackage;
  }

  /** Adds a reason, in words, for this output. */
  @Override
  public Outcome reason(String reason) {
    reasons.add(Objects.requireNonNull(reason, "reason"));
    return this;
  }

  /** Records a fact this output rests on (part of the audit record and the fingerprint). */
  @Override
  public Outcome fact(String name, Object value) {
    facts.put(Objects.requireNonNull(name, "name"), String.valueOf(value));
    return this;
  }

  /**
   * Records a code cluster this output rests on (e.g. {@code DM_COD}): listed, sorted, in its
   * decision record's {@code clusters}.
   */
  @Override
  public Outcome cluster(String clusterId) {
    if (clusters == null) {
      clusters = new TreeSet<>();
    }
    clusters.add(Objects.requireNonNull(clusterId, "clusterId"));
    return this;
  }

  /** Sets the date by which it is due. */
  @Override
  public Outcome dueOn(LocalDate date) {
    this.dueOn = date;
    return this;
  }

  @Override
  public FindingKind getKind() {
    return kind;
  }

  @Override
  public String getCode() {
    return code;
  }

  @Override
  public String getSubject() {
    return subject;
  }

  @Override
  public Priority getPriority() {
    return priority;
  }

  @Override
  public String getText() {
    return text;
  }

  @Override
  public TrainingStatus getStatus() {
    return status;
  }

  @Override
  public LocalDate getDueOn() {
    return dueOn;
  }

  String ruleName() {
    return ruleName;
  }

  String rulePackage() {
    return rulePackage;
  }

  List<String> reasons() {
    return reasons;
  }

  Map<String, String> facts() {
    return facts;
  }

  Set<String> clusterIds() {
    return clusters == null ? Set.of() : clusters;
  }

  @Override
  public String toString() {
    return kind + " " + code + (subject.isEmpty() ? "" : " [" + subject + "]") + " by " + ruleName;
  }
}
