package uk.nhs.carecoord.model;

/**
 * Thrown when a model value would break one of its invariants. Names the offending field so that
 * callers (and the command line) can point at it without parsing the message.
 *
 * <p>Messages never echo patient-identifying values beyond what the caller supplied for that call.
 */
public final class ModelValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private static final String ELEMENT = " element";

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
   * Used by generated builders: {@code message} is a missing attribute's name (a null was passed),
   * an attribute's name followed by {@code " element"} (a null collection element was passed) or a
   * sentence ending in the list of required attributes not set (the field is the first of them).
   */
  public ModelValidationException(String message) {
    this(
        missingField(message),
        isName(message) ? "must not be null" : isElement(message) ? "must not contain null" : message);
  }

  /** The attribute (or dotted path) that is invalid, e.g. {@code score} or {@code goals[2].id}. */
  public String field() {
    return field;
  }

  private static boolean isName(String message) {
    return message.matches("[A-Za-z_][A-Za-z0-9_.]*");
  }

  private static boolean isElement(String message) {
    return message.endsWith(ELEMENT) && isName(message.substring(0, message.length() - ELEMENT.length()));
  }

  private static String missingField(String message) {
    if (isName(message)) {
      return message;
    }
    if (isElement(message)) {
      return message.substring(0, message.length() - ELEMENT.length());
    }
    // Immutables reports "... some of required attributes are not set [a, b]": name the first, so
    // that field() stays a single dotted path (the message still lists them all).
    int open = message.lastIndexOf('[');
    int close = message.lastIndexOf(']');
    if (open < 0 || close <= open) {
      return "unknown";
    }
    String first = message.substring(open + 1, close).split(",")[0].trim();
    return first.isEmpty() ? "unknown" : first;
  }
}
