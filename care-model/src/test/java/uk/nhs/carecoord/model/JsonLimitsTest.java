package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.fullCase;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Limits on document size, string length, list length and nesting: each reported with the field
 * path and line, in this library's words (defect: Jackson's messages, naming its own classes and
 * no line, were passed through, and lists had no limit at all).
 */
class JsonLimitsTest {
  private static final String FULL = CareJson.write(fullCase());

  private static CareJsonException refused(Executable read) {
    CareJsonException e = assertThrows(CareJsonException.class, read);
    String message = e.getMessage().toLowerCase(Locale.ROOT);
    for (String internal : new String[] {"jackson", "streamreadconstraints", "com.fasterxml", "source:", "maximum allowed ("}) {
      assertFalse(message.contains(internal), "names library internals: " + e.getMessage());
    }
    assertTrue(e.line() >= 1 && e.column() >= 1, "no line and column: " + e.getMessage());
    assertFalse(e.path().isEmpty(), e.getMessage());
    return e;
  }

  private static String listOfFlags(int n) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ",").append("\"HOUSEBOUND\"");
    }
    return s.append(']').toString();
  }

  @Test
  void theDefaultsAreDocumentedAndSane() {
    JsonLimits d = JsonLimits.defaults();
    assertEquals(JsonLimits.DEFAULT_MAX_DOCUMENT_LENGTH, d.maxDocumentLength());
    assertEquals(JsonLimits.DEFAULT_MAX_STRING_LENGTH, d.maxStringLength());
    assertEquals(JsonLimits.DEFAULT_MAX_LIST_LENGTH, d.maxListLength());
    assertEquals(JsonLimits.DEFAULT_MAX_NESTING_DEPTH, d.maxNestingDepth());
    assertEquals(fullCase(), CareJson.reader(d).read(FULL, PatientCase.class));
  }

  @Test
  void aListOverTheLimitIsNamedAtItsOpeningBracket() {
    String json = FULL.replace("\"codedEntries\" : [ ]", "\"codedEntries\" : " + codedEntries(11));
    CareJsonReader reader = CareJson.reader(JsonLimits.builder().maxListLength(10).build());
    CareJsonException e = refused(() -> reader.read(json, PatientCase.class));
    assertEquals("patient.codedEntries", e.path());
    assertTrue(e.getMessage().endsWith("list longer than the limit of 10 elements"), e.getMessage());
    String line = json.lines().skip(e.line() - 1).findFirst().orElseThrow();
    assertEquals('[', line.charAt(e.column() - 1), line);
    // At the limit it is read.
    String ten = FULL.replace("\"codedEntries\" : [ ]", "\"codedEntries\" : " + codedEntries(10));
    assertEquals(10, reader.read(ten, PatientCase.class).patient().codedEntries().size());
  }

  @Test
  void aSetCountsTheElementsAsWrittenNotAfterRepeatsAreDropped() {
    String json = FULL.replace("\"flags\" : [ \"HOUSEBOUND\" ]", "\"flags\" : " + listOfFlags(11));
    CareJsonReader reader = CareJson.reader(JsonLimits.builder().maxListLength(10).build());
    assertEquals("patient.flags", refused(() -> reader.read(json, PatientCase.class)).path());
  }

  private static String codedEntries(int n) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ",").append("{\"snomedCode\":\"73211009\",\"recordedOn\":\"2020-01-01\"}");
    }
    return s.append(']').toString();
  }

  @Test
  void theDefaultListLimitApplies() {
    String json = FULL.replace(
        "\"codedEntries\" : [ ]", "\"codedEntries\" : " + codedEntries(JsonLimits.DEFAULT_MAX_LIST_LENGTH + 1));
    CareJsonException e = refused(() -> CareJson.read(json, PatientCase.class));
    assertEquals("patient.codedEntries", e.path());
  }

  @Test
  void aStringOverTheLimitIsNamed() {
    String json = FULL.replace("\"Welsh\"", "\"" + "W".repeat(101) + "\"");
    CareJsonReader reader = CareJson.reader(JsonLimits.builder().maxStringLength(100).build());
    CareJsonException e = refused(() -> reader.read(json, PatientCase.class));
    assertEquals("patient.preferredLanguage", e.path());
    assertTrue(e.getMessage().endsWith("text longer than the limit of 100 characters"), e.getMessage());
  }

  @Test
  void aDocumentOverTheLimitIsRefusedFromTextAndFromStreams() {
    String json = FULL + " ".repeat(50_000);
    CareJsonReader reader = CareJson.reader(JsonLimits.builder().maxDocumentLength(20_000).build());
    CareJsonException text = refused(() -> reader.read(json, PatientCase.class));
    assertTrue(text.getMessage().contains("document longer than the limit of 20000"), text.getMessage());
    CareJsonException stream = refused(() -> reader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), PatientCase.class));
    assertTrue(stream.getMessage().contains("document longer than the limit of 20000"), stream.getMessage());
  }

  @Test
  void nestingOverTheLimitIsNamed() {
    CareJsonReader reader = CareJson.reader(JsonLimits.builder().maxNestingDepth(3).build());
    CareJsonException e = refused(() -> reader.read(FULL, PatientCase.class));
    assertTrue(e.getMessage().contains("nested deeper than the limit of 3"), e.getMessage());
    assertEquals("patient.conditions[0]", e.path());
  }

  @Test
  void limitsMustBePositive() {
    assertEquals("maxListLength",
        assertThrows(ModelValidationException.class, () -> JsonLimits.builder().maxListLength(0).build()).field());
  }
}
