package uk.nhs.carecoord.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One code the rules may raise, as the output catalogue declares it.
 *
 * @param code the code rules raise, e.g. {@code FRAIL_ELDERLY}
 * @param kind what sort of output it is (the {@code out.<kind>(…)} call that raises it)
 * @param label a few words for a person: report headings, tables, cards
 * @param text the default text, used when a rule raises the code without one
 * @param reliedOnAs the part the library's Java or reports rely on it for, if any
 * @param declaredIn the catalogue file that declared it ({@code outputs.json} for built-in entries)
 */
public record OutputEntry(
    String code, FindingKind kind, String label, String text, Optional<OutputRole> reliedOnAs, String declaredIn) {

  /** Checks every part is present. */
  public OutputEntry {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reliedOnAs, "reliedOnAs");
    Objects.requireNonNull(declaredIn, "declaredIn");
  }
}
