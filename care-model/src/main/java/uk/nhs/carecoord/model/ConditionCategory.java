package uk.nhs.carecoord.model;

/** A group a long-term condition counts towards, as assigned by the {@link CodeList}. */
public enum ConditionCategory {
  /** A long-term physical health condition. */
  PHYSICAL,
  /** A long-term mental health condition. */
  MENTAL_HEALTH,
  /** A cancer diagnosis. */
  CANCER,
  /** Dementia of any type. */
  DEMENTIA,
  /** A learning disability. */
  LEARNING_DISABILITY,
  /** Autism. */
  AUTISM,
  /** Hearing or sight loss. */
  SENSORY_IMPAIRMENT,
  /** Alcohol or drug dependence. */
  SUBSTANCE_MISUSE,
  /** Frailty recorded as a diagnosis. */
  FRAILTY
}
