package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.ImmutableDecisionRecord;
import uk.nhs.carecoord.rules.ImmutableFinding;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.OutputEntry;

/**
 * Turns the outcomes one evaluation raised into findings: merges outcomes that name the same
 * output (kind, code, subject), gives each a decision record, and sorts them. Merging keeps every
 * contributing rule's record; the most urgent contribution sets priority, text and status.
 */
final class FindingAssembler {
  // Ties broken on content so the result never depends on the order facts were inserted.
  private static final Comparator<RaisedOutcome> BY_RULE =
      Comparator.comparing(RaisedOutcome::ruleName)
          .thenComparing(o -> o.facts().toString())
          .thenComparing(o -> o.reasons().toString())
          .thenComparing(o -> o.clusterIds().toString());
  private static final Comparator<RaisedOutcome> MOST_URGENT =
      Comparator.comparing(RaisedOutcome::getPriority).thenComparing(BY_RULE);

  private final RuleBase ruleBase;
  private final LocalDate asOf;
  private final String codeListVersion;
  private final OutputCatalogue outputs;

  FindingAssembler(RuleBase ruleBase, OutputCatalogue outputs, LocalDate asOf, String codeListVersion) {
    this.ruleBase = ruleBase;
    this.outputs = outputs;
    this.asOf = asOf;
    this.codeListVersion = codeListVersion;
  }

  List<Finding> assemble(List<RaisedOutcome> outcomes) {
    Map<Output, List<RaisedOutcome>> byOutput = new LinkedHashMap<>();
    for (RaisedOutcome o : outcomes) {
      byOutput.computeIfAbsent(new Output(o.getKind(), o.getCode(), o.getSubject()), k -> new ArrayList<>(2)).add(o);
    }
    List<Finding> findings = new ArrayList<>();
    for (List<RaisedOutcome> group : byOutput.values()) {
      findings.add(merge(group));
    }
    findings.sort(Finding.ORDER);
    return findings;
  }

  /** What outcomes merge on. */
  private record Output(FindingKind kind, String code, String subject) {}

  private Finding merge(List<RaisedOutcome> group) {
    List<RaisedOutcome> byRule = group;
    if (group.size() > 1) { // most findings have one rule's outcome: nothing to order
      group.sort(MOST_URGENT);
      byRule = new ArrayList<>(group);
      byRule.sort(BY_RULE);
    }
    RaisedOutcome lead = group.get(0);
    List<DecisionRecord> records = new ArrayList<>(byRule.size());
    LocalDate due = null;
    for (RaisedOutcome o : byRule) {
      records.add(record(o));
      if (o.getDueOn() != null && (due == null || o.getDueOn().isBefore(due))) {
        due = o.getDueOn();
      }
    }
    ImmutableFinding.Builder b = ImmutableFinding.builder()
        .kind(lead.getKind())
        .code(lead.getCode())
        .label(outputs.label(lead.getCode()))
        .reliedOnAs(outputs.entry(lead.getCode()).flatMap(OutputEntry::reliedOnAs))
        .subject(lead.getSubject())
        .priority(lead.getPriority())
        .text(lead.getText())
        .decisions(records)
        .factsFingerprint(fingerprint(lead, records));
    if (lead.getStatus() != null) {
      b.status(lead.getStatus());
    }
    if (due != null) {
      b.dueOn(due);
    }
    return b.build();
  }

  DecisionRecord record(RaisedOutcome o) {
    RuleBase.RuleSetInfo set = ruleBase.ruleSetOf(o.rulePackage(), o.ruleName());
    return ImmutableDecisionRecord.builder()
        .rule(o.ruleName())
        .ruleSet(set.name())
        .ruleSetVersion(set.version())
        .ruleSetDigest(set.digest())
        .reasons(o.reasons())
        .facts(o.facts())
        .clusters(o.clusterIds())
        .asOf(asOf)
        .codeListVersion(codeListVersion)
        .build();
  }

  /** Code, subject and facts, so the same output on the same facts has the same fingerprint. */
  static String fingerprint(RaisedOutcome lead, List<DecisionRecord> records) {
    StringBuilder s = new StringBuilder(lead.getKind() + "|" + lead.getCode() + "|" + lead.getSubject());
    for (DecisionRecord r : records) {
      r.facts().forEach((k, v) -> s.append('|').append(k).append('=').append(v));
    }
    return Hashing.sha256Hex(s.toString(), 8);
  }
}
