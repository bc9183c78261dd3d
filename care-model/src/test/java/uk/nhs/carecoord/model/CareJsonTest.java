package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.fullCase;
import static uk.nhs.carecoord.model.Fixtures.minimalCase;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CareJsonTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Values of the full case that an error message must never repeat. */
  private static final List<String> IDENTIFYING =
      List.of(
          "9990000018",
          "999 000 0018",
          "1941-03-07",
          "Seeing my grandchildren",
          "Discussed goals",
          "Dr A. Patel",
          "Age UK Riverside",
          "Knee replacement",
          "Welsh");

  private static final String FULL = CareJson.write(fullCase());

  /** The full case's JSON with one edit made to its tree. */
  private static String edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) CareJson.mapper().readTree(FULL);
      edit.accept(root);
      return CareJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Consumer<ObjectNode> set(String pointer, JsonNode value) {
    return root -> {
      JsonPointer p = JsonPointer.compile(pointer);
      JsonNode parent = root.at(p.head());
      if (parent instanceof ObjectNode o) {
        assertTrue(o.has(p.last().getMatchingProperty()), "no " + pointer);
        o.set(p.last().getMatchingProperty(), value);
      } else {
        ((ArrayNode) parent).set(p.last().getMatchingIndex(), value);
      }
    };
  }

  private static Consumer<ObjectNode> add(String pointer, JsonNode value) {
    return root -> {
      JsonPointer p = JsonPointer.compile(pointer);
      ((ObjectNode) root.at(p.head())).set(p.last().getMatchingProperty(), value);
    };
  }

  private static Consumer<ObjectNode> remove(String pointer) {
    return root -> {
      JsonPointer p = JsonPointer.compile(pointer);
      assertTrue(((ObjectNode) root.at(p.head())).remove(p.last().getMatchingProperty()) != null, "no " + pointer);
    };
  }

  private static CareJsonException readFails(String json) {
    return assertThrows(CareJsonException.class, () -> CareJson.read(json, PatientCase.class));
  }

  @Test
  void aFullCaseRoundTrips() {
    PatientCase c = fullCase();
    assertEquals(c, CareJson.read(CareJson.write(c), PatientCase.class));
    String line = CareJson.writeLine(c);
    assertFalse(line.contains("\n"));
    assertEquals(c, CareJson.read(line, PatientCase.class));
  }

  @Test
  void writesIsoDatesCodesAndNamesAndOmitsWhatIsAbsent() {
    String json = CareJson.writeLine(minimalCase());
    assertTrue(json.contains("\"dateOfBirth\":\"1941-03-07\""), json);
    assertTrue(json.contains("\"sex\":\"female\""), json);
    assertTrue(json.contains("\"nhsNumber\":\"9990000018\""), json);
    assertTrue(json.contains("\"consent\":\"NOT_ASKED\""), json);
    assertFalse(json.contains("coordinatorId"), json);
    assertFalse(json.contains("\"plan\""), json);
    assertFalse(json.contains("null"), json);
    String full = CareJson.writeLine(fullCase());
    assertTrue(full.contains("\"status\":\"active\""), full);
    assertFalse(full.contains("\"level\""), "derived PAM level is not written: " + full);
    assertFalse(full.contains("pamHistory"), full);
    assertFalse(full.contains("currentVersion"), full);
  }

  @Test
  void readsFromStreamsAndFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("case.json");
    Files.writeString(file, FULL);
    assertEquals(fullCase(), CareJson.read(file, PatientCase.class));
    assertEquals(
        fullCase(), CareJson.read(new ByteArrayInputStream(FULL.getBytes(StandardCharsets.UTF_8)), PatientCase.class));
  }

  @Test
  void aHostMapperConfiguredTheSameWayReadsTheSameJson() throws IOException {
    JsonMapper host = CareJson.configure(JsonMapper.builder()).build();
    assertEquals(fullCase(), host.readValue(FULL, PatientCase.class));
  }

  // --- Malformed JSON

  @Test
  void malformedJsonGivesLineAndColumn() {
    CareJsonException e = readFails("{\n  \"patient\": {\n    \"id\" x }");
    assertEquals(3, e.line());
    assertEquals(10, e.column());
    assertTrue(e.getMessage().startsWith("line 3, column 10: "), e.getMessage());
    assertTrue(e.validationError().isEmpty());
  }

  @Test
  void truncatedJsonGivesWhereItEnded() {
    CareJsonException e = readFails("{\"patient\": ");
    assertEquals(1, e.line());
    assertEquals(13, e.column());
    assertEquals("patient", e.path());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[]",
        "{\"patient\": {\"id\": \"p\",}}",
        "{'patient': {}}",
        "{\"patient\": {} // comment\n}",
        "{\"patient\": {}} {}",
        "{\"patient\": {}}]"
      })
  void strictJsonOnly(String json) {
    CareJsonException e = readFails(json);
    assertTrue(e.line() >= 1, e.getMessage());
  }

  @Test
  void trailingDocumentsAreRejectedAfterAValidCase() {
    CareJsonException e = readFails(FULL + "\n{}");
    assertTrue(e.line() > 1, e.getMessage());
  }

  // --- Unknown fields

  @Test
  void anUnknownFieldIsNamedWithItsPath() {
    CareJsonException e = readFails(edited(add("/extra", NODES.numberNode(1))));
    assertEquals("extra", e.path());
    assertTrue(e.getMessage().contains("unknown field 'extra'"), e.getMessage());
    assertTrue(e.line() > 1 && e.column() > 0, e.getMessage());
  }

  @Test
  void anUnknownFieldDeepInTheTreeIsNamedWithItsPath() {
    CareJsonException e = readFails(edited(add("/plan/versions/1/content/goals/0/colour", NODES.textNode("red"))));
    assertEquals("plan.versions[1].content.goals[0].colour", e.path());
    assertTrue(e.validationError().isEmpty());
  }

  @Test
  void derivedValuesAreNotAcceptedAsInput() {
    CareJsonException e = readFails(edited(add("/pamAssessments/0/level", NODES.textNode("LEVEL_4"))));
    assertEquals("pamAssessments[0].level", e.path());
  }

  // --- Missing fields

  @Test
  void aMissingRequiredFieldIsNamed() {
    CareJsonException e = readFails("{}");
    assertEquals("patient", e.path());
    assertEquals("patient", e.validationError().orElseThrow().field());
  }

  @Test
  void aMissingNestedFieldIsNamedWithItsPath() {
    CareJsonException e = readFails(edited(remove("/patient/practiceCode")));
    assertEquals("patient.practiceCode", e.path());
    assertEquals("practiceCode", e.validationError().orElseThrow().field());
  }

  @Test
  void aMissingFieldDeepInTheTreeIsNamedWithItsPath() {
    CareJsonException e = readFails(edited(remove("/plan/versions/1/content/whatMattersToMe")));
    assertEquals("plan.versions[1].content.whatMattersToMe", e.path());
  }

  @Test
  void aNullRequiredFieldIsLikeAMissingOne() {
    assertEquals("patient.sex", readFails(edited(set("/patient/sex", NODES.nullNode()))).path());
  }

  @Test
  void severalMissingFieldsNameTheFirst() {
    CareJsonException e = readFails("{\"patient\": {\"sex\": \"male\"}}");
    assertEquals("patient.id", e.path());
    assertTrue(e.getMessage().contains("nhsNumber"), e.getMessage());
  }

  @Test
  void aNullInAListNamesTheList() {
    CareJsonException e = readFails(edited(set("/patient/conditions/1", NODES.nullNode())));
    assertEquals("patient.conditions", e.path());
  }

  // --- Invalid values

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("patient.nhsNumber", set("/patient/nhsNumber", NODES.textNode("9990000019"))),
        Arguments.of("patient.nhsNumber", set("/patient/nhsNumber", NODES.numberNode(9990000018L))),
        Arguments.of("patient.dateOfBirth", set("/patient/dateOfBirth", NODES.textNode("1941-02-30"))),
        Arguments.of("patient.sex", set("/patient/sex", NODES.textNode("F"))),
        Arguments.of("patient.consent", set("/patient/consent", NODES.textNode("MAYBE"))),
        Arguments.of("patient.repeatMedicines", set("/patient/repeatMedicines", NODES.textNode("nine"))),
        Arguments.of("patient.repeatMedicines", set("/patient/repeatMedicines", NODES.numberNode(-1))),
        Arguments.of("patient.conditions[1].snomedCode", set("/patient/conditions/1/snomedCode", NODES.textNode("12"))),
        Arguments.of(
            "patient.frailty.clinicalFrailtyScale", set("/patient/frailty/clinicalFrailtyScale", NODES.numberNode(10))),
        Arguments.of("patient.serviceUse.gpAppointments", set("/patient/serviceUse/gpAppointments", NODES.numberNode(-2))),
        Arguments.of("patient.consentRecordedOn", set("/patient/consentRecordedOn", NODES.textNode("1941-03-06"))),
        Arguments.of("pamAssessments[1].score", set("/pamAssessments/1/score", NODES.numberNode(147.1))),
        Arguments.of("pamAssessments[1].assessedOn", set("/pamAssessments/1/assessedOn", NODES.textNode("1941-03-06"))),
        Arguments.of("pamAssessments", set("/pamAssessments/1/assessedOn", NODES.textNode("2025-04-01"))),
        Arguments.of(
            "plan.versions[1].content.goals[0].lifecycleStatus",
            set("/plan/versions/1/content/goals/0/lifecycleStatus", NODES.textNode("paused"))),
        Arguments.of(
            "plan.versions[0].content.status", set("/plan/versions/0/content/status", NODES.textNode("ACTIVE"))),
        Arguments.of(
            "plan.versions[1].content.actions[0].goalId",
            set("/plan/versions/1/content/actions/0/goalId", NODES.textNode("goal-9"))),
        Arguments.of(
            "plan.versions[1].content.nextReviewOn",
            set("/plan/versions/1/content/nextReviewOn", NODES.textNode("2026-04-14"))),
        Arguments.of("plan.versions[1].recordedOn", set("/plan/versions/1/recordedOn", NODES.textNode("2025-04-09"))),
        Arguments.of("plan.versions[1].number", set("/plan/versions/1/number", NODES.numberNode(3))),
        Arguments.of("plan.versions[1].amendmentReason", remove("/plan/versions/1/amendmentReason")),
        Arguments.of("referrals[0].agencyName", remove("/referrals/0/agencyName")),
        Arguments.of(
            "decisionConversations[0].pendingDecisionId",
            set("/decisionConversations/0/pendingDecisionId", NODES.textNode("decision-9"))),
        Arguments.of(
            "safeguardingConcerns[0].gpDiscussion.discussedOn",
            set("/safeguardingConcerns/0/gpDiscussion/discussedOn", NODES.textNode("2026-06-04"))),
        Arguments.of("acknowledgements[0].reason", set("/acknowledgements/0/reason", NODES.textNode("WILL_ACT"))),
        Arguments.of("contacts[0].mode", set("/contacts/0/mode", NODES.textNode("CARRIER_PIGEON"))),
        Arguments.of("contacts[0].on", set("/contacts/0/on", NODES.arrayNode())),
        Arguments.of("coordinatorId", set("/coordinatorId", NODES.textNode(" "))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidValues")
  void anInvalidValueAnywhereIsNamedWithItsPath(String path, Consumer<ObjectNode> edit) {
    String json = edited(edit);
    CareJsonException e = readFails(json);
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.line() > 1 && e.column() > 0, e.getMessage());
    assertTrue(e.getMessage().startsWith("line " + e.line() + ", column " + e.column() + ": " + path + ": "), e.getMessage());
    assertDoesNotQuoteTheDocument(e);
  }

  @Test
  void aScalarsOwnCheckPointsAtItsLine() {
    String json = edited(set("/patient/nhsNumber", NODES.textNode("9990000019")));
    CareJsonException e = readFails(json);
    String line = json.lines().toList().get(e.line() - 1);
    assertTrue(line.contains("\"nhsNumber\""), "line " + e.line() + " is " + line);
    assertEquals("nhsNumber", e.validationError().orElseThrow().field());
  }

  @Test
  void aTypeErrorIsNotAValidationError() {
    CareJsonException e = readFails(edited(set("/patient/dateOfBirth", NODES.textNode("07/03/1941"))));
    assertTrue(e.validationError().isEmpty());
    assertTrue(e.getMessage().endsWith("cannot be read as a date (YYYY-MM-DD)"), e.getMessage());
  }

  // --- Nothing half-built, nothing quoted

  @Test
  void oneBadPartFailsTheWholeDocumentByEveryEntryPoint(@TempDir Path dir) throws IOException {
    String json = edited(add("/contacts/0/extra", NODES.booleanNode(true)));
    Path file = dir.resolve("bad.json");
    Files.writeString(file, json);
    CareJsonException fromString = readFails(json);
    CareJsonException fromStream =
        assertThrows(
            CareJsonException.class,
            () -> CareJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), PatientCase.class));
    CareJsonException fromFile = assertThrows(CareJsonException.class, () -> CareJson.read(file, PatientCase.class));
    for (CareJsonException e : List.of(fromString, fromStream, fromFile)) {
      assertEquals("contacts[0].extra", e.path());
      assertEquals(fromString.line(), e.line());
      assertEquals(fromString.column(), e.column());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/patient/id",
        "/patient/nhsNumber",
        "/patient/dateOfBirth",
        "/plan/versions/1/content/whatMattersToMe",
        "/contacts/0/outcome",
        "/safeguardingConcerns/0/gpDiscussion/gpName"
      })
  void messagesDoNotQuoteTheDocument(String pointer) {
    // Make the document break at, just after, and just before the identifying values.
    List<String> broken =
        List.of(
            edited(remove(pointer)),
            edited(set(pointer, NODES.objectNode())),
            FULL.substring(0, FULL.indexOf("\"" + pointer.substring(pointer.lastIndexOf('/') + 1) + "\"") + 3) + "}",
            FULL.replace("\"9990000018\"", "\"9990000019\""),
            FULL.replace("\"1941-03-07\"", "\"1941-02-30\""),
            FULL.replace("\"9990000018\"", "9990000018"),
            FULL.replace("\"2025-04-01\"", "\"1941-03-06\""),
            edited(add("/patient/Seeing my grandchildren every week", NODES.textNode("x"))).replace(
                "\"Seeing my grandchildren every week\" : \"x\"", "\"Seeing my grandchildren every week\" \"x\""));
    for (String json : broken) {
      assertDoesNotQuoteTheDocument(readFails(json));
    }
  }

  private static void assertDoesNotQuoteTheDocument(CareJsonException e) {
    String message = e.getMessage();
    for (String value : IDENTIFYING) {
      assertFalse(message.contains(value), "quotes '" + value + "': " + message);
    }
    assertFalse(message.contains("9990000019"), message);
    assertFalse(message.contains("1941-02-30"), message);
    assertFalse(message.contains("Source"), message);
    assertFalse(message.contains("$Json"), "names generated classes: " + message);
  }
}
