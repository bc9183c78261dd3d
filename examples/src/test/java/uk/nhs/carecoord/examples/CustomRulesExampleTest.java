package uk.nhs.carecoord.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.rules.CareRules;

/** The shipped local rule compiles beside the built-in rules and fires at its age boundary. */
class CustomRulesExampleTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  static PatientCase aged(int age, UnaryOperator<ImmutablePatient.Builder> changes) {
    return PatientCase.builder().patient(changes.apply(Patient.builder().id("e-" + age)
        .nhsNumber(NhsNumber.of("9990000026")).dateOfBirth(AS_OF.minusYears(age)).sex(Sex.MALE)
        .practiceCode("Y90001")).build()).build();
  }

  @Test
  void localCohortIsAddedBesideTheBuiltIns() throws Exception {
    CareRules rules = CareRules.builder().asOf(AS_OF).ruleDirectory(CustomRulesExample.shippedRules()).build();
    assertEquals("1.0.0+", rules.ruleSetVersions().get("housebound").substring(0, 6));
    assertFalse(rules.ruleSetVersions().get("cohorts").isEmpty());
    assertEquals(true, rules.evaluate(aged(75, b -> b.addFlags(ClinicalFlag.HOUSEBOUND))).codes().contains("LOCAL_HOUSEBOUND_OVER_75"));
    assertEquals(false, rules.evaluate(aged(74, b -> b.addFlags(ClinicalFlag.HOUSEBOUND))).codes().contains("LOCAL_HOUSEBOUND_OVER_75"));
    assertEquals(false, rules.evaluate(aged(80, b -> b)).codes().contains("LOCAL_HOUSEBOUND_OVER_75"));
  }
}
