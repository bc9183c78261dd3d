package uk.nhs.carecoord.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An output as a rule raises it, before the engine turns it into a {@link Finding}. Rules chain
 * {@link #reason}, {@link #fact} and {@link #dueOn} onto it, and may match on it in their
 * conditions (kind, code, subject, status and priority never change once raised).
 */
public final class Outcome {
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

  Outcome(
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
  public Outcome reason(String reason) {
    reasons.add(Objects.requireNonNull(reason, "reason"));
    return this;
  }

  /** Records a fact this output rests on (part of the audit record and the fingerprint). */
  public Outcome fact(String name, Object value) {
    facts.put(Objects.requireNonNull(name, "name"), String.valueOf(value));
    return this;
  }

  /**
   * Records a code cluster this output rests on (e.g. {@code DM_COD}): listed, sorted, in its
   * decision record's {@code clusters}.
   */
  public Outcome cluster(String clusterId) {
    if (clusters == null) {
      clusters = new TreeSet<>();
    }
    clusters.add(Objects.requireNonNull(clusterId, "clusterId"));
    return this;
  }

  /** Records the code clusters this output rests on; see {@link #cluster(String)}. */
  public Outcome clusters(Collection<?> clusterIds) {
    for (Object id : clusterIds) {
      cluster(String.valueOf(id));
    }
    return this;
  }

  /** Sets the date by which it is due. */
  public Outcome dueOn(LocalDate date) {
    this.dueOn = date;
    return this;
  }

  /** What sort of output. */
  public FindingKind getKind() {
    return kind;
  }

  /** Stable code. */
  public String getCode() {
    return code;
  }

  /** Subject within the case, or empty. */
  public String getSubject() {
    return subject;
  }

  /** Priority. */
  public Priority getPriority() {
    return priority;
  }

  /** Text. */
  public String getText() {
    return text;
  }

  /** Training status, or null for other kinds. */
  public TrainingStatus getStatus() {
    return status;
  }

  /** Due date, or null. */
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
