package uk.nhs.carecoord.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.rules.RuleSource;
import uk.nhs.carecoord.rules.engine.Engine;

/**
 * The variant run tells phrasings that raise the same apart from those that do not, and shows the
 * node sharing the built-in rules rely on: "Multiple long-term conditions" and "Complex high-risk
 * case for MDT discussion" begin with the same counting, so Drools counts once for both.
 */
class RuleVariantRunTest {
  static final String HIGH_RISK = "    exists Outcome( kind == FindingKind.COHORT, code == \"HIGH_RISK\" )\n";

  @Test
  void aReorderedRuleRaisesTheSameButNoLongerSharesItsCounting(@TempDir Path dir) throws IOException {
    String recommendations = builtIn("recommendations.drl");
    int rule = recommendations.indexOf("rule \"Complex high-risk case for MDT discussion\"");
    int when = recommendations.indexOf("when\n", rule) + "when\n".length();
    assertTrue(rule > 0 && recommendations.indexOf(HIGH_RISK, when) > when, "the MDT rule as this test expects it");
    // The same conditions, the cohort first: no longer word for word the start of the cohort rule's.
    String reordered = recommendations.substring(0, when) + HIGH_RISK
        + recommendations.substring(when).replaceFirst(java.util.regex.Pattern.quote(HIGH_RISK), "");
    Files.writeString(dir.resolve("recommendations.drl"), reordered);

    List<RuleVariantRun.Result> results = RuleVariantRun.run(List.of(RuleVariantRun.BUILT_IN, dir.toString()), 300, 1);

    assertEquals(0, results.get(1).peopleWithOtherOutputs());
    assertEquals(results.get(0).outputsPerPerson(), results.get(1).outputsPerPerson());
    assertEquals(results.get(0).networkNodes().get("AccumulateNode") + 1, results.get(1).networkNodes().get("AccumulateNode"),
        "the reordered rule counts conditions in an accumulation of its own");
  }

  @Test
  void aVariantThatRaisesLessIsCounted(@TempDir Path dir) throws IOException {
    String cohorts = builtIn("cohorts.drl");
    int rule = cohorts.indexOf("rule \"Elderly by age\"");
    int end = cohorts.indexOf("\nend\n", rule) + "\nend\n".length();
    Files.writeString(dir.resolve("cohorts.drl"), cohorts.substring(0, rule) + cohorts.substring(end));

    List<RuleVariantRun.Result> results = RuleVariantRun.run(List.of(RuleVariantRun.BUILT_IN, dir.toString()), 300, 1);

    assertTrue(results.get(1).peopleWithOtherOutputs() > 0, "people aged 75 or over lose a record");
    assertTrue(results.get(1).outputsPerPerson() < results.get(0).outputsPerPerson());
  }

  private static String builtIn(String fileName) {
    return Engine.builtInSources().stream().filter(s -> s.name().endsWith(fileName)).map(RuleSource::text).findFirst().orElseThrow();
  }
}
