package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule file written before the rule author's types moved to {@code uk.nhs.carecoord.rules.authoring}
 * fails to build with a problem on each stale import line saying where the type went.
 */
class MovedImportsTest {
  private static final String OLD_STYLE = """
      package local.old;
      import uk.nhs.carecoord.rules.Outcomes;
      import uk.nhs.carecoord.rules.Priority;
      import uk.nhs.carecoord.rules.facts.PatientFacts;

      global Outcomes out;

      rule "Old style"
      when
          PatientFacts( age > 200 )
      then
          out.cohort(drools, "FRAIL_ELDERLY", Priority.LOW);
      end
      """;

  @Test
  void staleImportsAreNamedOnTheirLinesWithTheNewPackage(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("old.drl"), OLD_STYLE);
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareRules.builder().ruleDirectory(dir).build());
    List<RuleProblem> problems = e.problems();
    assertTrue(problems.contains(new RuleProblem("old.drl", 2,
        "'uk.nhs.carecoord.rules.Outcomes' has moved: import uk.nhs.carecoord.rules.authoring.Outcomes instead"
            + " (care-rules README, 'Moving to the authoring package')")), problems.toString());
    assertTrue(problems.contains(new RuleProblem("old.drl", 4,
        "'uk.nhs.carecoord.rules.facts.PatientFacts' has moved: import uk.nhs.carecoord.rules.authoring.PatientFacts instead"
            + " (care-rules README, 'Moving to the authoring package')")), problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.line() == 3), "Priority stayed where it was: " + problems);
  }

  @Test
  void theSameRuleWithTheNewImportsBuilds(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("new.drl"), OLD_STYLE
        .replace("uk.nhs.carecoord.rules.Outcomes", "uk.nhs.carecoord.rules.authoring.Outcomes")
        .replace("uk.nhs.carecoord.rules.facts.PatientFacts", "uk.nhs.carecoord.rules.authoring.PatientFacts"));
    CareRules rules = CareRules.builder().ruleDirectory(dir).build();
    assertEquals("1", String.valueOf(rules.describe().stream().filter(s -> s.name().equals("new")).count()));
  }
}
