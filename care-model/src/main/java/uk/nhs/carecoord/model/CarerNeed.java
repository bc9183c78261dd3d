package uk.nhs.carecoord.model;

/** A need of a carer or family member in their own right. */
public enum CarerNeed {
  /** Has not had a carer's assessment. */
  CARER_ASSESSMENT,
  /** Needs a break from caring. */
  RESPITE,
  /** Money or benefits worries. */
  FINANCIAL,
  /** Emotional support. */
  EMOTIONAL_SUPPORT,
  /** Their own health needs. */
  OWN_HEALTH,
  /** Is a young carer. */
  YOUNG_CARER
}
