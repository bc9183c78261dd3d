package uk.nhs.carecoord.cdshooks;

/** A request the handler refuses, with the status to answer and a message naming the field. */
final class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  RequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
