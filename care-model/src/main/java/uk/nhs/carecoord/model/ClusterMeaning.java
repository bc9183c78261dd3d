package uk.nhs.carecoord.model;

import java.util.Optional;

/**
 * What a {@link CodeCluster}'s codes mean to the rules. A code may carry several meanings (a
 * severe depression code is in both the depression and the severe mental illness clusters); only
 * contradictory ones, a status and its own negation or two frailty grades, are refused.
 * What follows from a meaning (which count as long-term conditions, which statuses count) is
 * decided by the rules, not here.
 */
public enum ClusterMeaning {
  /** A long-term physical health condition (diabetes, COPD, heart failure...). */
  LONG_TERM_CONDITION_PHYSICAL,
  /** A long-term mental health condition (depression, severe mental illness). */
  LONG_TERM_CONDITION_MENTAL_HEALTH,
  /** Cancer. */
  CANCER,
  /** Dementia. */
  DEMENTIA,
  /** A learning disability. */
  LEARNING_DISABILITY,
  /** Autism. */
  AUTISM,
  /** Lives in a care home, or a care-home event (the PCD cluster holds both). */
  CARE_HOME,
  /** Living temporarily in a care home. */
  CARE_HOME_TEMPORARY,
  /** Housebound (including temporarily). */
  HOUSEBOUND,
  /** No longer housebound. */
  NO_LONGER_HOUSEBOUND,
  /** Is an unpaid carer. */
  CARER,
  /** Is no longer, or is not, a carer. */
  NO_LONGER_CARER,
  /** On the palliative care (end of life) register. */
  PALLIATIVE_CARE,
  /** Mild frailty (eFI category, Clinical Frailty Scale 4-5). */
  FRAILTY_MILD,
  /** Moderate frailty (eFI category, Clinical Frailty Scale 6). */
  FRAILTY_MODERATE,
  /** Severe frailty (eFI category, Clinical Frailty Scale 7-8). */
  FRAILTY_SEVERE;

  /** The status this one negates, for the paired status clusters ("no longer housebound"). */
  public Optional<ClusterMeaning> negates() {
    return switch (this) {
      case NO_LONGER_HOUSEBOUND -> Optional.of(HOUSEBOUND);
      case NO_LONGER_CARER -> Optional.of(CARER);
      default -> Optional.empty();
    };
  }

  /**
   * Whether one code cannot mean both: a status and its negation, or two different frailty
   * grades. Symmetric; a meaning never contradicts itself.
   */
  public boolean contradicts(ClusterMeaning other) {
    if (this == other) {
      return false;
    }
    if (negates().equals(Optional.of(other)) || other.negates().equals(Optional.of(this))) {
      return true;
    }
    return isFrailtyGrade() && other.isFrailtyGrade();
  }

  /** One of the three frailty grades. */
  public boolean isFrailtyGrade() {
    return this == FRAILTY_MILD || this == FRAILTY_MODERATE || this == FRAILTY_SEVERE;
  }
}
