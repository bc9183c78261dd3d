package uk.nhs.carecoord.model;

/**
 * Training items for an ARRS care co-ordinator: the Personalised Care Institute (PCI) mandatory
 * items and the minimum training standards. Which items are required, and how often they are
 * renewed, is decided by the training compliance rules, not here.
 */
public enum TrainingModule {
  /** PCI-accredited two-day care co-ordinator course. */
  PCI_CARE_COORDINATOR_COURSE("PCI-accredited two-day care co-ordinator course"),
  /** PCI eLearning: Shared Decision Making. */
  PCI_ELEARNING_SHARED_DECISION_MAKING("PCI eLearning: Shared Decision Making"),
  /** PCI eLearning: Personalised Care and Support Planning. */
  PCI_ELEARNING_PERSONALISED_CARE_AND_SUPPORT_PLANNING(
      "PCI eLearning: Personalised Care and Support Planning"),
  /** Safeguarding Adults and Children level 1. */
  SAFEGUARDING_LEVEL_1("Safeguarding Adults and Children level 1"),
  /** Safeguarding Adults and Children level 2. */
  SAFEGUARDING_LEVEL_2("Safeguarding Adults and Children level 2"),
  /** Safeguarding level 3. */
  SAFEGUARDING_LEVEL_3("Safeguarding level 3"),
  /** Mental Capacity Act. */
  MENTAL_CAPACITY_ACT("Mental Capacity Act"),
  /** Deprivation of Liberty Safeguards. */
  DEPRIVATION_OF_LIBERTY_SAFEGUARDS("Deprivation of Liberty Safeguards"),
  /** Developing Partnerships. */
  DEVELOPING_PARTNERSHIPS("Developing Partnerships"),
  /** Personalised Care Core Skills. */
  PERSONALISED_CARE_CORE_SKILLS("Personalised Care Core Skills");

  private final String title;

  TrainingModule(String title) {
    this.title = title;
  }

  /** The item's name as a person reads it. */
  public String title() {
    return title;
  }
}
