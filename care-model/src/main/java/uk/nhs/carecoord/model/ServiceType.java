package uk.nhs.carecoord.model;

/** Services a care co-ordinator connects people to. */
public enum ServiceType {
  /** Social prescribing link worker. */
  SOCIAL_PRESCRIBING_LINK_WORKER,
  /** Health and wellbeing coach. */
  HEALTH_AND_WELLBEING_COACH,
  /** Benefits advice. */
  BENEFITS_ADVICE,
  /** Personal health budget. */
  PERSONAL_HEALTH_BUDGET,
  /** Education or self-management course. */
  EDUCATION_SELF_MANAGEMENT,
  /** Peer support. */
  PEER_SUPPORT,
  /** Training and employment support. */
  EMPLOYMENT_SUPPORT,
  /** Another agency, named on the referral. */
  NAMED_AGENCY
}
