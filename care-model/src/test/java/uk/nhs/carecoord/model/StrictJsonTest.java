package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.fullCase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict reading: a value in the wrong JSON type is refused, never converted. Each test names the
 * defect it guards against (all were accepted before reading was made strict).
 */
class StrictJsonTest {
  private static final String FULL = CareJson.writeLine(fullCase());

  private static String replaced(String from, String to) {
    assertTrue(FULL.contains(from), "no " + from);
    return FULL.replace(from, to);
  }

  private static CareJsonException refused(String json, String path) {
    CareJsonException e = assertThrows(CareJsonException.class, () -> CareJson.read(json, PatientCase.class));
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
    assertTrue(e.getMessage().startsWith("line 1, column " + e.column() + ": " + path + ": "), e.getMessage());
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.9", "4.9", "6.0", "5.5"})
  void aDecimalFrailtyScaleIsRefusedNotTruncated(String cfs) {
    // Defect: 5.9 was read as 5 (frail), 4.9 as 4 (not frail).
    CareJsonException e = refused(
        replaced("\"clinicalFrailtyScale\":6", "\"clinicalFrailtyScale\":" + cfs), "patient.frailty.clinicalFrailtyScale");
    assertTrue(e.getMessage().endsWith("cannot be read as a whole number, found a decimal number"), e.getMessage());
  }

  @Test
  void textIsNotReadAsANumber() {
    // Defect: "6" and "55.5" were read as numbers.
    CareJsonException cfs = refused(
        replaced("\"clinicalFrailtyScale\":6", "\"clinicalFrailtyScale\":\"6\""), "patient.frailty.clinicalFrailtyScale");
    assertTrue(cfs.getMessage().endsWith("found text"), cfs.getMessage());
    refused(replaced("\"score\":56.3", "\"score\":\"55.5\""), "pamAssessments[1].score");
    refused(replaced("\"repeatMedicines\":9", "\"repeatMedicines\":\"9\""), "patient.repeatMedicines");
  }

  @Test
  void aWholeNumberIsAcceptedWhereADecimalBelongs() {
    PatientCase c = CareJson.read(replaced("\"score\":56.3", "\"score\":56"), PatientCase.class);
    assertEquals(56.0, c.pamAssessments().get(1).score());
  }

  @Test
  void numbersAndBooleansAreNotReadAsText() {
    refused(replaced("\"coordinatorId\":\"cc-1\"", "\"coordinatorId\":1"), "coordinatorId");
    refused(replaced("\"preferredLanguage\":\"Welsh\"", "\"preferredLanguage\":true"), "patient.preferredLanguage");
    refused(replaced("\"practiceCode\":\"Y00001\"", "\"practiceCode\":1.5"), "patient.practiceCode");
  }

  @Test
  void textAndNumbersAreNotReadAsBooleans() {
    refused(replaced("\"mainCarer\":true", "\"mainCarer\":\"true\""), "patient.carers[0].mainCarer");
    refused(replaced("\"mainCarer\":true", "\"mainCarer\":1"), "patient.carers[0].mainCarer");
  }

  @Test
  void aDuplicatedFieldIsRefused() {
    // Defect: {"sex":"female","sex":"male"} was read as male.
    CareJsonException e = refused(replaced("\"sex\":\"female\"", "\"sex\":\"female\",\"sex\":\"male\""), "patient.sex");
    assertTrue(e.getMessage().endsWith("duplicate field 'sex'"), e.getMessage());
    refused(replaced("\"coordinatorId\":\"cc-1\"", "\"coordinatorId\":\"cc-1\",\"coordinatorId\":\"cc-1\""), "coordinatorId");
  }

  @Test
  void aSingleValueIsNotWrappedInAList() {
    refused(replaced("\"flags\":[\"HOUSEBOUND\"]", "\"flags\":\"HOUSEBOUND\""), "patient.flags");
    String contact = FULL.substring(FULL.indexOf("\"contacts\":[") + 12, FULL.indexOf("],\"referrals\""));
    refused(replaced("\"contacts\":[" + contact + "]", "\"contacts\":" + contact), "contacts");
  }

  @Test
  void datesAreReadOnlyFromIsoText() {
    refused(replaced("\"on\":\"2026-06-01\"", "\"on\":[2026,6,1]"), "contacts[0].on");
    refused(replaced("\"on\":\"2026-06-01\"", "\"on\":20605"), "contacts[0].on");
    refused(replaced("\"on\":\"2026-06-01\"", "\"on\":\"\""), "contacts[0].on");
    refused(replaced("\"on\":\"2026-06-01\"", "\"on\":\"01/06/2026\""), "contacts[0].on");
  }

  @ParameterizedTest
  @CsvSource({
    "\"mode\":\"HOME_VISIT\", \"mode\":\"CARRIER_PIGEON\", contacts[0].mode, 'one of FACE_TO_FACE, HOME_VISIT, TELEPHONE, VIDEO, MESSAGE'",
    "\"mode\":\"HOME_VISIT\", \"mode\":1, contacts[0].mode, 'one of FACE_TO_FACE, HOME_VISIT, TELEPHONE, VIDEO, MESSAGE'",
    "\"sex\":\"female\", \"sex\":\"F\", patient.sex, 'female, male, other, unknown'",
    "\"mode\":\"HOME_VISIT\", \"mode\":\"HOME_VISIT  \", contacts[0].mode, 'one of FACE_TO_FACE, HOME_VISIT, TELEPHONE, VIDEO, MESSAGE'",
    "\"sex\":\"female\", \"sex\":\" female\", patient.sex, 'female, male, other, unknown'",
    "\"lifecycleStatus\":\"active\", \"lifecycleStatus\":\"paused\", plan.versions[0].content.goals[0].lifecycleStatus, 'proposed, planned'"
  })
  void anUnknownEnumValueListsTheAllowedValues(String from, String to, String path, String allowed) {
    CareJsonException e = refused(replaced(from, to), path);
    assertTrue(e.getMessage().contains(allowed), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "\"sex\":\"female\", \"sex\":null, patient.sex",
    "\"repeatMedicines\":9, \"repeatMedicines\":null, patient.repeatMedicines",
    "\"flags\":[\"HOUSEBOUND\"], \"flags\":null, patient.flags",
    "\"flags\":[\"HOUSEBOUND\"], \"flags\":[null], patient.flags",
    "\"consent\":\"GIVEN\", \"consent\":null, patient.consent"
  })
  void aNullIsRefusedWhereAValueIsRequiredOrDefaulted(String from, String to, String path) {
    refused(replaced(from, to), path);
  }

  @Test
  void aNullIsAbsenceWhereTheFieldIsOptional() {
    PatientCase c = CareJson.read(replaced("\"coordinatorId\":\"cc-1\"", "\"coordinatorId\":null"), PatientCase.class);
    assertTrue(c.coordinatorId().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "3", "\"case\"", "[]", "true"})
  void aDocumentThatIsNotAnObjectIsRefusedAtTheRoot(String json) {
    CareJsonException e = assertThrows(CareJsonException.class, () -> CareJson.read(json, PatientCase.class));
    assertEquals(CareJson.ROOT, e.path());
  }

  @Test
  void aByteOrderMarkIsAcceptedFromTextStreamsAndFiles(@TempDir Path dir) throws IOException {
    // Defect: a file saved by a Windows tool with a UTF-8 byte-order mark was refused.
    String withMark = "\uFEFF" + CareJson.write(fullCase());
    assertEquals(fullCase(), CareJson.read(withMark, PatientCase.class));
    byte[] bytes = withMark.getBytes(StandardCharsets.UTF_8);
    assertEquals(fullCase(), CareJson.read(new ByteArrayInputStream(bytes), PatientCase.class));
    Path file = dir.resolve("case.json");
    Files.write(file, bytes);
    assertEquals(fullCase(), CareJson.read(file, PatientCase.class));
    assertEquals(fullCase(), CareJson.read(Files.readString(file), PatientCase.class));
    assertTrue(CareJson.readTree(withMark).has("patient"));
  }

  @Test
  void aByteOrderMarkIsAcceptedOnlyAtTheStart() {
    String json = CareJson.write(fullCase());
    CareJsonException e = assertThrows(
        CareJsonException.class, () -> CareJson.read(json.replace("{\n  \"patient\"", "{\n\uFEFF  \"patient\""), PatientCase.class));
    assertEquals(2, e.line());
  }

  @Test
  void aHostMapperConfiguredByCareJsonIsAsStrict() throws IOException {
    var host = CareJson.configure(com.fasterxml.jackson.databind.json.JsonMapper.builder()).build();
    String json = replaced("\"clinicalFrailtyScale\":6", "\"clinicalFrailtyScale\":5.9");
    var e = assertThrows(com.fasterxml.jackson.databind.JsonMappingException.class, () -> host.readValue(json, PatientCase.class));
    assertEquals("patient.frailty.clinicalFrailtyScale", CareJson.translate(e).path());
    assertFalse(CareJson.translate(e).getMessage().contains("jackson"));
  }
}
