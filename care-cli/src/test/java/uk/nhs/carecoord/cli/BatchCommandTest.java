package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.cli.CareCommandTest.arg;
import static uk.nhs.carecoord.cli.CareCommandTest.resource;
import static uk.nhs.carecoord.cli.CareCommandTest.run;
import static uk.nhs.carecoord.cli.CareCommandTest.runWithStdin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.cli.CareCommandTest.Run;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/** {@code care evaluate} and {@code care report} on JSON lines account for every line. */
class BatchCommandTest {
  @TempDir Path temp;

  static final String AS_OF = "2026-11-24";

  /** The two good cases of {@code cases/two.jsonl}: p-care-home and p-frail-64. */
  static List<String> goodLines() throws IOException {
    return Files.readString(resource("cases/two.jsonl")).lines().filter(l -> !l.isBlank()).toList();
  }

  static final String MALFORMED = "{\"patient\": {\"id\": \"p-broken\",, }";

  /** A good line with an NHS number whose check digit is wrong. */
  static String badNhsNumber() throws IOException {
    return goodLines().get(0).replace("9990000239", "9990000230");
  }

  /** A good line recording consent after the reference date: read, then rejected by evaluation. */
  static String consentAfterAsOf() throws IOException {
    return goodLines().get(1).replace("\"consentRecordedOn\": \"2026-03-02\"", "\"consentRecordedOn\": \"2027-03-02\"");
  }

  private Path file(String name, List<String> lines) throws IOException {
    return Files.writeString(temp.resolve(name), String.join("\n", lines) + "\n");
  }

  private static List<String> ids(String out) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : out.strip().lines().toList()) {
      ids.add(CareJson.mapper().readTree(line).get("patientId").asText());
    }
    return ids;
  }

  @Test
  void aBadLineInTheMiddleIsReportedAndTheRestAreEvaluated() throws Exception {
    List<String> good = goodLines();
    Path in = file("cases.jsonl", List.of(good.get(0), good.get(1), MALFORMED, good.get(0), good.get(1)));
    Run r = run("evaluate", "--as-of", AS_OF, arg(in));
    assertEquals(CareCommand.REJECTED, r.exit(), r.err());
    assertEquals(List.of("p-care-home", "p-frail-64", "p-care-home", "p-frail-64"), ids(r.out()));
    List<String> err = r.err().strip().lines().toList();
    assertEquals(2, err.size(), r.err());
    assertTrue(err.get(0).matches(java.util.regex.Pattern.quote(in.toString()) + ":3:\\d+: .+"), err.get(0));
    assertEquals("5 read, 4 evaluated, 1 rejected", err.get(1));
    r.assertNoStackTrace();
  }

  @Test
  void severalBadLinesAreEachReportedWithLineColumnAndPath() throws Exception {
    List<String> good = goodLines();
    Path in = file("cases.jsonl",
        List.of(good.get(0), MALFORMED, good.get(1), badNhsNumber(), "", consentAfterAsOf(), good.get(0)));
    Run r = run("evaluate", "--as-of", AS_OF, arg(in));
    assertEquals(CareCommand.REJECTED, r.exit(), r.err());
    assertEquals(List.of("p-care-home", "p-frail-64", "p-care-home"), ids(r.out()));
    List<String> err = r.err().strip().lines().toList();
    assertEquals(4, err.size(), r.err());
    assertTrue(err.get(0).startsWith(in + ":2:"), err.get(0));
    assertTrue(err.get(1).matches(java.util.regex.Pattern.quote(in.toString()) + ":4:\\d+: patient\\.nhsNumber: .+"), err.get(1));
    assertTrue(err.get(2).startsWith(in + ":6: patient.consentRecordedOn: "), "no column for a date after --as-of: " + err.get(2));
    assertEquals("6 read, 3 evaluated, 3 rejected", err.get(3), "the blank line 5 is skipped, not read");
    r.assertNoStackTrace();
  }

  @Test
  void standardInputIsABatchToo() throws Exception {
    List<String> good = goodLines();
    String stdin = String.join("\n", good.get(0), MALFORMED, good.get(1)) + "\n";
    for (String[] args : List.of(new String[] {"evaluate", "--as-of", AS_OF}, new String[] {"evaluate", "--as-of", AS_OF, "-"})) {
      Run r = runWithStdin(stdin, args);
      assertEquals(CareCommand.REJECTED, r.exit(), r.err());
      assertEquals(List.of("p-care-home", "p-frail-64"), ids(r.out()));
      assertTrue(r.err().startsWith("stdin:2:"), r.err());
      assertTrue(r.err().strip().endsWith("3 read, 2 evaluated, 1 rejected"), r.err());
    }
  }

  @Test
  void rejectsFileHoldsTheOriginalLines() throws Exception {
    List<String> good = goodLines();
    Path in = file("cases.jsonl", List.of(good.get(0), MALFORMED, good.get(1), badNhsNumber(), consentAfterAsOf()));
    Path rejects = temp.resolve("rejects.jsonl");
    Run r = run("evaluate", "--as-of", AS_OF, "--rejects", arg(rejects), arg(in));
    assertEquals(CareCommand.REJECTED, r.exit(), r.err());
    assertEquals(List.of(MALFORMED, badNhsNumber(), consentAfterAsOf()), Files.readAllLines(rejects));
    assertTrue(r.err().strip().endsWith("5 read, 2 evaluated, 3 rejected (written to " + rejects + ")"), r.err());

    // Corrected and resubmitted, the rejects file is an input like any other.
    Run again = run("evaluate", "--as-of", AS_OF, "--rejects", arg(rejects), arg(in.resolveSibling("none.jsonl")));
    assertEquals(2, again.exit(), "no such file");
    Path fixed = file("fixed.jsonl", List.of(good.get(1)));
    Run clean = run("evaluate", "--as-of", AS_OF, "--rejects", arg(rejects), arg(fixed));
    assertEquals(0, clean.exit(), clean.err());
    assertEquals(0, Files.size(rejects), "a clean run leaves an empty rejects file");
  }

  @Test
  void failFastStopsAtTheFirstRejectedLine() throws Exception {
    List<String> good = goodLines();
    Path in = file("cases.jsonl", List.of(good.get(0), good.get(1), MALFORMED, good.get(0), badNhsNumber()));
    Path rejects = temp.resolve("rejects.jsonl");
    Run r = run("evaluate", "--as-of", AS_OF, "--fail-fast", "--threads", "2", "--rejects", arg(rejects), arg(in));
    assertEquals(CareCommand.USER_ERROR, r.exit(), r.err());
    assertEquals(List.of("p-care-home", "p-frail-64"), ids(r.out()), "the lines before the reject, none after");
    List<String> err = r.err().strip().lines().toList();
    assertEquals(2, err.size(), r.err());
    assertTrue(err.get(0).startsWith(in + ":3:"), err.get(0));
    assertEquals("3 read, 2 evaluated, 1 rejected; stopped at the first rejected line (--fail-fast)", err.get(1));
    assertEquals(List.of(MALFORMED), Files.readAllLines(rejects));
  }

  @Test
  void exitCodeIsZeroWhenNothingIsRejectedAndQuietLeavesStderrEmpty() throws Exception {
    Path in = file("cases.jsonl", goodLines());
    Run r = run("evaluate", "--as-of", AS_OF, arg(in));
    assertEquals(0, r.exit(), r.err());
    assertEquals("2 read, 2 evaluated, 0 rejected", r.err().strip());
    assertFalse(r.err().contains("\r"), "no progress when standard error is not a terminal");

    Run quiet = run("evaluate", "--as-of", AS_OF, "--quiet", arg(in));
    assertEquals(0, quiet.exit());
    assertEquals("", quiet.err());
    assertEquals(r.out(), quiet.out());

    Path bad = file("bad.jsonl", List.of(MALFORMED));
    Run quietBad = run("evaluate", "--as-of", AS_OF, "-q", arg(bad));
    assertEquals(CareCommand.REJECTED, quietBad.exit());
    assertTrue(quietBad.err().strip().endsWith("1 read, 0 evaluated, 1 rejected"), "rejects are never quiet: " + quietBad.err());
  }

  @Test
  void outputIsCompactByDefaultAndIndentedOnRequest() throws Exception {
    Path in = file("cases.jsonl", goodLines());
    Run compact = run("evaluate", "--as-of", AS_OF, arg(in));
    assertEquals(2, compact.out().strip().lines().count());
    Run pretty = run("evaluate", "--as-of", AS_OF, "--pretty", arg(in));
    assertTrue(pretty.out().contains("\n  \"asOf\""), pretty.out());
    assertEquals(CareJson.mapper().readTree(compact.out().lines().findFirst().orElseThrow()),
        CareJson.mapper().readTree(pretty.out().substring(0, pretty.out().indexOf("\n}") + 2)));
  }

  @Test
  void badThreadsIsAUserError() throws Exception {
    Run r = run("evaluate", "--as-of", AS_OF, "--threads", "0", arg(file("cases.jsonl", goodLines())));
    assertEquals(CareCommand.USER_ERROR, r.exit());
    assertEquals("error: --threads must be 1 or more", r.err().strip());
  }

  /** A generated batch with bad lines at generated places evaluates to the same bytes on 1 and 2 threads. */
  @Property(tries = 8)
  void twoThreadsPrintWhatOneThreadPrints(
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @IntRange(min = 1, max = 400) int size,
      @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 400) Integer> badAt) throws Exception {
    SyntheticPcn population = SyntheticPopulation.builder().seed(seed).patients(size).practices(2).coordinators(3).build();
    List<String> lines = new ArrayList<>();
    population.cases().forEach(c -> lines.add(CareJson.writeLine(c)));
    for (int at : badAt) {
      lines.add(Math.min(at, lines.size()), MALFORMED);
    }
    Path dir = Files.createTempDirectory("batch");
    try {
      Path in = Files.writeString(dir.resolve("cases.jsonl"), String.join("\n", lines) + "\n");
      Path pcn = Files.writeString(dir.resolve("pcn.json"), CareJson.write(population.pcn()));
      String asOf = population.asOf().toString();
      Run one = run("evaluate", "--as-of", asOf, "--pcn", arg(pcn), "--threads", "1", arg(in));
      Run two = run("evaluate", "--as-of", asOf, "--pcn", arg(pcn), "--threads", "2", arg(in));
      assertEquals(badAt.isEmpty() ? 0 : CareCommand.REJECTED, one.exit(), one.err());
      assertEquals(one.exit(), two.exit());
      assertEquals(one.out(), two.out());
      assertEquals(one.err(), two.err());
      assertEquals(size, one.out().lines().count());
      assertEquals(population.cases().stream().map(c -> c.patient().id()).toList(), ids(two.out()));
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  // --- report ---

  @Test
  void reportAccountsForEveryLineAndReportsTheCasesEvaluated() throws Exception {
    SyntheticPcn population = SyntheticPopulation.builder().seed(7).patients(30).practices(2).coordinators(2).build();
    List<String> lines = new ArrayList<>();
    population.cases().forEach(c -> lines.add(CareJson.writeLine(c)));
    lines.add(10, MALFORMED);
    lines.add(20, "{}");
    Path in = file("cases.jsonl", lines);
    Path pcn = Files.writeString(temp.resolve("pcn.json"), CareJson.write(population.pcn()));
    Path rejects = temp.resolve("rejects.jsonl");
    Path out = temp.resolve("reports");
    Run r = run("report", arg(in), "--pcn", arg(pcn), "--as-of", population.asOf().toString(),
        "--out", arg(out), "--rejects", arg(rejects), "--threads", "2");
    assertEquals(CareCommand.REJECTED, r.exit(), r.err());
    assertTrue(r.out().startsWith("Evaluated 30 people and 2 co-ordinators"), r.out());
    List<String> err = r.err().strip().lines().toList();
    assertEquals(3, err.size(), r.err());
    assertTrue(err.get(0).startsWith(in + ":11:"), err.get(0));
    assertTrue(err.get(1).startsWith(in + ":21:"), err.get(1));
    assertEquals("32 read, 30 evaluated, 2 rejected (written to " + rejects + ")", err.get(2));
    assertEquals(List.of(MALFORMED, "{}"), Files.readAllLines(rejects));
    assertTrue(Files.exists(out.resolve("caseload-practices.csv")));

    Run failFast = run("report", arg(in), "--pcn", arg(pcn), "--as-of", population.asOf().toString(),
        "--out", arg(temp.resolve("none")), "--fail-fast");
    assertEquals(CareCommand.USER_ERROR, failFast.exit());
    assertFalse(Files.exists(temp.resolve("none")), "no partial reports");
  }
}
