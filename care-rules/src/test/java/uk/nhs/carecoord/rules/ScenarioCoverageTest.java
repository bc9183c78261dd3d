package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.rules.authoring.Scenario;
import uk.nhs.carecoord.rules.authoring.ScenarioCoverage;

/** Which rules the scenarios exercise; the built-in scenarios must exercise every built-in rule. */
class ScenarioCoverageTest {
  private static CareRules rules;
  private static List<Scenario.Result> results;

  @BeforeAll
  static void runEveryScenario() throws URISyntaxException {
    rules = CareRules.builder().build();
    results = Scenario.runAll(Scenario.find(scenarios("")), rules);
  }

  static Path scenarios(String under) throws URISyntaxException {
    return Path.of(ScenarioCoverageTest.class.getResource("/scenarios" + under).toURI());
  }

  @Test
  void theBuiltInScenariosExerciseEveryBuiltInRule() {
    ScenarioCoverage coverage = ScenarioCoverage.of(rules.describe(), results);
    assertEquals(List.of(), coverage.uncovered(), coverage::report);
    int builtInRules = rules.describe().stream().mapToInt(s -> s.rules().size()).sum();
    assertEquals(builtInRules, coverage.rules().size());
    assertTrue(builtInRules > 60, "rules read from the built-in DRL: " + builtInRules);
  }

  @Test
  void aRuleFiredOnlyByScenariosLeftOutIsReportedUnexercised() throws URISyntaxException {
    List<Scenario.Result> cohortsOnly = Scenario.runAll(Scenario.find(scenarios("/cohorts")), rules);
    ScenarioCoverage coverage = ScenarioCoverage.of(rules.describe(), cohortsOnly);
    // The cohort scenarios reach cohort rules (coded-entry cohorts have their own folder), never training's.
    assertTrue(coverage.rules().stream().anyMatch(r -> r.ruleSet().equals("cohorts") && r.covered()), coverage::report);
    assertTrue(coverage.uncovered().stream().anyMatch(r -> r.ruleSet().equals("training") && r.rule().equals("ARRS compliant")));
    assertEquals(List.of(), coverage.scenariosOf("training", "ARRS compliant"));
    String report = coverage.report();
    assertTrue(report.contains("training: 0 of "), report);
    assertTrue(report.contains("rules no scenario exercises:\n"), report);
    assertTrue(report.contains("  training: ARRS compliant\n"), report);
  }

  @Test
  void eachRuleCountsTheScenariosThatFiredIt() {
    ScenarioCoverage coverage = ScenarioCoverage.of(rules.describe(), results);
    List<String> careHome = coverage.scenariosOf("cohorts", "Care home resident");
    assertTrue(careHome.contains("care-home-resident.json"), careHome.toString());
    for (String name : careHome) {
      Scenario.Result r = results.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      assertTrue(r.actualCodes().contains("CARE_HOME"), name);
    }
    assertTrue(coverage.report().contains(String.format("  %4d  %s%n", careHome.size(), "Care home resident")));
  }
}
