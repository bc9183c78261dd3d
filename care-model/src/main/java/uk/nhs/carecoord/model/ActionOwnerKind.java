package uk.nhs.carecoord.model;

/** Who carries out an action in a care and support plan. */
public enum ActionOwnerKind {
  /** The person themselves. */
  PATIENT,
  /** A carer or family member. */
  CARER,
  /** The care co-ordinator. */
  CARE_COORDINATOR,
  /** A named service or professional. */
  SERVICE
}
