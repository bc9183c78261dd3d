package uk.nhs.carecoord.model;

/** Where a referral has got to. */
public enum ReferralStatus {
  /** Sent, not yet answered. */
  REQUESTED,
  /** Accepted by the service. */
  ACCEPTED,
  /** Declined by the service or the person. */
  DECLINED,
  /** The service has finished with the person. */
  COMPLETED,
  /** Withdrawn. */
  CANCELLED
}
