package uk.nhs.carecoord.model;

/**
 * Thrown when a model value would break one of its invariants. Names the offending field so that
 * callers (and the command line) can point at it without parsing the message.
 *
 * <p>Messages never echo patient-identifying values beyond what the caller supplied for that call.
 */
public final class ModelValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the attribute (or dotted path) that is invalid
   * @param message what is wrong with it
   */
  public ModelValidationException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /**
   * Used by generated builders: {@code message} is either a missing attribute's name (a null was
   * passed) or a sentence ending in the list of required attributes not set.
   */
  public ModelValidationException(String message) {
    this(missingField(message), isName(message) ? "must not be null" : message);
  }

  /** The attribute (or dotted path) that is invalid, e.g. {@code score} or {@code goals[2].id}. */
  public String field() {
    return field;
  }

  private static boolean isName(String message) {
    return message.matches("[A-Za-z_][A-Za-z0-9_.]*");
  }

  private static String missingField(String message) {
    if (isName(message)) {
      return message;
    }
    // Immutables reports "... some of required attributes are not set [a, b]".
    int open = message.lastIndexOf('[');
    int close = message.lastIndexOf(']');
    return open >= 0 && close > open ? message.substring(open + 1, close) : "unknown";
  }
}
