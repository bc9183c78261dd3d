package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.ServiceUse;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/** Each cohort rule, firing and not firing at its boundary. */
class CohortRulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = CareRules.builder().asOf(AS_OF).build();
  }

  /** A person of the given age on AS_OF (birthday today), with changes applied. */
  static PatientCase person(int age, UnaryOperator<ImmutablePatient.Builder> changes) {
    ImmutablePatient.Builder b = Patient.builder()
        .id("p-" + age)
        .nhsNumber(NhsNumber.fromFirstNineDigits("999000001"))
        .dateOfBirth(AS_OF.minusYears(age))
        .sex(Sex.FEMALE)
        .practiceCode("Y90001");
    return PatientCase.builder().patient(changes.apply(b).build()).build();
  }

  static boolean inCohort(PatientCase c, String code) {
    return rules.evaluate(c).cohorts().stream().anyMatch(f -> f.code().equals(code));
  }

  static Finding cohort(PatientCase c, String code) {
    return rules.evaluate(c).cohorts().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void frailByCfsFromFrailtyAgeAndCutOff() {
    assertTrue(inCohort(person(65, b -> b.frailty(Frailty.builder().clinicalFrailtyScale(5).build())), "FRAIL_ELDERLY"));
    assertFalse(inCohort(person(64, b -> b.frailty(Frailty.builder().clinicalFrailtyScale(5).build())), "FRAIL_ELDERLY"));
    assertFalse(inCohort(person(65, b -> b.frailty(Frailty.builder().clinicalFrailtyScale(4).build())), "FRAIL_ELDERLY"));
  }

  @Test
  void frailByEfiModerateOrSevere() {
    assertTrue(inCohort(person(70, b -> b.frailty(Frailty.builder().efiCategory(EfiCategory.MODERATE).build())), "FRAIL_ELDERLY"));
    assertTrue(inCohort(person(70, b -> b.frailty(Frailty.builder().efiCategory(EfiCategory.SEVERE).build())), "FRAIL_ELDERLY"));
    assertFalse(inCohort(person(70, b -> b.frailty(Frailty.builder().efiCategory(EfiCategory.MILD).build())), "FRAIL_ELDERLY"));
  }

  @Test
  void elderlyByAgeAlone() {
    Finding f = cohort(person(85, b -> b), "FRAIL_ELDERLY");
    assertEquals(Priority.MEDIUM, f.priority());
    assertEquals("Elderly by age", f.decisions().get(0).rule());
    assertFalse(inCohort(person(84, b -> b), "FRAIL_ELDERLY"));
  }

  @Test
  void severalReasonsMergeIntoOneFindingWithARecordEach() {
    Finding f = cohort(person(90, b -> b.frailty(Frailty.builder().clinicalFrailtyScale(7).efiCategory(EfiCategory.SEVERE).build())), "FRAIL_ELDERLY");
    assertEquals(3, f.decisions().size());
    assertEquals(Priority.HIGH, f.priority());
    assertEquals("cohorts", f.decisions().get(0).ruleSet());
    assertEquals("2026.12.1", f.decisions().get(0).ruleSetVersion());
    assertEquals(AS_OF, f.decisions().get(0).asOf());
    assertEquals(uk.nhs.carecoord.model.CodeClusters.builtIn().version(), f.decisions().get(0).codeListVersion());
  }

  @Test
  void multipleLongTermConditionsFromTwo() {
    assertTrue(inCohort(person(50, b -> b.addConditions(LongTermCondition.of("44054006"), LongTermCondition.of("38341003"))), "MULTIPLE_LONG_TERM_CONDITIONS"));
    assertFalse(inCohort(person(50, b -> b.addConditions(LongTermCondition.of("44054006"))), "MULTIPLE_LONG_TERM_CONDITIONS"));
    // A code not on the code list counts towards nothing.
    assertFalse(inCohort(person(50, b -> b.addConditions(LongTermCondition.of("44054006"), LongTermCondition.of("123456789"))), "MULTIPLE_LONG_TERM_CONDITIONS"));
  }

  @Test
  void physicalWithMentalHealthIsHighPriority() {
    Finding f = cohort(person(50, b -> b.addConditions(LongTermCondition.of("44054006"), LongTermCondition.of("35489007"))), "MULTIPLE_LONG_TERM_CONDITIONS");
    assertEquals(Priority.HIGH, f.priority());
  }

  @Test
  void cancerByFlagOrRecentDiagnosis() {
    assertTrue(inCohort(person(60, b -> b.addFlags(ClinicalFlag.ACTIVE_CANCER)), "CANCER"));
    LocalDate edge = AS_OF.minusMonths(60);
    assertTrue(inCohort(person(60, b -> b.addConditions(LongTermCondition.builder().snomedCode("254837009").diagnosedOn(edge.plusDays(1)).build())), "CANCER"));
    assertFalse(inCohort(person(60, b -> b.addConditions(LongTermCondition.builder().snomedCode("254837009").diagnosedOn(edge).build())), "CANCER"));
    assertFalse(inCohort(person(60, b -> b), "CANCER"));
  }

  @Test
  void learningDisabilityAndAutism() {
    assertTrue(inCohort(person(30, b -> b.addFlags(ClinicalFlag.LEARNING_DISABILITY)), "LEARNING_DISABILITY_AUTISM"));
    assertTrue(inCohort(person(30, b -> b.addConditions(LongTermCondition.of("408856003"))), "LEARNING_DISABILITY_AUTISM"));
    assertTrue(inCohort(person(30, b -> b.addFlags(ClinicalFlag.AUTISM)), "LEARNING_DISABILITY_AUTISM"));
    assertFalse(inCohort(person(30, b -> b), "LEARNING_DISABILITY_AUTISM"));
  }

  @Test
  void dementiaByFlagOrCode() {
    assertTrue(inCohort(person(80, b -> b.addFlags(ClinicalFlag.DEMENTIA)), "DEMENTIA"));
    assertTrue(inCohort(person(80, b -> b.addConditions(LongTermCondition.of("26929004"))), "DEMENTIA"));
    assertFalse(inCohort(person(80, b -> b), "DEMENTIA"));
  }

  @Test
  void careHomeResident() {
    assertTrue(inCohort(person(80, b -> b.addFlags(ClinicalFlag.CARE_HOME_RESIDENT)), "CARE_HOME"));
    assertFalse(inCohort(person(80, b -> b.addFlags(ClinicalFlag.HOUSEBOUND)), "CARE_HOME"));
  }

  @Test
  void highRiskAtEachThreshold() {
    assertTrue(inCohort(person(40, b -> b.serviceUse(ServiceUse.builder().aeAttendances(3).build())), "HIGH_RISK"));
    assertFalse(inCohort(person(40, b -> b.serviceUse(ServiceUse.builder().aeAttendances(2).build())), "HIGH_RISK"));
    assertEquals(Priority.URGENT, cohort(person(40, b -> b.serviceUse(ServiceUse.builder().emergencyAdmissions(2).build())), "HIGH_RISK").priority());
    assertFalse(inCohort(person(40, b -> b.serviceUse(ServiceUse.builder().emergencyAdmissions(1).build())), "HIGH_RISK"));
    assertTrue(inCohort(person(40, b -> b.repeatMedicines(10)), "HIGH_RISK"));
    assertFalse(inCohort(person(40, b -> b.repeatMedicines(9)), "HIGH_RISK"));
  }

  @Test
  void thresholdsAreConfiguration() {
    CareRules stricter = rules.withThresholds(Thresholds.builder().polypharmacyMedicines(12).build());
    PatientCase ten = person(40, b -> b.repeatMedicines(10));
    assertFalse(stricter.evaluate(ten).cohorts().stream().anyMatch(f -> f.code().equals("HIGH_RISK")));
  }
}
