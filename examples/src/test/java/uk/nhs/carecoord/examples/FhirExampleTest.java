package uk.nhs.carecoord.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the FHIR example over its shipped bundle and checks what it prints and writes. */
class FhirExampleTest {
  @TempDir static Path dir;
  static String printed;
  static JsonNode written;

  @BeforeAll
  static void run() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path out = dir.resolve("out/guidance-response.json");
    FhirExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), out);
    printed = bytes.toString(StandardCharsets.UTF_8);
    written = new ObjectMapper().readTree(Files.readString(out));
  }

  /** The lines under a heading, up to the next unindented line. */
  static List<String> section(String heading) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : printed.split("\n")) {
      if (line.startsWith(heading + ":")) {
        in = true;
      } else if (in && line.startsWith("  ")) {
        lines.add(line.trim());
      } else if (in) {
        break;
      }
    }
    return lines;
  }

  static List<String> codes(String heading) {
    return section(heading).stream().map(l -> l.split(" ")[1]).toList();
  }

  @Test
  void theBundleImportsWithEveryIgnoredResourceSaidWhy() {
    assertTrue(printed.startsWith("Imported pt-4173: 29 used, 3 ignored, 0 refused\n"), printed);
    assertTrue(printed.contains("IGNORED Condition/cond-asthma-refuted Condition.verificationStatus: refuted"));
    assertTrue(printed.contains("IGNORED Observation/obs-weight Observation.code: a LOINC-coded observation"));
    assertTrue(printed.contains("Coded entries in no cluster: 0 (code clusters "));
  }

  @Test
  void snomedConditionsReachTheirCohortsThroughTheClusters() {
    assertEquals(List.of("DEMENTIA", "FRAIL_ELDERLY", "MULTIPLE_LONG_TERM_CONDITIONS"), codes("Cohorts"));
    assertTrue(section("Cohorts").get(0).contains("\"Dementia\" because [Dementia coded: 429998004]"), printed);
    assertTrue(section("Cohorts").get(2).contains("COPD, DEMENTIA, HEART_FAILURE"), printed);
  }

  @Test
  void recommendationsComeFromTheCarerThePamAndThePlan() {
    assertEquals(List.of(), section("Obligations"), "no safeguarding concern travels in a GP record bundle");
    assertTrue(printed.contains("Obligations: none\n"));
    List<String> recommendations = codes("Recommendations");
    for (String expected : List.of("CARER_SUPPORT", "GOAL_STALLED", "PAM_LEVEL_2_BUILD_SKILLS", "PLAN_SHARE",
        "PAM_REMEASURE")) {
      assertTrue(recommendations.contains(expected), expected + " in " + recommendations);
    }
    assertTrue(printed.contains("GOAL_STALLED \"Stalled goal\" because [Goal goal-allotment"), printed);
    assertTrue(printed.contains("PAM_REMEASURE \"Measure activation (PAM) again\" due 2026-10-15"), printed);
  }

  @Test
  void theGuidanceResponseHoldsEveryRecommendationAsAnAction() {
    JsonNode guidance = written.path("entry").get(0).path("resource");
    assertEquals("GuidanceResponse", guidance.path("resourceType").asText());
    assertEquals("Patient/pt-4173", guidance.path("subject").path("reference").asText());
    JsonNode requestGroup = null;
    for (JsonNode e : written.path("entry")) {
      if (e.path("resource").path("resourceType").asText().equals("RequestGroup")) {
        requestGroup = e.path("resource");
      }
    }
    assertTrue(requestGroup != null, "a RequestGroup in the bundle");
    List<String> actionCodes = new ArrayList<>();
    requestGroup.path("action").forEach(a -> actionCodes.add(a.path("code").get(0).path("coding").get(0).path("code").asText()));
    assertEquals(codes("Recommendations"), actionCodes);
  }

  @Test
  void noNameOrAddressFromTheRecordIsPrinted() {
    for (String personal : List.of("Arthur", "Margaret", "Synthetic", "Example Street", "ZZ99")) {
      assertFalse(printed.contains(personal), personal);
    }
  }
}
