package uk.nhs.carecoord.fhir;

/** What the import did with a resource or one of its elements. */
public enum ImportOutcome {
  /** Mapped into the case. */
  USED,
  /** Read and deliberately left out, with the reason. */
  IGNORED,
  /** Unreadable or contradictory: the whole import is refused. */
  REFUSED
}
