package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.rules.authoring.Scenario;

/**
 * A rule author changes a built-in rule without touching Java: the text and the threshold use of
 * one rule are edited in a copy of its rule set, and every scenario of the library that does not
 * exercise that rule still passes against the edited rules (and the ones that do see the edit).
 */
class EditedBuiltInRuleTest {
  private static final String RULE = "Elderly by age";

  @Test
  void anEditedBuiltInRuleBuildsAndLeavesEveryOtherBehaviourAlone(@TempDir Path dir) throws Exception {
    String cohorts = OutputCatalogueTest.builtIn("cohorts.drl");
    Matcher block = Pattern.compile("(?s)rule \"" + RULE + "\".*?\\nend\\n").matcher(cohorts);
    assertTrue(block.find(), "the rule to edit is in cohorts.drl");
    String original = block.group();
    String changed = original
        .replace("age >= thresholds.elderlyAge", "age >= thresholds.elderlyAge - 5")
        .replaceFirst("(out\\.cohort\\(drools, \"FRAIL_ELDERLY\", Priority\\.\\w+)(?:, \"[^\"]*\")?\\)", "$1, \"Older person (edited)\")");
    assertNotEquals(original, changed);
    assertTrue(changed.contains("Older person (edited)") && changed.contains("thresholds.elderlyAge - 5"), changed);
    Files.writeString(dir.resolve("cohorts.drl"), cohorts.replace(original, changed));

    CareRules builtIn = CareRules.builder().build();
    CareRules editedRules = CareRules.builder().ruleDirectory(dir).build();

    // The edit took: an 81-year-old (default elderly age 85) is now in the cohort, with the new text.
    PatientEvaluation aged81 = editedRules.asOf(CohortRulesTest.AS_OF).evaluate(CohortRulesTest.person(81, b -> b));
    assertEquals(List.of("Older person (edited)"), aged81.cohorts().stream().map(Finding::text).toList());

    // Every other behaviour the library's scenarios pin down is unchanged.
    List<Path> files = Scenario.find(ScenarioCoverageTest.scenarios(""));
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (Path file : files) {
      Scenario scenario = Scenario.read(file);
      Scenario.Result result = scenario.run(editedRules);
      Scenario.FiredRule edited = new Scenario.FiredRule("cohorts", RULE);
      if (result.rulesFired().contains(edited) || scenario.run(builtIn).rulesFired().contains(edited)) {
        continue; // the behaviour that was edited: the rule fires before or after the edit
      }
      compared++;
      if (!result.passed()) {
        failures.add(result.name() + ": " + result.problems());
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(compared > 60 && compared < files.size(), compared + " of " + files.size() + " scenarios compared");
  }
}
