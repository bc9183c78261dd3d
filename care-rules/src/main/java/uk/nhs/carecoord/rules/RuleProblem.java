package uk.nhs.carecoord.rules;

import java.util.Objects;

/**
 * One problem found compiling DRL: the rule file, the line and what is wrong.
 *
 * @param file the {@link RuleSource#name() name} of the DRL file the problem is in; never a
 *     generated Java file. Empty only when a problem belongs to no file at all.
 * @param line the 1-based line in that file, or 0 when the line is not known
 * @param message what is wrong, as Drools or the Java compiler put it
 */
public record RuleProblem(String file, int line, String message) {

  /** Checks the parts; a negative line becomes 0 (unknown). */
  public RuleProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    line = Math.max(line, 0);
  }

  /** {@code file:line: message}, or {@code file: message} when the line is unknown. */
  @Override
  public String toString() {
    String where = file.isEmpty() ? "(no file)" : file;
    return (line > 0 ? where + ":" + line : where) + ": " + message;
  }
}
