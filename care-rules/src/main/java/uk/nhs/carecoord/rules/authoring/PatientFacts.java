package uk.nhs.carecoord.rules.authoring;

import java.util.Set;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CommunicationNeed;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Sex;

/**
 * The person being evaluated, with values derived once for the rules (age on the reference date).
 * Their coded entries are {@link CodedEntryFact}s beside it.
 */
public final class PatientFacts {
  private final String patientId;
  private final int age;
  private final Sex sex;
  private final String practiceCode;
  private final String coordinatorId;
  private final Set<ClinicalFlag> flags;
  private final int clinicalFrailtyScale;
  private final EfiCategory efiCategory;
  private final int repeatMedicines;
  private final int aeAttendances;
  private final int emergencyAdmissions;
  private final int gpAppointments;
  private final Set<CommunicationNeed> communicationNeeds;
  private final ConsentStatus consent;

  /** Made by the engine; public for rule tests. */
  public PatientFacts(String patientId, int age, Sex sex, String practiceCode, String coordinatorId, Set<ClinicalFlag> flags, int clinicalFrailtyScale, EfiCategory efiCategory, int repeatMedicines, int aeAttendances, int emergencyAdmissions, int gpAppointments, Set<CommunicationNeed> communicationNeeds, ConsentStatus consent) {
    this.patientId = patientId;
    this.age = age;
    this.sex = sex;
    this.practiceCode = practiceCode;
    this.coordinatorId = coordinatorId;
    this.flags = EnumSets.copyOf(flags, ClinicalFlag.class);
    this.clinicalFrailtyScale = clinicalFrailtyScale;
    this.efiCategory = efiCategory;
    this.repeatMedicines = repeatMedicines;
    this.aeAttendances = aeAttendances;
    this.emergencyAdmissions = emergencyAdmissions;
    this.gpAppointments = gpAppointments;
    this.communicationNeeds = EnumSets.copyOf(communicationNeeds, CommunicationNeed.class);
    this.consent = consent;
  }

  /** The host system's identifier. */
  public String getPatientId() {
    return patientId;
  }

  /** Age in whole years on the reference date. */
  public int getAge() {
    return age;
  }

  /** Administrative sex. */
  public Sex getSex() {
    return sex;
  }

  /** ODS code of the registered practice. */
  public String getPracticeCode() {
    return practiceCode;
  }

  /** The allocated care co-ordinator, or null. */
  public String getCoordinatorId() {
    return coordinatorId;
  }

  /** Register flags. */
  public Set<ClinicalFlag> getFlags() {
    return flags;
  }

  /** Rockwood Clinical Frailty Scale 1-9, or 0 when not recorded. */
  public int getClinicalFrailtyScale() {
    return clinicalFrailtyScale;
  }

  /** Electronic Frailty Index category, or null. */
  public EfiCategory getEfiCategory() {
    return efiCategory;
  }

  /** Number of repeat medicines. */
  public int getRepeatMedicines() {
    return repeatMedicines;
  }

  /** A&amp;E attendances in the last 12 months. */
  public int getAeAttendances() {
    return aeAttendances;
  }

  /** Emergency admissions in the last 12 months. */
  public int getEmergencyAdmissions() {
    return emergencyAdmissions;
  }

  /** GP appointments in the last 12 months. */
  public int getGpAppointments() {
    return gpAppointments;
  }

  /** Communication needs. */
  public Set<CommunicationNeed> getCommunicationNeeds() {
    return communicationNeeds;
  }

  /** Consent to personalised care. */
  public ConsentStatus getConsent() {
    return consent;
  }

  @Override
  public String toString() {
    return "PatientFacts[" + "patientId=" + patientId + ", " + "age=" + age + ", " + "sex=" + sex + ", " + "practiceCode=" + practiceCode + ", " + "coordinatorId=" + coordinatorId + ", " + "flags=" + flags + ", " + "clinicalFrailtyScale=" + clinicalFrailtyScale + ", " + "efiCategory=" + efiCategory + ", " + "repeatMedicines=" + repeatMedicines + ", " + "aeAttendances=" + aeAttendances + ", " + "emergencyAdmissions=" + emergencyAdmissions + ", " + "gpAppointments=" + gpAppointments + ", " + "communicationNeeds=" + communicationNeeds + ", " + "consent=" + consent + "]";
  }
}
