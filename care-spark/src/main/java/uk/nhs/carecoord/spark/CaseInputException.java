package uk.nhs.carecoord.spark;

/**
 * A case in the input could not be read or evaluated: its JSON is malformed or breaks the model's
 * rules, or it records something after the reference date. The message names the input file (where
 * Spark knows it) and the field, as {@link uk.nhs.carecoord.model.CareJsonException} does; it never
 * quotes the case. On a cluster it reaches the driver as the cause of a {@code SparkException}.
 */
public final class CaseInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;

  CaseInputException(String source, String problem, Throwable cause) {
    super((source == null || source.isEmpty() ? "a case" : source) + ": " + problem, cause);
    this.source = source == null ? "" : source;
  }

  /** The input file the case came from, or empty when Spark does not know it. */
  public String source() {
    return source;
  }
}
