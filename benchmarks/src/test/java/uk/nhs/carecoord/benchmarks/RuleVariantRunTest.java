package uk.nhs.carecoord.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variant run tells phrasings that raise the same from those that do not, and shows the
 * sharing the built-in rules rely on: conditions written word for word alike at the start of two
 * rules are evaluated once. Its variants are made from the floor's pinned copy of the rules
 * ({@link HandWrittenAgreesWithRulesTest#FLOOR_RULES}), so editing a built-in rule never breaks it.
 */
class RuleVariantRunTest {
  static final List<String> PATIENT_RULE_SETS = List.of("cohorts.drl", "recommendations.drl", "safeguarding.drl", "acknowledgements.drl");
  static final String PHYSICAL_AND_MENTAL = "rule \"Physical and mental health conditions together\"\n";

  @Test
  void aRuleBeginningAlikeSharesItsConditionsAndOneInAnotherOrderDoesNot(@TempDir Path dir) throws IOException {
    Path pinned = pinnedCopy(dir.resolve("pinned"));
    String cohorts = Files.readString(pinned.resolve("cohorts.drl"));
    int rule = cohorts.indexOf(PHYSICAL_AND_MENTAL);
    assertTrue(rule > 0, "the pinned rule this test copies");
    String when = cohorts.substring(cohorts.indexOf("when\n", rule), cohorts.indexOf("then\n", rule));
    List<String> lines = when.lines().toList(); // when, exists, exists, accumulate (2 lines), accumulate (2 lines)
    String swapped = String.join("\n", lines.subList(0, 3)) + "\n" + String.join("\n", lines.subList(5, 7)) + "\n"
        + String.join("\n", lines.subList(3, 5)) + "\n";
    Path alike = withProbe(pinned, dir.resolve("alike"), when);
    Path reordered = withProbe(pinned, dir.resolve("reordered"), swapped);

    List<RuleVariantRun.Result> results = RuleVariantRun.run(List.of(pinned.toString(), alike.toString(), reordered.toString()), 300, 1);

    int accumulations = results.get(0).networkNodes().get("AccumulateNode");
    assertEquals(accumulations, results.get(1).networkNodes().get("AccumulateNode"), "a rule beginning alike shares both accumulations");
    assertEquals(accumulations + 2, results.get(2).networkNodes().get("AccumulateNode"), "with the accumulations swapped, neither is shared");
    for (RuleVariantRun.Result r : results) {
      assertEquals(0, r.peopleWithOtherOutputs(), r.variant()); // the probe raises nothing
      assertEquals(results.get(0).outputsPerPerson(), r.outputsPerPerson(), r.variant());
    }
  }

  @Test
  void aVariantThatRaisesLessIsCounted(@TempDir Path dir) throws IOException {
    Path pinned = pinnedCopy(dir.resolve("pinned"));
    Path fewer = pinnedCopy(dir.resolve("fewer"));
    String cohorts = Files.readString(fewer.resolve("cohorts.drl"));
    int rule = cohorts.indexOf("rule \"Elderly by age\"");
    assertTrue(rule > 0, "the pinned rule this test removes");
    int end = cohorts.indexOf("\nend\n", rule) + "\nend\n".length();
    Files.writeString(fewer.resolve("cohorts.drl"), cohorts.substring(0, rule) + cohorts.substring(end));

    List<RuleVariantRun.Result> results = RuleVariantRun.run(List.of(pinned.toString(), fewer.toString()), 300, 1);

    assertTrue(results.get(1).peopleWithOtherOutputs() > 0, "people aged 75 or over lose a record");
    assertTrue(results.get(1).outputsPerPerson() < results.get(0).outputsPerPerson());
  }

  /** The floor's pinned patient rule sets, copied into {@code dir}. */
  private static Path pinnedCopy(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String file : PATIENT_RULE_SETS) {
      try (InputStream in = RuleVariantRunTest.class.getClassLoader().getResourceAsStream(HandWrittenAgreesWithRulesTest.FLOOR_RULES + file)) {
        Files.writeString(dir.resolve(file), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return dir;
  }

  /** The pinned rules plus a rule with these conditions that raises nothing. */
  private static Path withProbe(Path pinned, Path dir, String when) throws IOException {
    pinnedCopy(dir);
    Files.writeString(dir.resolve("cohorts.drl"), Files.readString(pinned.resolve("cohorts.drl"))
        + "\nrule \"Probe that raises nothing\"\n" + when + "then\nend\n");
    return dir;
  }
}
