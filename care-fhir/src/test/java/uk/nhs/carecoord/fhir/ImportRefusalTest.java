package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each refusal is a {@link FhirImportException} naming the resource and the element path. */
class ImportRefusalTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  private static final CareFhir FHIR = CareFhir.builder().build();

  static final String PATIENT = """
      {"resourceType": "Patient", "id": "pt-1",
       "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000026"}],
       "gender": "male", "birthDate": "1950-01-31",
       "generalPractitioner": [{"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "Y00002"}}]}
      """;

  static String bundle(String... resources) {
    StringBuilder out = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [");
    for (int i = 0; i < resources.length; i++) {
      out.append(i == 0 ? "" : ",").append("{\"resource\": ").append(resources[i]).append('}');
    }
    return out.append("]}").toString();
  }

  static String observation(String id, String code, String value) {
    return "{\"resourceType\": \"Observation\", \"id\": \"" + id + "\", \"status\": \"final\","
        + " \"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"" + code + "\"}]},"
        + " \"subject\": {\"reference\": \"Patient/pt-1\"}, \"effectiveDateTime\": \"2026-05-01\", " + value + "}";
  }

  private static ImportReport.Entry refusal(String bundle) {
    FhirImportException e = assertThrows(FhirImportException.class, () -> FHIR.importBundle(bundle, AS_OF));
    assertTrue(e.getMessage().contains(e.first().resource()), e.getMessage());
    assertTrue(e.report().refused());
    return e.first();
  }

  private static void assertRefused(ImportReport.Entry e, String resource, String path, String detailPart) {
    assertEquals(resource, e.resource(), e.toString());
    assertEquals(path, e.path(), e.toString());
    assertTrue(e.detail().contains(detailPart), e.toString());
  }

  @Test
  void aMinimalBundleImports() {
    ImportResult r = FHIR.importBundle(bundle(PATIENT), AS_OF);
    assertEquals("9990000026", r.patientCase().patient().nhsNumber().digits());
    assertEquals("Y00002", r.patientCase().patient().practiceCode());
  }

  @Test
  void missingNhsNumber() {
    String p = PATIENT.replace("https://fhir.nhs.uk/Id/nhs-number", "https://example.org/local-id");
    assertRefused(refusal(bundle(p)), "Patient/pt-1", "Patient.identifier", "no NHS number");
  }

  @Test
  void invalidNhsNumber() {
    String p = PATIENT.replace("9990000026", "9990000027");
    assertRefused(refusal(bundle(p)), "Patient/pt-1", "Patient.identifier[0].value", "check digit");
  }

  @Test
  void missingBirthDate() {
    String p = PATIENT.replace("\"birthDate\": \"1950-01-31\",", "");
    assertRefused(refusal(bundle(p)), "Patient/pt-1", "Patient.birthDate", "required");
  }

  @Test
  void noRegisteredPractice() {
    String p = PATIENT.replace("https://fhir.nhs.uk/Id/ods-organization-code", "https://example.org/other");
    assertRefused(refusal(bundle(p)), "Patient/pt-1", "Patient.generalPractitioner", "ODS");
  }

  @Test
  void noPatient() {
    assertRefused(refusal(bundle(observation("o1", "445414007", "\"valueInteger\": 5"))),
        "Bundle", "Bundle.entry", "no Patient");
  }

  @Test
  void twoPatients() {
    String second = PATIENT.replace("pt-1", "pt-2").replace("9990000026", "9990000034");
    assertRefused(refusal(bundle(PATIENT, second)), "Patient/pt-2", "Patient", "second Patient");
  }

  @Test
  void unknownCodeSystem() {
    String condition = """
        {"resourceType": "Condition", "id": "c1",
         "code": {"coding": [{"system": "http://read.info/ctv3", "code": "C10.."}]},
         "subject": {"reference": "Patient/pt-1"}, "recordedDate": "2020-01-01"}
        """;
    assertRefused(refusal(bundle(PATIENT, condition)), "Condition/c1", "Condition.code.coding[0].system",
        "unknown code system 'http://read.info/ctv3'");
  }

  @Test
  void pamScoreOutsideZeroToHundred() {
    String pam = observation("o1", "x", "\"valueQuantity\": {\"value\": 130, \"code\": \"{score}\"}")
        .replace("http://snomed.info/sct", FhirCodes.CARECOORD_SYSTEM).replace("\"x\"", "\"pam-score\"");
    assertRefused(refusal(bundle(PATIENT, pam)), "Observation/o1", "Observation.valueQuantity.value",
        "0 to 100, was 130");
  }

  @Test
  void pamScoreByConfiguredSnomedCodeWithWrongUnit() {
    CareFhir configured = CareFhir.builder()
        .codes(FhirCodes.builder().from(FhirCodes.defaults()).addPamScore("123456789").build()).build();
    String pam = observation("o1", "123456789",
        "\"valueQuantity\": {\"value\": 50, \"system\": \"http://unitsofmeasure.org\", \"code\": \"mm[Hg]\"}");
    FhirImportException e = assertThrows(FhirImportException.class,
        () -> configured.importBundle(bundle(PATIENT, pam), AS_OF));
    assertRefused(e.first(), "Observation/o1", "Observation.valueQuantity.code", "was 'mm[Hg]'");
    assertEquals(50.0, configured.importBundle(bundle(PATIENT, pam.replace("mm[Hg]", "{score}")), AS_OF)
        .patientCase().pamAssessments().get(0).score());
  }

  @Test
  void clinicalFrailtyScaleOutOfRange() {
    assertRefused(refusal(bundle(PATIENT, observation("o1", "445414007", "\"valueInteger\": 12"))),
        "Observation/o1", "Observation.valueInteger", "1 to 9, was 12");
  }

  @Test
  void electronicFrailtyIndexOutOfRange() {
    assertRefused(refusal(bundle(PATIENT, observation("o1", "713636003", "\"valueQuantity\": {\"value\": 1.4}"))),
        "Observation/o1", "Observation.valueQuantity.value", "0 to 1, was 1.4");
  }

  @Test
  void referenceToAResourceNotInTheBundle() {
    String condition = """
        {"resourceType": "Condition", "id": "c1",
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006"}]},
         "subject": {"reference": "Patient/somebody-else"}, "recordedDate": "2020-01-01"}
        """;
    assertRefused(refusal(bundle(PATIENT, condition)), "Condition/c1", "Condition.subject",
        "Patient/somebody-else, which is not in the bundle");
  }

  @Test
  void carePlanGoalNotInTheBundle() {
    String plan = """
        {"resourceType": "CarePlan", "id": "cp1", "status": "draft", "intent": "plan",
         "subject": {"reference": "Patient/pt-1"}, "created": "2026-01-01",
         "note": [{"text": "My garden"}], "goal": [{"reference": "Goal/missing"}]}
        """;
    assertRefused(refusal(bundle(PATIENT, plan)), "CarePlan/cp1", "CarePlan.goal[0]", "not in the bundle");
  }

  @Test
  void malformedJson() {
    String broken = bundle(PATIENT).substring(0, 80);
    ImportReport.Entry e = refusal(broken);
    assertEquals("Bundle", e.resource());
    assertEquals("(JSON)", e.path());
  }

  @Test
  void invalidDateValue() {
    String p = PATIENT.replace("1950-01-31", "1950-13-45");
    ImportReport.Entry e = refusal(bundle(p));
    assertEquals("Bundle", e.resource());
    assertTrue(e.detail().contains("invalid value"), e.toString());
  }

  @Test
  void everyRefusalIsReportedNotOnlyTheFirst() {
    String bad1 = observation("o1", "445414007", "\"valueInteger\": 0");
    String bad2 = observation("o2", "713636003", "\"valueQuantity\": {\"value\": -1}");
    FhirImportException e = assertThrows(FhirImportException.class,
        () -> FHIR.importBundle(bundle(PATIENT, bad1, bad2), AS_OF));
    assertEquals(2, e.problems().size());
    assertEquals("Observation/o2", e.problems().get(1).resource());
  }

  @Test
  void enteredInErrorAndRefutedConditionsAreIgnoredWithTheReason() {
    String refuted = """
        {"resourceType": "Condition", "id": "c1",
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "refuted"}]},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006"}]},
         "subject": {"reference": "Patient/pt-1"}, "recordedDate": "2020-01-01"}
        """;
    ImportResult r = FHIR.importBundle(bundle(PATIENT, refuted), AS_OF);
    assertTrue(r.patientCase().patient().codedEntries().isEmpty());
    assertEquals(1, r.report().entries(ImportOutcome.IGNORED).stream()
        .filter(e -> e.resource().equals("Condition/c1") && e.detail().equals("refuted")).count());
  }

  @Test
  void unsupportedBundleType() {
    String b = bundle(PATIENT).replace("\"collection\"", "\"message\"");
    assertRefused(refusal(b), "Bundle", "Bundle.type", "'message'");
  }
}
