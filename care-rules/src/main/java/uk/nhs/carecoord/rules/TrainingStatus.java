package uk.nhs.carecoord.rules;

/** Status of one training item against the reference date. */
public enum TrainingStatus {
  /** Completed and in date. */
  COMPLETE,
  /** Due within the due-soon window: first completion not yet due, or renewal coming up. */
  DUE_SOON,
  /** Past its deadline or expired. */
  OVERDUE,
  /** No record at all. */
  MISSING
}
