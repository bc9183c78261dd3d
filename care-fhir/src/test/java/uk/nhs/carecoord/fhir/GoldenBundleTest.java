package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CarerRelationship;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodedEntryStatus;
import uk.nhs.carecoord.model.CommunicationNeed;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.ServiceType;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Hand-written UK Core bundles with their expected import report and evaluation, kept beside them
 * in test resources ({@code NAME.json}, {@code NAME.report.txt}, {@code NAME.evaluation.txt}).
 */
class GoldenBundleTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  private static final CareFhir FHIR = CareFhir.builder().build();
  private static final CareRules RULES = CareRules.builder().asOf(AS_OF).build();

  static String resource(String name) {
    try (InputStream in = GoldenBundleTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String evaluationSummary(PatientEvaluation e) {
    StringBuilder out = new StringBuilder();
    for (List<Finding> group : List.of(e.cohorts(), e.obligations(), e.recommendations())) {
      for (Finding f : group) {
        out.append(f.kind()).append(' ').append(f.code()).append(' ').append(f.priority())
            .append(f.dueOn().map(d -> " due " + d).orElse("")).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Compares with the expected file; with {@code -Dgolden.update=true} rewrites it instead (then
   * review the diff before committing).
   */
  static void assertGolden(String name, String actual) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.writeString(Path.of("src/test/resources/uk/nhs/carecoord/fhir", name), actual);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    assertEquals(resource(name), actual, name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden-frail-older-person"})
  void importReportIsAsExpected(String name) {
    ImportResult result = FHIR.importBundle(resource(name + ".json"), AS_OF);
    assertGolden(name + ".report.txt", result.report().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden-frail-older-person"})
  void evaluationIsAsExpected(String name) {
    ImportResult result = FHIR.importBundle(resource(name + ".json"), AS_OF);
    assertGolden(name + ".evaluation.txt", evaluationSummary(RULES.evaluate(result.patientCase())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden-frail-older-person"})
  void xmlGivesTheSameCaseAsJson(String name) {
    String json = resource(name + ".json");
    String xml = FhirParsing.xml(FhirParsing.parse(json, "Bundle"));
    assertEquals(FHIR.importBundle(json, AS_OF).patientCase(), FHIR.importBundle(xml, AS_OF).patientCase());
  }

  @Test
  void prefetchOfSeveralBundlesAndResourcesGivesTheSameCaseAsOneBundle() {
    String json = resource("golden-frail-older-person.json");
    org.hl7.fhir.r4.model.Bundle whole = (org.hl7.fhir.r4.model.Bundle) FhirParsing.parse(json, "Bundle");
    var first = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET);
    var second = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET);
    for (int i = 0; i < whole.getEntry().size(); i++) {
      (i % 2 == 0 ? first : second).addEntry(whole.getEntry().get(i).copy());
    }
    org.hl7.fhir.r4.model.Resource patient = whole.getEntryFirstRep().getResource();
    ImportResult prefetch = FHIR.importResources(List.of(patient, first, second), AS_OF);
    assertEquals(FHIR.importBundle(json, AS_OF).patientCase(), prefetch.patientCase());
    assertTrue(prefetch.report().entries(ImportOutcome.IGNORED).stream()
        .anyMatch(e -> e.resource().equals("Patient/pt-1001") && e.detail().contains("appears again")));
  }

  @Test
  void frailOlderPersonMapsEveryField() {
    PatientCase c = FHIR.importBundle(resource("golden-frail-older-person.json"), AS_OF).patientCase();
    Patient p = c.patient();
    assertEquals("pt-1001", p.id());
    assertEquals("9990000018", p.nhsNumber().digits());
    assertEquals(LocalDate.of(1939, 4, 17), p.dateOfBirth());
    assertEquals("Y00001", p.practiceCode());
    assertEquals(Optional.of("Polish"), p.preferredLanguage());
    assertEquals(Set.of(CommunicationNeed.INTERPRETER), p.communicationNeeds());
    assertEquals(
        Set.of("44054006:ACTIVE", "84114007:ACTIVE", "35489007:RESOLVED"),
        p.codedEntries().stream().map(e -> e.snomedCode() + ":" + e.status()).collect(Collectors.toSet()));
    assertEquals(LocalDate.of(2011, 6, 2), p.codedEntries().get(0).recordedOn());
    assertTrue(p.codedEntries().stream().noneMatch(e -> e.status() == CodedEntryStatus.ENTERED_IN_ERROR));
    assertEquals(Optional.of(6), p.frailty().orElseThrow().clinicalFrailtyScale());
    assertEquals(Optional.of(EfiCategory.MODERATE), p.frailty().orElseThrow().efiCategory());
    assertEquals(Optional.of(LocalDate.of(2026, 5, 14)), p.frailty().orElseThrow().assessedOn());
    assertEquals(Set.of(ClinicalFlag.HOUSEBOUND), p.flags());
    assertEquals(CarerRelationship.CHILD, p.carers().get(0).relationship());
    assertTrue(p.carers().get(0).mainCarer());
    assertEquals(1, p.serviceUse().aeAttendances());
    assertEquals(1, p.serviceUse().emergencyAdmissions());
    assertEquals(2, p.serviceUse().gpAppointments());
    assertEquals(2, p.repeatMedicines());
    assertEquals(ConsentStatus.GIVEN, p.consent());
    assertEquals(44.9, c.pamAssessments().get(0).score());
    assertEquals(ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER, c.referrals().get(0).service());
    var plan = c.plan().orElseThrow();
    assertEquals("plan-1001", plan.id());
    assertEquals("goal-garden", plan.current().goals().get(0).id());
    assertEquals(Optional.of("goal-garden"), plan.current().actions().get(0).goalId());
    assertEquals(Optional.of("01632 960123"), plan.current().supportContacts().get(0).telephone());
    assertEquals(Optional.of(LocalDate.of(2026, 9, 2)), plan.current().nextReviewOn());
  }
}
