package uk.nhs.carecoord.model;

/** The kind of a safeguarding concern. */
public enum ConcernCategory {
  /** Abuse (physical, sexual, psychological, financial, neglect). */
  ABUSE,
  /** Domestic abuse or violence. */
  DOMESTIC_ABUSE,
  /** A mental health concern needing support. */
  MENTAL_HEALTH,
  /** Self-neglect. */
  SELF_NEGLECT,
  /** Any other safeguarding concern. */
  OTHER
}
