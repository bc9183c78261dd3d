package uk.nhs.carecoord.fhir;

/** Thrown inside the mapping of one resource to refuse it at an element path; never escapes. */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String path;

  Refusal(String path, String detail) {
    super(detail, null, false, false);
    this.path = path;
  }
}
