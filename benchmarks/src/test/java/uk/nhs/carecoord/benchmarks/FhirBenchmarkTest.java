package uk.nhs.carecoord.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The FHIR benchmark does the whole work: each person's bundle imported and evaluated as their case is. */
class FhirBenchmarkTest {
  static FhirInput input;

  @BeforeAll
  static void setUp() {
    input = new FhirInput();
    input.setUp(120);
  }

  static List<String> cohorts(PatientEvaluation e) {
    return e.cohorts().stream().map(Finding::code).toList();
  }

  @Test
  void everyBundleIsAFullRecordThatDecidesTheCohortsItsCaseDecides() {
    int withCohorts = 0;
    for (int i = 0; i < input.bundles.length; i++) {
      assertTrue(input.bundles[i].startsWith("{\"resourceType\":\"Bundle\""), "bundle " + i);
      PatientEvaluation fromFhir = FhirBenchmark.fromFhir(input, i);
      PatientEvaluation fromCase = FhirBenchmark.fromCaseJson(input, i);
      assertEquals(fromCase.patientId(), fromFhir.patientId());
      assertEquals(cohorts(fromCase), cohorts(fromFhir), "person " + i);
      withCohorts += fromFhir.cohorts().isEmpty() ? 0 : 1;
    }
    assertTrue(withCohorts > 10, "the bundles carry what the rules read: " + withCohorts + " people in a cohort");
    long[] bytes = input.averageBytes();
    assertTrue(bytes[0] > bytes[1], "a bundle is larger than its case: " + bytes[0] + " vs " + bytes[1]);
  }

  @Test
  void theHarnessGoesThroughEveryPersonOnceOnAnyNumberOfThreads() {
    long one = FhirHarness.run(input, 1, FhirHarness::fhir);
    assertTrue(one > 0);
    assertEquals(one, FhirHarness.run(input, 2, FhirHarness::fhir));
    assertEquals(one, FhirHarness.run(input, 3, FhirHarness::fhir));
    assertEquals(FhirHarness.run(input, 1, FhirHarness::importOnly), FhirHarness.run(input, 2, FhirHarness::importOnly));
  }
}
