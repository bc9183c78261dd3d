package uk.nhs.carecoord.model;

/** A care co-ordinator's answer to a recommendation. */
public enum AcknowledgementDecision {
  /** Accepted: the co-ordinator will act on it. */
  ACCEPTED,
  /** Declined, with a reason. */
  DECLINED
}
