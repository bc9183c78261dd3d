package uk.nhs.carecoord.model;

import java.util.Optional;

/**
 * Thrown when JSON cannot be read into a model value: malformed JSON, an unknown or missing field,
 * a wrong type, or a value that breaks an invariant. Nothing is half-built: no value is returned.
 *
 * <p>The message gives the line and column, the path to the offending field (e.g. {@code
 * patient.conditions[1].snomedCode}) and what is wrong. It never quotes the surrounding document.
 */
public final class CareJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String path;

  CareJsonException(String problem, int line, int column, String path, Throwable cause) {
    super(describe(problem, line, column, path), cause);
    this.line = line;
    this.column = column;
    this.path = path;
  }

  private static String describe(String problem, int line, int column, String path) {
    StringBuilder s = new StringBuilder();
    if (line > 0) {
      s.append("line ").append(line).append(", column ").append(column).append(": ");
    }
    if (!path.isEmpty()) {
      s.append(path).append(": ");
    }
    return s.append(problem).toString();
  }

  /** Line of the problem (1-based), or -1 if unknown. */
  public int line() {
    return line;
  }

  /** Column of the problem (1-based), or -1 if unknown. */
  public int column() {
    return column;
  }

  /**
   * Path to the offending field, e.g. {@code plan.versions[0].content.agreedOn}; {@code $} for the
   * document as a whole.
   */
  public String path() {
    return path;
  }

  /** The model invariant that was broken, when that is the problem. */
  public Optional<ModelValidationException> validationError() {
    return getCause() instanceof ModelValidationException m ? Optional.of(m) : Optional.empty();
  }
}
