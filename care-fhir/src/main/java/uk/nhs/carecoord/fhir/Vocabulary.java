package uk.nhs.carecoord.fhir;

import java.util.Locale;
import java.util.Map;
import uk.nhs.carecoord.model.CarerRelationship;

/** Code systems, extension URLs and the fixed code tables the mapping both reads and writes. */
final class Vocabulary {
  private Vocabulary() {}

  static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";
  static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";
  static final String COURSE_OF_THERAPY =
      "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy-type";
  static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  static final String BCP47 = "urn:ietf:bcp:47";
  static final String UCUM = "http://unitsofmeasure.org";

  static final String EXT_INTERPRETER = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";
  static final String EXT_UK_NHS_COMMUNICATION =
      "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication";
  static final String EXT_UK_REPEAT =
      "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation";

  static final String EXT_CARER_NEED = FhirCodes.BASE + "/StructureDefinition/carer-need";
  static final String EXT_AMENDMENT_REASON = FhirCodes.BASE + "/StructureDefinition/amendment-reason";
  static final String EXT_SHARED_WITH_PATIENT = FhirCodes.BASE + "/StructureDefinition/shared-with-patient";
  static final String EXT_CONTACT_TELEPHONE = FhirCodes.BASE + "/StructureDefinition/contact-telephone";
  static final String EXT_REFERRAL_STATUS = FhirCodes.BASE + "/StructureDefinition/referral-status";

  /** Identifier system naming the kind of an action's owner on {@code activity.detail.performer}. */
  static final String ACTION_OWNER_SYSTEM = FhirCodes.BASE + "/Id/action-owner-kind";

  // Codes in the library's own code system.
  static final String PAM_SCORE = "pam-score";
  static final String PAM_LEVEL = "pam-level";
  static final String CFS = "clinical-frailty-scale";
  static final String EFI = "electronic-frailty-index";
  static final String EFI_CATEGORY_PREFIX = "efi-";
  static final String MAIN_CARER = "main-carer";
  static final String PAID_CARER = "paid-carer";
  static final String PCSP = "personalised-care-and-support-plan";
  static final String PCSP_CONSENT = "personalised-care-planning";
  static final String FLAG_PREFIX = "flag-";
  static final String COMMUNICATION_PREFIX = "communication-";
  static final String REFERRAL_PREFIX = "referral-";

  /** SNOMED CT eFI category findings (mild, moderate, severe frailty). */
  static final Map<String, uk.nhs.carecoord.model.EfiCategory> EFI_CATEGORY_SNOMED =
      Map.of(
          "925791000000100", uk.nhs.carecoord.model.EfiCategory.MILD,
          "925831000000107", uk.nhs.carecoord.model.EfiCategory.MODERATE,
          "925861000000102", uk.nhs.carecoord.model.EfiCategory.SEVERE);

  /** v3 RoleCode personal relationships to the model's relationship. */
  static final Map<String, CarerRelationship> ROLE_CODES =
      Map.ofEntries(
          Map.entry("SPS", CarerRelationship.SPOUSE_OR_PARTNER),
          Map.entry("HUSB", CarerRelationship.SPOUSE_OR_PARTNER),
          Map.entry("WIFE", CarerRelationship.SPOUSE_OR_PARTNER),
          Map.entry("DOMPART", CarerRelationship.SPOUSE_OR_PARTNER),
          Map.entry("SIGOTHR", CarerRelationship.SPOUSE_OR_PARTNER),
          Map.entry("PRN", CarerRelationship.PARENT),
          Map.entry("MTH", CarerRelationship.PARENT),
          Map.entry("FTH", CarerRelationship.PARENT),
          Map.entry("CHILD", CarerRelationship.CHILD),
          Map.entry("SON", CarerRelationship.CHILD),
          Map.entry("DAU", CarerRelationship.CHILD),
          Map.entry("SIB", CarerRelationship.SIBLING),
          Map.entry("BRO", CarerRelationship.SIBLING),
          Map.entry("SIS", CarerRelationship.SIBLING),
          Map.entry("FAMMEMB", CarerRelationship.OTHER_FAMILY),
          Map.entry("FRND", CarerRelationship.FRIEND_OR_NEIGHBOUR),
          Map.entry("NBOR", CarerRelationship.FRIEND_OR_NEIGHBOUR));

  /** The RoleCode the writer uses for each relationship (paid carers use the library's code). */
  static final Map<CarerRelationship, String> ROLE_CODE_OF =
      Map.of(
          CarerRelationship.SPOUSE_OR_PARTNER, "SPS",
          CarerRelationship.PARENT, "PRN",
          CarerRelationship.CHILD, "CHILD",
          CarerRelationship.SIBLING, "SIB",
          CarerRelationship.OTHER_FAMILY, "FAMMEMB",
          CarerRelationship.FRIEND_OR_NEIGHBOUR, "FRND");

  /** {@code SOME_NAME} as {@code some-name}. */
  static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant whose kebab form is {@code code}, or null. */
  static <E extends Enum<E>> E fromKebab(Class<E> type, String code) {
    for (E value : type.getEnumConstants()) {
      if (kebab(value).equals(code)) {
        return value;
      }
    }
    return null;
  }
}
