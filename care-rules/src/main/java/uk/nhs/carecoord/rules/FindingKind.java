package uk.nhs.carecoord.rules;

/** What sort of output a {@link Finding} is. */
public enum FindingKind {
  /** A cohort the person belongs to. */
  COHORT,
  /** The status of one training item of a care co-ordinator. */
  TRAINING,
  /** Whether the PCN has named a first point of contact or a GP supervisor. */
  SUPERVISION,
  /** The overall ARRS training compliance verdict for a co-ordinator. */
  VERDICT,
  /** Something the co-ordinator must do, such as discussing a safeguarding concern with a GP. */
  OBLIGATION,
  /** A suggested next step with the person. */
  RECOMMENDATION
}
