package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/** The command line end to end, in-process: exit codes, standard output and standard error. */
class CareCommandTest {
  @TempDir Path temp;

  record Run(int exit, String out, String err) {
    void assertNoStackTrace() {
      assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> "stack trace on stderr:\n" + err);
    }
  }

  static Run runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CareCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
    try {
      return new Run(cli.execute(args), out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }

  static Run run(String... args) {
    return runWithStdin(null, args);
  }

  static Path resource(String name) {
    try {
      return Path.of(CareCommandTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String arg(Path p) {
    return p.toString();
  }

  // --- validate ---

  @Test
  void validateCompilesTheDirectoryWithTheBuiltInRules() {
    Run r = run("validate", arg(resource("rules")));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("OK: 6 rule sets compiled: "), r.out());
    assertTrue(r.out().contains("cohorts 2026.12.1+"), r.out());
    assertTrue(r.out().contains("local-cohort 1.0+"), r.out());
    assertEquals(1, r.out().strip().lines().count());
  }

  @Test
  void validateOnlyCompilesTheDirectoryAlone() {
    Run r = run("validate", "--only", arg(resource("rules")));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("OK: 1 rule set compiled: local-cohort 1.0+"), r.out());
  }

  /** {@code <name>/<name>.drl} holding one rule with an empty consequence; its condition is on line 7. */
  private Path oneRuleDirectory(String name, String factClass, String rule, String condition) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.writeString(dir.resolve(name + ".drl"), String.join("\n",
        "// @version 1",
        "package uk.nhs.carecoord.rules.local;",
        "import uk.nhs.carecoord.rules.authoring." + factClass + ";",
        "",
        "rule \"" + rule + "\"",
        "when",
        "    " + condition,
        "then",
        "end",
        ""));
    return dir;
  }

  @Test
  void validateNotesARuleThatMakesEvaluationSlower() throws Exception {
    Path rules = oneRuleDirectory("slower", "PamFacts", "Nobody measured", "not PamFacts()");
    Run r = run("validate", arg(rules));
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(1).startsWith("Note: the engine will reset its session between people"), r.out());
    assertTrue(lines.get(1).contains("\"Nobody measured\""), r.out());
  }

  @Test
  void validateReportsEveryProblemWithFileAndLine() throws Exception {
    Path rules = oneRuleDirectory("broken", "PatientFacts", "No such field", "PatientFacts( noSuchField > 3 )");
    Run r = run("validate", arg(rules));
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("broken.drl:7: ")), r.err());
    assertTrue(r.err().contains("rules did not compile: "), r.err());
    assertEquals("", r.out());
    r.assertNoStackTrace();
  }

  @Test
  void validateMissingDirectoryIsAUserError() {
    Run r = run("validate", arg(temp.resolve("nowhere")));
    assertEquals(2, r.exit());
    assertEquals("error: no such directory: " + temp.resolve("nowhere"), r.err().strip());
  }

  // --- test ---

  @Test
  void testPassesEveryPassingScenario() {
    Run r = run("test", arg(resource("rules")), arg(resource("scenarios/passing")));
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(List.of(
        "PASS care-home-resident.json",
        "PASS frail-cfs-6-aged-64.json",
        "PASS local-cohort.json",
        "3 passed, 0 failed"), r.out().strip().lines().toList());
  }

  @Test
  void testShowsExpectedAndActualForAFailingScenarioAndExitsOne() {
    Run r = run("test", arg(resource("rules")), arg(resource("scenarios")));
    assertEquals(1, r.exit(), r.out() + r.err());
    String fail = r.out().lines().filter(l -> l.startsWith("FAIL ")).findFirst().orElseThrow();
    assertTrue(fail.startsWith("FAIL failing/care-home-expects-frail.json: "), fail);
    assertTrue(fail.contains("expected present: FRAIL_ELDERLY"), fail);
    assertTrue(fail.contains("expected absent: CARE_HOME"), fail);
    assertTrue(fail.contains("actual: ") && fail.contains("CARE_HOME"), fail);
    assertTrue(r.out().contains("PASS passing/care-home-resident.json"), r.out());
    assertTrue(r.out().strip().endsWith("3 passed, 1 failed"), r.out());
  }

  @Test
  void testRunsASingleScenarioFile() {
    Run r = run("test", arg(resource("rules")), arg(resource("scenarios/passing/local-cohort.json")));
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(List.of("PASS local-cohort.json", "1 passed, 0 failed"), r.out().strip().lines().toList());
  }

  @Test
  void testReportsAnUnreadableScenarioAsAFailure() throws Exception {
    Path scenarios = Files.createDirectories(temp.resolve("scenarios"));
    Files.writeString(scenarios.resolve("broken.json"), "{\n  \"asOf\": \"2026-11-24\",\n  \"case\": {\n}");
    Run r = run("test", arg(resource("rules")), arg(scenarios));
    assertEquals(1, r.exit());
    assertTrue(r.out().startsWith("FAIL broken.json: cannot run: line "), r.out());
    assertTrue(r.out().strip().endsWith("0 passed, 1 failed"), r.out());
    r.assertNoStackTrace();
  }

  // --- evaluate ---

  @Test
  void evaluateACaseFilePrintsItsEvaluationAsJson() throws Exception {
    Run r = run("evaluate", "--as-of", "2026-11-24", arg(resource("cases/care-home.json")));
    assertEquals(0, r.exit(), r.err());
    JsonNode e = CareJson.mapper().readTree(r.out());
    assertEquals("p-care-home", e.get("patientId").asText());
    assertEquals("2026-11-24", e.get("asOf").asText());
    assertEquals(Set.of("CARE_HOME"), codes(e.get("cohorts")));
    assertTrue(r.out().contains("\n  \"asOf\""), "indented");
    assertTrue(e.get("cohorts").get(0).get("decisions").size() > 0, "decision records");
  }

  @Test
  void evaluateWithLocalRulesAddsTheirOutputs() throws Exception {
    Run r = run("evaluate", "--as-of", "2026-11-24", "--rules", arg(resource("rules")), arg(resource("cases/care-home.json")));
    assertEquals(0, r.exit(), r.err());
    assertEquals(Set.of("CARE_HOME", "LOCAL_CARE_HOME_REVIEW"), codes(CareJson.mapper().readTree(r.out()).get("cohorts")));
  }

  @Test
  void evaluateReadsJsonLinesFromStandardInput() throws Exception {
    String lines = Files.readString(resource("cases/two.jsonl"));
    Run r = runWithStdin(lines, "evaluate", "--as-of", "2026-11-24");
    assertEquals(0, r.exit(), r.err());
    List<String> out = r.out().strip().lines().toList();
    assertEquals(2, out.size(), r.out());
    assertEquals("p-care-home", CareJson.mapper().readTree(out.get(0)).get("patientId").asText());
    assertEquals(Set.of("CARE_HOME"), codes(CareJson.mapper().readTree(out.get(0)).get("cohorts")));
    assertEquals("p-frail-64", CareJson.mapper().readTree(out.get(1)).get("patientId").asText());

    Run dash = runWithStdin(lines, "evaluate", "--as-of", "2026-11-24", "-");
    assertEquals(r.out(), dash.out());
  }

  @Test
  void malformedJsonIsOneLineWithLineAndColumn() throws Exception {
    Path file = temp.resolve("bad.json");
    Files.writeString(file, "{\n  \"patient\": {\n    \"id\": \"p1\",,\n  }\n}\n");
    Run r = run("evaluate", "--as-of", "2026-11-24", arg(file));
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: " + file + ": line 3, column "), r.err());
    assertEquals("", r.out());
    r.assertNoStackTrace();
  }

  @Test
  void malformedJsonLineOnStdinNamesTheLineOfTheStream() throws Exception {
    String first = Files.readString(resource("cases/two.jsonl")).lines().findFirst().orElseThrow();
    Run r = runWithStdin(first + "\n{\"patient\": \n", "evaluate", "--as-of", "2026-11-24");
    assertEquals(CareCommand.REJECTED, r.exit());
    assertEquals(1, r.out().strip().lines().count(), "the good first line is still evaluated");
    assertTrue(r.err().startsWith("stdin:2:"), r.err());
    assertEquals(2, r.err().strip().lines().count(), "the reject, then the summary: " + r.err());
    r.assertNoStackTrace();
  }

  @Test
  void invalidNhsNumberNamesTheField() throws Exception {
    Path file = temp.resolve("bad-nhs.json");
    Files.writeString(file, Files.readString(resource("cases/care-home.json")).replace("9990000239", "9990000230"));
    Run r = run("evaluate", "--as-of", "2026-11-24", arg(file));
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: " + file + ": line "), r.err());
    assertTrue(r.err().contains("patient.nhsNumber"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void outOfRangePamScoreNamesTheField() throws Exception {
    Path file = temp.resolve("bad-pam.json");
    Files.writeString(file, Files.readString(resource("cases/care-home.json")).replace(
        "\"pamAssessments\": []", "\"pamAssessments\": [{\"assessedOn\": \"2026-10-01\", \"score\": 101}]"));
    Run r = run("evaluate", "--as-of", "2026-11-24", arg(file));
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("pamAssessments[0]"), r.err());
    assertTrue(r.err().contains("score"), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void missingFileIsAUserError() {
    Run r = run("evaluate", arg(temp.resolve("nope.json")));
    assertEquals(2, r.exit());
    assertEquals("error: no such file: " + temp.resolve("nope.json"), r.err().strip());
  }

  @Test
  void badDateIsAUserError() {
    Run r = run("evaluate", "--as-of", "2026-13-01", arg(resource("cases/care-home.json")));
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: Invalid value for option '--as-of': '2026-13-01' is not a date (YYYY-MM-DD)"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void caseRecordedAfterTheReferenceDateIsAUserError() {
    Run r = run("evaluate", "--as-of", "2020-01-01", arg(resource("cases/care-home.json")));
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    r.assertNoStackTrace();
  }

  // --- report ---

  /** A seeded synthetic PCN of 60 people and 2 co-ordinators, written as {@code care report} reads it. */
  private Path population() throws IOException {
    SyntheticPcn population = SyntheticPopulation.builder().seed(7).patients(60).practices(2).coordinators(2).build();
    return Files.writeString(temp.resolve("population.json"), CareJson.write(population));
  }

  @Test
  void reportWritesTheReportsOfASyntheticPcn() throws Exception {
    Path file = population();
    Path out = temp.resolve("reports");
    Run r = run("report", arg(file), "--out", arg(out));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Evaluated 60 people and 2 co-ordinators"), r.out());
    try (var files = Files.list(out)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".html")), "an HTML report");
    }
  }

  @Test
  void reportRoundsCountsWhenAsked() throws Exception {
    Path file = population();
    Path out = temp.resolve("rounded");
    Run r = run("report", arg(file), "--out", arg(out), "--round-to", "5");
    assertEquals(0, r.exit(), r.err());
    List<CSVRecord> rows;
    try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().build().parse(
        Files.newBufferedReader(out.resolve("caseload-practices.csv")))) {
      rows = csv.getRecords();
    }
    assertFalse(rows.isEmpty());
    for (CSVRecord row : rows) {
      String people = row.get("people");
      assertTrue(people.equals("*") || Integer.parseInt(people) % 5 == 0, row.toString());
    }
    Run wrong = run("report", arg(file), "--out", arg(out), "--round-to", "0");
    assertEquals(2, wrong.exit());
    assertEquals("error: --round-to must be 1 or more", wrong.err().strip());
  }

  @Test
  void reportOfJsonLinesNeedsAPcn() throws Exception {
    Run r = run("report", arg(resource("cases/two.jsonl")), "--out", arg(temp.resolve("r")));
    assertEquals(2, r.exit());
    assertEquals("error: JSON-lines input needs --pcn <pcn.json>", r.err().strip());
  }

  // --- help and usage ---

  @Test
  void helpOnEveryCommand() {
    for (String command : List.of("validate", "test", "evaluate", "report")) {
      Run r = run(command, "--help");
      assertEquals(0, r.exit(), command);
      assertTrue(r.out().contains("Usage: care " + command), r.out());
    }
    Run top = run("--help");
    assertEquals(0, top.exit());
    assertTrue(top.out().contains("validate") && top.out().contains("evaluate"), top.out());
  }

  @Test
  void unknownOptionIsAUserError() {
    Run r = run("validate", "--nonsense", "x");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: Unknown option: '--nonsense'"), r.err());
  }

  @Test
  void theBareCommandLineAlsoWorks() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new CareCommand());
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute("--help"));
    assertTrue(out.toString().startsWith("Usage: care"));
  }

  private static Set<String> codes(JsonNode findings) {
    Set<String> codes = new HashSet<>();
    findings.forEach(f -> codes.add(f.get("code").asText()));
    return codes;
  }
}
