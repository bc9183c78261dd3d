package uk.nhs.carecoord.model;

/** Coded reason recorded with an acknowledgement. */
public enum AcknowledgementReason {
  /** The co-ordinator will act on it. */
  WILL_ACT,
  /** The person does not want it. */
  PERSON_DECLINED,
  /** Not appropriate for this person now. */
  NOT_APPROPRIATE,
  /** Already arranged elsewhere. */
  ALREADY_IN_PLACE,
  /** A clinician judged otherwise. */
  CLINICAL_JUDGEMENT,
  /** Another reason. */
  OTHER
}
