package uk.nhs.carecoord.cdshooks;

/**
 * The prefetched resources cannot make a case (a missing Patient, an invalid NHS number, a value
 * out of range). The message names the resource and element and is returned to the caller, who
 * sent them; it is never logged.
 */
public class PrefetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the resource and element at fault. */
  public PrefetchException(String message) {
    super(message);
  }

  /** With a message and the underlying error. */
  public PrefetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
