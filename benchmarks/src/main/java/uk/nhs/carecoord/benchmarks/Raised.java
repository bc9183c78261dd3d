package uk.nhs.carecoord.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.Priority;

/**
 * What one hand-written evaluation raised, and how it becomes findings: the plain-Java
 * counterpart of {@code Outcomes} plus {@code FindingAssembler}. Outputs naming the same (kind,
 * code, subject) merge into one finding with a record each; the most urgent sets priority and
 * text, the earliest due date wins, and the fingerprint covers every record's facts.
 */
final class Raised {
  // The same tie-breaks as FindingAssembler, so lead, record order and fingerprint agree.
  private static final Comparator<Output> BY_RULE =
      Comparator.comparing((Output o) -> o.rule)
          .thenComparing(o -> o.facts.toString())
          .thenComparing(o -> o.reasons.toString());
  private static final Comparator<Output> MOST_URGENT =
      Comparator.comparing((Output o) -> o.priority).thenComparing(BY_RULE);

  /** Outputs grouped by (kind, code, subject), in the order first raised; a handful per person. */
  private final List<List<Output>> groups = new ArrayList<>(12);

  /** Raises an output; the caller chains reasons, facts and a due date onto it. */
  Output raise(FindingKind kind, String code, String subject, Priority priority, String text, String ruleSet, String rule) {
    Output o = new Output(kind, code, subject, priority, text, ruleSet, rule);
    for (List<Output> group : groups) {
      Output first = group.get(0);
      if (first.kind == kind && first.code.equals(code) && first.subject.equals(subject)) {
        group.add(o);
        return o;
      }
    }
    List<Output> group = new ArrayList<>(2);
    group.add(o);
    groups.add(group);
    return o;
  }

  /** The codes raised so far of one kind, sorted (the cohort list the recommendations name). */
  Set<String> codesOf(FindingKind kind) {
    Set<String> codes = new TreeSet<>();
    for (List<Output> group : groups) {
      if (group.get(0).kind == kind) {
        codes.add(group.get(0).code);
      }
    }
    return codes;
  }

  /** The merged findings, in the rules' order. */
  List<HandFinding> findings() {
    List<HandFinding> findings = new ArrayList<>(groups.size());
    for (List<Output> group : groups) {
      findings.add(merge(group));
    }
    findings.sort(HandFinding.ORDER);
    return findings;
  }

  private static HandFinding merge(List<Output> group) {
    Output lead = group.size() == 1 ? group.get(0) : Collections.min(group, MOST_URGENT);
    if (group.size() > 1) {
      group.sort(BY_RULE);
    }
    List<HandRecord> records = new ArrayList<>(group.size());
    LocalDate due = null;
    for (Output o : group) {
      records.add(new HandRecord(o.rule, o.ruleSet, List.copyOf(o.reasons), Collections.unmodifiableSortedMap(o.facts)));
      if (o.dueOn != null && (due == null || o.dueOn.isBefore(due))) {
        due = o.dueOn;
      }
    }
    return new HandFinding(lead.kind, lead.code, lead.subject, lead.priority, lead.text, due,
        List.copyOf(records), Fingerprints.of(lead.kind, lead.code, lead.subject, records));
  }

  /** One output as raised: a rule's decision before merging. */
  static final class Output {
    final FindingKind kind;
    final String code;
    final String subject;
    final Priority priority;
    final String text;
    final String ruleSet;
    final String rule;
    final List<String> reasons = new ArrayList<>(1);
    final TreeMap<String, String> facts = new TreeMap<>();
    LocalDate dueOn;

    private Output(FindingKind kind, String code, String subject, Priority priority, String text, String ruleSet, String rule) {
      this.kind = kind;
      this.code = code;
      this.subject = subject;
      this.priority = priority;
      this.text = text;
      this.ruleSet = ruleSet;
      this.rule = rule;
    }

    Output reason(String reason) {
      reasons.add(reason);
      return this;
    }

    /** Recorded as text, like {@code Outcome.fact}: the fingerprint hashes the text. */
    Output fact(String name, Object value) {
      facts.put(name, String.valueOf(value));
      return this;
    }

    Output dueOn(LocalDate date) {
      this.dueOn = date;
      return this;
    }
  }
}
