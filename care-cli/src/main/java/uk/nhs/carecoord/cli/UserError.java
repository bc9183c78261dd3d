package uk.nhs.carecoord.cli;

/** A mistake in the input or the options, reported as one line and exit code 2. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message, null, false, false);
  }

  UserError(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
