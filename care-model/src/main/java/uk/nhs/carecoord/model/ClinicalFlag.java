package uk.nhs.carecoord.model;

/** Recorded flags that place a person in a cohort whatever their coded conditions. */
public enum ClinicalFlag {
  /** On the practice learning disability register. */
  LEARNING_DISABILITY,
  /** Autistic. */
  AUTISM,
  /** On the dementia register. */
  DEMENTIA,
  /** Cancer under active treatment or follow-up. */
  ACTIVE_CANCER,
  /** Lives in a care home. */
  CARE_HOME_RESIDENT,
  /** Housebound. */
  HOUSEBOUND
}
