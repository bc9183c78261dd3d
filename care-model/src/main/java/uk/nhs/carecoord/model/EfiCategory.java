package uk.nhs.carecoord.model;

/** Electronic Frailty Index category (deficits out of 36). */
public enum EfiCategory {
  /** Fit: 0 to 0.12. */
  FIT,
  /** Mild frailty: 0.13 to 0.24. */
  MILD,
  /** Moderate frailty: 0.25 to 0.36. */
  MODERATE,
  /** Severe frailty: above 0.36. */
  SEVERE
}
