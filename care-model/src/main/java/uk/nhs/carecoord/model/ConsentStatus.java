package uk.nhs.carecoord.model;

/** Whether the person has agreed to personalised care and support planning. */
public enum ConsentStatus {
  /** Agreed. */
  GIVEN,
  /** Declined. */
  DECLINED,
  /** Not yet asked. */
  NOT_ASKED
}
