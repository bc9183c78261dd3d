package uk.nhs.carecoord.model;

/** Where a safeguarding concern has got to. */
public enum ConcernStatus {
  /** Raised and not yet resolved. */
  OPEN,
  /** Referred to the local authority or another agency; still followed up. */
  REFERRED,
  /** Resolved and closed. */
  CLOSED
}
