package uk.nhs.carecoord.rules;

/**
 * A part the library's Java or reports play on an output, declared in the output catalogue with
 * {@code "reliedOnAs"}. Java finds outputs by role, never by a code literal, so a rule author may
 * rename a code by moving its role; a rule base that raises no code with a {@linkplain #required()
 * required} role does not build.
 */
public enum OutputRole {
  /** The verdict {@link CoordinatorEvaluation#compliant()} looks for: the co-ordinator meets ARRS requirements. */
  COMPLIANT_VERDICT(true, "CoordinatorEvaluation.compliant() and the training compliance report"),
  /** The obligation to discuss a safeguarding concern with a GP, which the safeguarding report counts. */
  SAFEGUARDING_DISCUSSION(true, "the safeguarding report's overdue discussions"),
  /** A supervision output saying something is missing, which the training matrix lists. */
  SUPERVISION_GAP(false, "the training matrix's missing supervision");

  private final boolean required;
  private final String usedBy;

  OutputRole(boolean required, String usedBy) {
    this.required = required;
    this.usedBy = usedBy;
  }

  /** Whether the built-in rule base (and any replacement of its rule sets) must raise a code with this role. */
  public boolean required() {
    return required;
  }

  /** What relies on it, in words. */
  public String usedBy() {
    return usedBy;
  }
}
