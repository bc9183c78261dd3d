package uk.nhs.carecoord.examples;

import java.time.LocalDate;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.Frailty;
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
            // SNOMED CT codes as a GP system records them, read through NHS England's code clusters.
            .addCodedEntries(
                CodedEntry.of("313436004", LocalDate.of(2019, 3, 2)), // type 2 diabetes without complication (DM_COD)
                CodedEntry.of("59621000", LocalDate.of(2016, 11, 20)), // essential hypertension (HYP_COD)
                CodedEntry.of("35489007", LocalDate.of(2021, 6, 1)), // depressive disorder (DEPR_COD)
                CodedEntry.of("276044001", LocalDate.of(2024, 4, 4))) // looks after chronically sick mother (a carer)
            .frailty(Frailty.builder().clinicalFrailtyScale(6).build())
            .build())
        .addPamAssessments(PamAssessment.of(44.0, today.minusMonths(8)))
        .build();

    CareRules rules = CareRules.builder().asOf(today).build();
    PatientEvaluation result = rules.evaluate(mrsExample);

    result.cohorts().forEach(c -> System.out.println("Cohort: " + c.text() + " " + c.reasons()
        + " clusters " + c.decisions().stream().flatMap(d -> d.clusters().stream()).distinct().toList()));
    System.out.println("Coded entries in no cluster: " + result.coding().unrecognised().size()
        + " (code clusters " + result.codeListVersion() + ")");
    for (Finding next : result.recommendations()) {
      System.out.println(next.priority() + " " + next.text() + " because " + next.reasons());
    }
  }
}
