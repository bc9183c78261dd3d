package uk.nhs.carecoord.model;

/** How a PCN has taken on a care co-ordinator under the Additional Roles Reimbursement Scheme. */
public enum ArrsEngagement {
  /** Employed by the PCN or a member practice. */
  EMPLOYED,
  /** Engaged through another provider. */
  ENGAGED
}
