package uk.nhs.carecoord.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.Priority;

/**
 * The hand-written counterpart of a {@code Finding}: one output, with a record per rule that
 * reached it. {@code dueOn} is null when no rule set a date; {@code subject} is empty when the
 * output is about the whole case, as in the rules.
 */
record HandFinding(
    FindingKind kind,
    String code,
    String subject,
    Priority priority,
    String text,
    LocalDate dueOn,
    List<HandRecord> decisions,
    String factsFingerprint) {

  /** The rules' order of outputs ({@code Finding.ORDER}): priority, then code, then subject. */
  static final Comparator<HandFinding> ORDER =
      Comparator.comparing(HandFinding::priority).thenComparing(HandFinding::code).thenComparing(HandFinding::subject);

  /** This finding held back by a decline: the hold-back record added, due when the hold ends. */
  HandFinding heldBack(HandRecord hold, LocalDate until) {
    List<HandRecord> all = new ArrayList<>(decisions.size() + 1);
    all.addAll(decisions);
    all.add(hold);
    return new HandFinding(kind, code, subject, priority, text, until, List.copyOf(all), factsFingerprint);
  }
}
