package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** An evaluation as GuidanceResponse + RequestGroup, valid base FHIR R4, carrying all it holds. */
class GuidanceExportTest {
  private static final CareRules RULES = CareRules.builder().asOf(GoldenBundleTest.AS_OF).build();
  private static final CareRules GENERATED_RULES = CareRules.builder().asOf(CareArbitraries.DEFAULT_AS_OF).build();
  private static final R4Validator VALIDATOR = new R4Validator();

  @Test
  void theGoldenEvaluationAsGuidance() {
    PatientCase c = goldenCase();
    PatientEvaluation e = RULES.evaluate(c);
    Bundle b = CareFhir.guidance(e, RULES.ruleSetVersions());
    VALIDATOR.assertValid(b);
    GuidanceResponse response = (GuidanceResponse) b.getEntry().get(0).getResource();
    RequestGroup group = (RequestGroup) b.getEntry().get(1).getResource();
    assertEquals("Patient/pt-1001", response.getSubject().getReference());
    assertTrue(response.getModuleCanonicalType().getValue().contains("cohorts-"));
    assertEquals(e.obligations().size() + e.recommendations().size(), group.getAction().size());
    var first = group.getActionFirstRep();
    Finding overdue = e.recommendations().get(0);
    assertEquals("PLAN_REVIEW_OVERDUE", overdue.code());
    assertEquals(overdue.code(), first.getCodeFirstRep().getCodingFirstRep().getCode());
    assertEquals(overdue.label(), first.getTitle());
    assertTrue(!overdue.label().equals(overdue.code()), "the catalogue gives the overdue review a label");
    assertEquals(overdue.text(), first.getDescription());
    assertEquals(RequestGroup.RequestPriority.URGENT, first.getPriority());
    assertEquals("2026-09-02", first.getTimingDateTimeType().getValueAsString());
    Parameters cohorts = (Parameters) response.getContained().get(0);
    Coding frail = (Coding) cohorts.getParameterFirstRep().getValue();
    assertEquals("FRAIL_ELDERLY", frail.getCode());
    assertEquals(e.cohorts().get(0).label(), frail.getDisplay());
    assertEquals(GuidanceWriter.CODE_CLUSTERS + "|" + e.codeListVersion(),
        response.getDataRequirementFirstRep().getCodeFilterFirstRep().getValueSet());
  }

  @Test
  void unrecognisedCodesAreInformationalMessages() {
    PatientCase golden = goldenCase();
    // 160245001 "No current problems or disability" is in no built-in cluster.
    PatientCase c = ImmutablePatientCase.copyOf(golden).withPatient(ImmutablePatient.copyOf(golden.patient())
        .withCodedEntries(append(golden.patient().codedEntries(), CodedEntry.builder().snomedCode("160245001")
            .display("No current problems or disability").recordedOn(LocalDate.of(2025, 1, 3)).id("cond-x").build())));
    PatientEvaluation e = RULES.evaluate(c);
    assertTrue(e.coding().unrecognised().stream().anyMatch(u -> u.snomedCode().equals("160245001")));
    Bundle b = CareFhir.guidance(e, RULES.ruleSetVersions());
    VALIDATOR.assertValid(b);
    GuidanceResponse response = (GuidanceResponse) b.getEntry().get(0).getResource();
    OperationOutcome messages = messages(response);
    var issue = messages.getIssue().stream()
        .filter(i -> i.getDetails().getCodingFirstRep().getCode().equals("160245001")).findFirst().orElseThrow();
    assertEquals(OperationOutcome.IssueSeverity.INFORMATION, issue.getSeverity());
    assertEquals(FhirCodes.SNOMED, issue.getDetails().getCodingFirstRep().getSystem());
    assertTrue(issue.getDiagnostics().contains("entry cond-x"), issue.getDiagnostics());
    assertTrue(issue.getDiagnostics().contains(e.codeListVersion()), issue.getDiagnostics());
  }

  @Provide
  Arbitrary<PatientCase> cases() {
    return new RoundTripPropertyTest().cases();
  }

  /**
   * For generated people: one message per unrecognised coded entry in order, one action per
   * obligation and recommendation titled with its label and described by its text, each deciding
   * rule with its reasons, one output parameter per cohort, and valid R4.
   */
  @Property(tries = 100)
  void guidanceCarriesEveryPartOfTheEvaluation(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = GENERATED_RULES.evaluate(c);
    Bundle b = CareFhir.guidance(e, GENERATED_RULES.ruleSetVersions());
    Statistics.collect(e.coding().unrecognised().isEmpty() ? "all codes recognised" : "unrecognised codes");
    Statistics.coverage(cov -> cov.check("unrecognised codes").percentage(p -> p > 10));
    GuidanceResponse response = (GuidanceResponse) b.getEntry().get(0).getResource();

    List<CodedEntry> unrecognised = e.coding().unrecognised();
    if (unrecognised.isEmpty()) {
      assertTrue(response.getEvaluationMessage().isEmpty());
    } else {
      List<String> codes = messages(response).getIssue().stream()
          .map(i -> i.getDetails().getCodingFirstRep().getCode()).toList();
      assertEquals(unrecognised.stream().map(CodedEntry::snomedCode).toList(), codes);
    }

    List<Finding> actions = new ArrayList<>(e.obligations());
    actions.addAll(e.recommendations());
    RequestGroup group = (RequestGroup) b.getEntry().get(1).getResource();
    assertEquals(actions.size(), group.getAction().size());
    for (int i = 0; i < actions.size(); i++) {
      Finding f = actions.get(i);
      var action = group.getAction().get(i);
      assertEquals(f.label(), action.getTitle());
      assertEquals(f.text(), action.getDescription());
      List<Extension> rules = action.getExtensionsByUrl(GuidanceWriter.EXT_RULE);
      assertEquals(f.decisions().size(), rules.size());
      for (int j = 0; j < rules.size(); j++) {
        DecisionRecord d = f.decisions().get(j);
        assertEquals(d.rule(), rules.get(j).getExtensionString("rule"));
        assertEquals(d.reasons(), rules.get(j).getExtensionsByUrl("reason").stream()
            .map(x -> x.getValue().primitiveValue()).toList());
      }
    }
    Parameters output = (Parameters) response.getContained().get(0);
    assertEquals(e.cohorts().stream().map(Finding::code).toList(), output.getParameter().stream()
        .filter(p -> p.getName().equals("cohort")).map(p -> ((Coding) p.getValue()).getCode()).toList());
  }

  /** HAPI's validator is slow (about a second a bundle): a few generated people. */
  @Property(tries = 5)
  void guidanceOfGeneratedPeopleValidates(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = GENERATED_RULES.evaluate(c);
    VALIDATOR.assertValid(CareFhir.guidance(e, GENERATED_RULES.ruleSetVersions()));
  }

  private static OperationOutcome messages(GuidanceResponse response) {
    String ref = response.getEvaluationMessageFirstRep().getReference();
    for (Resource r : response.getContained()) {
      if (("#" + r.getIdElement().getIdPart()).equals(ref) || r.getId().equals(ref)) {
        return (OperationOutcome) r;
      }
    }
    throw new AssertionError("no contained OperationOutcome " + ref);
  }

  private static PatientCase goldenCase() {
    return CareFhir.builder().build()
        .importBundle(GoldenBundleTest.resource("golden-frail-older-person.json"), GoldenBundleTest.AS_OF).patientCase();
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
