package uk.nhs.carecoord.model;

/** How a carer or family member is related to the person. */
public enum CarerRelationship {
  /** Spouse or partner. */
  SPOUSE_OR_PARTNER,
  /** Parent. */
  PARENT,
  /** Son or daughter. */
  CHILD,
  /** Brother or sister. */
  SIBLING,
  /** Another family member. */
  OTHER_FAMILY,
  /** Friend or neighbour. */
  FRIEND_OR_NEIGHBOUR,
  /** A paid carer. */
  PAID_CARER
}
