package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.RequestGroup;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** An evaluation as GuidanceResponse + RequestGroup, valid base FHIR R4. */
class GuidanceExportTest {
  private static final CareRules RULES = CareRules.builder().asOf(GoldenBundleTest.AS_OF).build();
  private static final R4Validator VALIDATOR = new R4Validator();

  @Test
  void theGoldenEvaluationAsGuidance() {
    var c = CareFhir.builder().build()
        .importBundle(GoldenBundleTest.resource("golden-frail-older-person.json"), GoldenBundleTest.AS_OF).patientCase();
    PatientEvaluation e = RULES.evaluate(c);
    Bundle b = CareFhir.guidance(e, RULES.ruleSetVersions());
    VALIDATOR.assertValid(b);
    GuidanceResponse response = (GuidanceResponse) b.getEntry().get(0).getResource();
    RequestGroup group = (RequestGroup) b.getEntry().get(1).getResource();
    assertEquals("Patient/pt-1001", response.getSubject().getReference());
    assertTrue(response.getModuleCanonicalType().getValue().contains("cohorts-"));
    assertEquals(e.obligations().size() + e.recommendations().size(), group.getAction().size());
    var first = group.getActionFirstRep();
    assertEquals(e.recommendations().get(0).code(), first.getCodeFirstRep().getCodingFirstRep().getCode());
    assertEquals(RequestGroup.RequestPriority.URGENT, first.getPriority());
    assertEquals("2026-09-02", first.getTimingDateTimeType().getValueAsString());
    Parameters cohorts = (Parameters) response.getContained().get(0);
    assertEquals("FRAIL_ELDERLY", ((org.hl7.fhir.r4.model.Coding) cohorts.getParameterFirstRep().getValue()).getCode());
  }
}
