package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.DOB;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;
import static uk.nhs.carecoord.model.Fixtures.fullPatient;
import static uk.nhs.carecoord.model.Fixtures.minimalPatient;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatientTest {

  @Test
  void hasDefaultsForTheOptionalParts() {
    Patient p = minimalPatient().build();
    assertEquals(0, p.repeatMedicines());
    assertEquals(ServiceUse.none(), p.serviceUse());
    assertEquals(ConsentStatus.NOT_ASKED, p.consent());
    assertTrue(p.conditions().isEmpty() && p.flags().isEmpty() && p.carers().isEmpty());
  }

  @Test
  void knowsAgeAndFlags() {
    Patient p = fullPatient();
    assertEquals(85, p.ageOn(LocalDate.of(2026, 3, 7)));
    assertEquals(84, p.ageOn(LocalDate.of(2026, 3, 6)));
    assertTrue(p.has(ClinicalFlag.HOUSEBOUND));
    assertFalse(p.has(ClinicalFlag.DEMENTIA));
  }

  @Test
  void needsItsRequiredAttributes() {
    assertInvalid("nhsNumber", () -> Patient.builder().id("p").dateOfBirth(DOB).sex(Sex.MALE).practiceCode("Y1").build());
    assertInvalid("sex", () -> minimalPatient().build().withSex(null));
    // Several missing: the first is named, the message lists them all.
    ModelValidationException e = assertInvalid("id", () -> Patient.builder().build());
    assertTrue(e.getMessage().contains("practiceCode"), e.getMessage());
  }

  @Test
  void idAndPracticeMustNotBeBlank() {
    assertInvalid("id", () -> minimalPatient().id(" ").build());
    assertInvalid("practiceCode", () -> minimalPatient().practiceCode("").build());
  }

  @Test
  void repeatMedicinesIsNotNegative() {
    assertInvalid("repeatMedicines", () -> minimalPatient().repeatMedicines(-1).build());
    assertEquals(0, minimalPatient().repeatMedicines(0).build().repeatMedicines());
  }

  @Test
  void eachConditionCodeAtMostOnce() {
    assertInvalid(
        "conditions",
        () ->
            minimalPatient()
                .addConditions(LongTermCondition.of("73211009"), LongTermCondition.of("73211009"))
                .build());
  }

  @Test
  void carerIdsAreUnique() {
    Carer carer = Carer.builder().id("carer-1").relationship(CarerRelationship.SPOUSE_OR_PARTNER).build();
    assertInvalid("carers", () -> minimalPatient().addCarers(carer, carer).build());
  }

  @Test
  void aPreferredLanguageIsNotBlank() {
    assertInvalid("preferredLanguage", () -> minimalPatient().preferredLanguage(" ").build());
  }

  @ParameterizedTest
  @EnumSource(value = ConsentStatus.class, names = {"GIVEN", "DECLINED"})
  void anAnswerToConsentIsDated(ConsentStatus answer) {
    assertInvalid("consentRecordedOn", () -> minimalPatient().consent(answer).build());
    assertEquals(answer, minimalPatient().consent(answer).consentRecordedOn(DOB.plusYears(80)).build().consent());
  }

  @Test
  void consentIsNotRecordedBeforeBirth() {
    ModelValidationException e =
        assertInvalid(
            "consentRecordedOn",
            () -> minimalPatient().consent(ConsentStatus.GIVEN).consentRecordedOn(DOB.minusDays(1)).build());
    assertFalse(e.getMessage().contains(DOB.toString()), "names the date of birth: " + e.getMessage());
    assertEquals(DOB, minimalPatient().consent(ConsentStatus.GIVEN).consentRecordedOn(DOB).build().consentRecordedOn().orElseThrow());
  }

  @Test
  void frailtyIsNotAssessedBeforeBirth() {
    assertInvalid(
        "frailty.assessedOn",
        () -> minimalPatient().frailty(Frailty.builder().clinicalFrailtyScale(3).assessedOn(DOB.minusDays(1)).build()).build());
  }

  @Nested
  class Conditions {
    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567890123456789", "7321100X", "", "73211009 ", "-73211009"})
    void aCodeIsASnomedIdentifier(String code) {
      assertInvalid("snomedCode", () -> LongTermCondition.of(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "123456789012345678", "73211009"})
    void sixToEighteenDigitsAreAccepted(String code) {
      assertEquals(code, LongTermCondition.of(code).snomedCode());
    }

    @Test
    void aDisplayIsNotBlank() {
      assertInvalid("display", () -> LongTermCondition.builder().snomedCode("73211009").display(" ").build());
    }
  }

  @Nested
  class FrailtyAssessment {
    @Test
    void needsAScoreOrACategory() {
      assertInvalid("frailty", () -> Frailty.builder().build());
      assertInvalid("frailty", () -> Frailty.builder().assessedOn(LocalDate.of(2026, 1, 1)).build());
      assertEquals(EfiCategory.SEVERE, Frailty.builder().efiCategory(EfiCategory.SEVERE).build().efiCategory().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10, 100})
    void theClinicalFrailtyScaleRunsOneToNine(int score) {
      assertInvalid("clinicalFrailtyScale", () -> Frailty.builder().clinicalFrailtyScale(score).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 9})
    void scoresOneToNineAreAccepted(int score) {
      assertEquals(score, Frailty.builder().clinicalFrailtyScale(score).build().clinicalFrailtyScale().orElseThrow());
    }
  }

  @Nested
  class CarersAndServiceUse {
    @Test
    void aCarerHasAnId() {
      assertInvalid("id", () -> Carer.builder().id(" ").relationship(CarerRelationship.PARENT).build());
      assertInvalid("relationship", () -> Carer.builder().id("c").build());
      assertFalse(Carer.builder().id("c").relationship(CarerRelationship.PARENT).build().mainCarer());
    }

    @Test
    void serviceUseCountsAreNotNegative() {
      assertInvalid("aeAttendances", () -> ServiceUse.builder().aeAttendances(-1).build());
      assertInvalid("emergencyAdmissions", () -> ServiceUse.builder().emergencyAdmissions(-1).build());
      assertInvalid("gpAppointments", () -> ServiceUse.builder().gpAppointments(-1).build());
      ServiceUse none = ServiceUse.none();
      assertEquals(0, none.aeAttendances() + none.emergencyAdmissions() + none.gpAppointments());
    }
  }
}
