package uk.nhs.carecoord.examples;

import java.time.LocalDate;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The smallest embedding: build a case, load the rules, evaluate, print what to do and why. */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** Runs the example. */
  public static void main(String[] args) {
    LocalDate today = LocalDate.of(2026, 11, 24);
    PatientCase mrsExample = PatientCase.builder()
        .patient(Patient.builder()
            .id("example-1")
            .nhsNumber(NhsNumber.of("999 000 0018")) // never-issued 999 range: synthetic
            .dateOfBirth(LocalDate.of(1941, 3, 2))
            .sex(Sex.FEMALE)
            .practiceCode("Y90001")
            .addConditions(LongTermCondition.of("44054006"), LongTermCondition.of("35489007"))
            .frailty(Frailty.builder().clinicalFrailtyScale(6).build())
            .build())
        .addPamAssessments(PamAssessment.of(44.0, today.minusMonths(8)))
        .build();

    CareRules rules = CareRules.builder().asOf(today).build();
    PatientEvaluation result = rules.evaluate(mrsExample);

    result.cohorts().forEach(c -> System.out.println("Cohort: " + c.text() + " " + c.reasons()));
    for (Finding next : result.recommendations()) {
      System.out.println(next.priority() + " " + next.text() + " because " + next.reasons());
    }
  }
}
