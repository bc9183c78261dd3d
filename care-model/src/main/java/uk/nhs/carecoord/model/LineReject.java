package uk.nhs.carecoord.model;

import java.util.Objects;

/**
 * Why one line of a batch was rejected: where (source, line, column, field path) and what is
 * wrong, with the original line for correction and resubmission. Its {@link #toString()} is the
 * compiler-style {@code source:line:column: path: message}; the column is left out when the
 * problem is not at one place in the line (a case dated after the reference date). The path is
 * {@code $} for the line as a whole (malformed JSON), as {@link CareJsonException#path()} has it.
 */
public final class LineReject {
  private final String source;
  private final JsonLines.Line line;
  private final int column;
  private final String path;
  private final String message;

  /**
   * @param source how the input is named, e.g. a file name or {@code stdin}
   * @param line the rejected line
   * @param column the column of the problem (from 1), or 0 when it is not at one place
   * @param path the JSON path of the offending field, {@code $} for the line as a whole
   * @param message what is wrong
   */
  public LineReject(String source, JsonLines.Line line, int column, String path, String message) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = Objects.requireNonNull(line, "line");
    this.column = Math.max(0, column);
    this.path = Objects.requireNonNull(path, "path");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** A line that could not be read. */
  static LineReject of(String source, JsonLines.Line line, CareJsonException e) {
    return new LineReject(source, line, Math.max(0, e.column()), e.path(), problem(e));
  }

  /** A line whose value broke an invariant outside JSON reading. */
  public static LineReject of(String source, JsonLines.Line line, ModelValidationException e) {
    String prefix = e.field() + ": ";
    String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    return new LineReject(source, line, 0, e.field(), message);
  }

  /** The exception's message without the line, column and path it also gives. */
  private static String problem(CareJsonException e) {
    String m = e.getMessage();
    String at = "line " + e.line() + ", column " + e.column() + ": ";
    if (m.startsWith(at)) {
      m = m.substring(at.length());
    }
    if (!e.path().isEmpty() && m.startsWith(e.path() + ": ")) {
      m = m.substring(e.path().length() + 2);
    }
    return m;
  }

  /** How the input is named. */
  public String source() {
    return source;
  }

  /** The line's number in the input, from 1. */
  public long lineNumber() {
    return line.number();
  }

  /** The column of the problem, from 1, or 0 when the problem is not at one place in the line. */
  public int column() {
    return column;
  }

  /**
   * The JSON path of the offending field, e.g. {@code patient.nhsNumber}; {@code $} for the line
   * as a whole.
   */
  public String path() {
    return path;
  }

  /** What is wrong, without the location. */
  public String message() {
    return message;
  }

  /** The rejected line as it was read. */
  public JsonLines.Line line() {
    return line;
  }

  /** {@code source:line:column: path: message}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(source).append(':').append(line.number());
    if (column > 0) {
      s.append(':').append(column);
    }
    s.append(": ");
    if (!path.isEmpty()) {
      s.append(path).append(": ");
    }
    return s.append(message).toString();
  }
}
