package uk.nhs.carecoord.model;

/** How far a co-ordinator has got with a training item. */
public enum TrainingProgress {
  /** Enrolled, not yet started. */
  ENROLLED,
  /** Started, not finished. */
  IN_PROGRESS,
  /** Finished. */
  COMPLETED
}
