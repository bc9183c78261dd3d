package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.cli.CareCommandTest.arg;
import static uk.nhs.carecoord.cli.CareCommandTest.resource;
import static uk.nhs.carecoord.cli.CareCommandTest.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.rules.CareRules;

/** The rule author's contract on the command line: the output catalogue, coverage and the rule catalogue. */
class RuleAuthorCommandsTest {
  @TempDir Path temp;

  @Test
  void validateRefusesATrainingReplacementWithoutTheArrsVerdictNamingTheCode() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("no-verdict"));
    String training = builtIn("training.drl")
        .replace("out.verdict(drools, \"ARRS_COMPLIANT\"", "out.verdict(drools, \"ARRS_NOT_COMPLIANT\"");
    Files.writeString(dir.resolve("training.drl"), training);
    CareCommandTest.Run r = run("validate", arg(dir));
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("training.drl: no rule raises ARRS_COMPLIANT, which the library relies on")),
        r.err());
    r.assertNoStackTrace();
  }

  @Test
  void validateRefusesAnUndeclaredCodeAtItsLineAndAcceptsItOnceDeclared() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("undeclared"));
    Files.writeString(dir.resolve("local.drl"), Files.readString(resource("rules/local-cohort.drl")));
    CareCommandTest.Run r = run("validate", arg(dir));
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("local.drl:16: rule \"Local care home review\" raises LOCAL_CARE_HOME_REVIEW,"
        + " which the output catalogue does not declare")), r.err());
    Files.copy(resource("rules/outputs.json"), dir.resolve("outputs.json"));
    assertEquals(0, run("validate", arg(dir)).exit());
    // An edited catalogue is read again, though the rule files are unchanged.
    Files.writeString(dir.resolve("outputs.json"), Files.readString(dir.resolve("outputs.json")).replace("\"COHORT\"", "\"RECOMMENDATION\""));
    CareCommandTest.Run edited = run("validate", arg(dir));
    assertEquals(1, edited.exit(), edited.out());
    assertTrue(edited.err().contains("raises LOCAL_CARE_HOME_REVIEW as COHORT, but outputs.json declares it RECOMMENDATION"), edited.err());
  }

  @Test
  void testWithCoverageCountsScenariosPerRuleAndListsRulesNoScenarioExercises() {
    CareCommandTest.Run r = run("test", "--coverage", arg(resource("rules")), arg(resource("scenarios/passing")));
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.contains("3 passed, 0 failed\n\n"), out);
    assertTrue(out.contains("local-cohort: 1 of 1 rules exercised\n"), out);
    assertTrue(out.contains(String.format("  %4d  %s%n", 2, "Local care home review")), out);
    assertTrue(out.contains("rules no scenario exercises:\n"), out);
    assertTrue(out.contains("  training: ARRS compliant\n"), out);
  }

  @Test
  void catalogueWritesOneHtmlPageAndMarkdownDescribingTheRulesInForce() throws IOException {
    Path out = temp.resolve("catalogue");
    CareCommandTest.Run r = run("catalogue", "--rules", arg(resource("rules")), "--scenarios", arg(resource("scenarios/passing")),
        "--out", arg(out));
    assertEquals(0, r.exit(), r.err());
    String md = Files.readString(out.resolve("rule-catalogue.md"));
    String html = Files.readString(out.resolve("rule-catalogue.html"));
    assertTrue(md.contains("## local-cohort (1.0, `"), md);
    assertTrue(md.contains("### Local care home review\n"), md);
    assertTrue(md.contains("`LOCAL_CARE_HOME_REVIEW` Local care home review (COHORT, MEDIUM)"), md);
    assertTrue(md.contains("- thresholds: `elderlyAge` = 85"), md);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<h2 id=\"training\">"), html);
    assertTrue(html.contains("care-home-resident.json"), html);
  }

  @Test
  void catalogueWithoutOutIsAUserError() {
    CareCommandTest.Run r = run("catalogue");
    assertEquals(CareCommand.USER_ERROR, r.exit());
    assertTrue(r.err().contains("--out"), r.err());
  }

  private static String builtIn(String name) throws IOException {
    try (InputStream in = CareRules.class.getClassLoader().getResourceAsStream("uk/nhs/carecoord/rules/drl/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
