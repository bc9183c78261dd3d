package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Plausibility;

/** Every evaluation refuses an implausible case; the bounds are configuration. */
class PlausibilityBoundsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  private static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = CareRules.builder().asOf(AS_OF).build();
  }

  private static PatientCase agedOn(int years) {
    PatientCase c = CohortRulesTest.person(80, b -> b);
    return PatientCase.builder().from(c)
        .patient(ImmutablePatient.copyOf(c.patient()).withDateOfBirth(AS_OF.minusYears(years).minusDays(1)))
        .build();
  }

  @Test
  void anAgeOf130IsRefusedRatherThanPutInTheElderlyCohort() {
    ModelValidationException e = assertThrows(ModelValidationException.class, () -> rules.evaluate(agedOn(130)));
    assertEquals("patient.dateOfBirth", e.field());
    assertTrue(rules.evaluate(agedOn(125)).codes().contains("FRAIL_ELDERLY"), "125 is old but possible");
  }

  @Test
  void theBoundsAreConfiguration() {
    CareRules lenient = CareRules.builder().asOf(AS_OF).plausibility(Plausibility.builder().maxAgeYears(140).build()).build();
    assertEquals("pt-130", lenient.evaluate(withId(agedOn(130), "pt-130")).patientId());
    CareRules strict = rules.asOf(AS_OF);
    assertThrows(ModelValidationException.class, () -> strict.evaluate(agedOn(130)));
  }

  private static PatientCase withId(PatientCase c, String id) {
    return PatientCase.builder().from(c).patient(ImmutablePatient.copyOf(c.patient()).withId(id)).build();
  }
}
