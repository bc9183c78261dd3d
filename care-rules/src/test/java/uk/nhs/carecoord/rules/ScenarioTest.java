package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import uk.nhs.carecoord.model.CareJsonException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.rules.authoring.Scenario;

/** Runs every rule-author scenario under {@code src/test/resources/scenarios}; one test each. */
class ScenarioTest {
  static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = CareRules.builder().build();
  }

  @TestFactory
  Stream<DynamicTest> scenarios() throws URISyntaxException {
    Path root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
    return Scenario.find(root).stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
      Scenario.Result result = Scenario.read(file).run(rules);
      assertTrue(result.passed(), () -> result.description() + ": " + result.problems() + "; actual " + result.actualCodes());
    }));
  }

  @Test
  void aPriorityOtherThanExpectedOrACodeNotRaisedIsAProblem(@TempDir Path dir) throws Exception {
    Path overdue = withPriority(dir, "{ \"DISCUSS_SAFEGUARDING_CONCERN\": \"HIGH\", \"CANCER\": \"LOW\" }");
    assertEquals(List.of("priority DISCUSS_SAFEGUARDING_CONCERN: expected HIGH, was [URGENT]",
        "priority CANCER: expected LOW, but it was not raised"), Scenario.read(overdue).run(rules).problems());
  }

  @Test
  void anUnknownPriorityNamesTheFieldAndTheChoices(@TempDir Path dir) throws Exception {
    Path bad = withPriority(dir, "{ \"DISCUSS_SAFEGUARDING_CONCERN\": \"SOON\" }");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.read(bad));
    assertEquals("expect.priority.DISCUSS_SAFEGUARDING_CONCERN: 'SOON' is not one of [URGENT, HIGH, MEDIUM, LOW]", e.getMessage());
  }

  @Test
  void aSingleCodeWhereAListBelongsIsRefusedNotReadAsNoCodes(@TempDir Path dir) throws Exception {
    Path bad = edited(dir, t -> t.replaceFirst("\"present\": \\[[^\\]]*\\]", "\"present\": \"DISCUSS_SAFEGUARDING_CONCERN\""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.read(bad));
    assertEquals("expect.present: must be a list of codes", e.getMessage());
  }

  @Test
  void aScenarioIsReadAsStrictlyAsACase(@TempDir Path dir) throws Exception {
    Path duplicate = edited(dir, t -> t.replaceFirst("\"asOf\":", "\"asOf\": \"2026-01-01\", \"asOf\":"));
    CareJsonException e = assertThrows(CareJsonException.class, () -> Scenario.read(duplicate));
    assertEquals("asOf", e.path());
    Path marked = edited(dir, t -> "\uFEFF" + t);
    assertTrue(Scenario.read(marked).run(rules).passed());
    Path badDate = edited(dir, t -> t.replaceFirst("\"asOf\": \"[0-9-]+\"", "\"asOf\": \"2026-02-30\""));
    assertEquals("asOf: must be a date (YYYY-MM-DD)",
        assertThrows(IllegalArgumentException.class, () -> Scenario.read(badDate)).getMessage());
  }

  private static Path edited(Path dir, java.util.function.UnaryOperator<String> edit) throws IOException, URISyntaxException {
    Path source = Path.of(ScenarioTest.class.getResource("/scenarios/safeguarding/overdue-day-3-gp-supervisor.json").toURI());
    String text = edit.apply(Files.readString(source));
    return Files.writeString(dir.resolve("edited-" + Integer.toHexString(text.hashCode()) + ".json"), text);
  }

  /** The overdue safeguarding scenario with its priority expectations replaced. */
  private static Path withPriority(Path dir, String priority) throws IOException, URISyntaxException {
    Path source = Path.of(ScenarioTest.class.getResource("/scenarios/safeguarding/overdue-day-3-gp-supervisor.json").toURI());
    String text = Files.readString(source).replaceFirst("\"priority\": \\{[^}]*}", "\"priority\": " + priority);
    return Files.writeString(dir.resolve("edited.json"), text);
  }
}
