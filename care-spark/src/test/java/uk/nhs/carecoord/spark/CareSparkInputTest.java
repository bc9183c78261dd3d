package uk.nhs.carecoord.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/** Inputs and outputs on a few hundred people: Parquet, bad cases, a rule directory, the job's files. */
class CareSparkInputTest {
  private static final LocalDate AS_OF = SyntheticPopulation.DEFAULT_AS_OF;

  @TempDir static Path dir;

  private static SparkSession spark;
  private static SyntheticPcn population;
  private static Path jsonLines;

  @BeforeAll
  static void start() throws IOException {
    spark = LocalSpark.session();
    population = SyntheticPopulation.builder().seed(5).patients(300).practices(3).coordinators(4).asOf(AS_OF).build();
    jsonLines = dir.resolve("cases.jsonl");
    Files.write(jsonLines, population.cases().stream().map(CareJson::writeLine).toList());
  }

  @Test
  void parquetCasesDecideAsTheirJsonLines() {
    String parquet = dir.resolve("cases.parquet").toString();
    spark.read().json(jsonLines.toString()).write().parquet(parquet);
    CareSpark care = CareSpark.builder().asOf(AS_OF).pcn(population.pcn()).build();

    List<String> fromJson = lines(care, CareSpark.readJsonLines(spark, jsonLines.toString()));
    List<String> fromParquet = lines(care, CareSpark.readParquet(spark, parquet));

    assertTrue(fromJson.size() > 200, "findings: " + fromJson.size());
    assertEquals(fromJson, fromParquet);
  }

  @Test
  void aBadCaseFailsTheJobNamingItsFileAndField() throws IOException {
    Path bad = dir.resolve("bad").resolve("bad-cases.jsonl");
    Files.createDirectories(bad.getParent());
    String good = CareJson.writeLine(population.cases().get(0));
    String wrong = good.replaceFirst("\"dateOfBirth\":\"[0-9-]+\"", "\"dateOfBirth\":\"not a date\"");
    assertNotEquals(good, wrong);
    Files.write(bad, List.of(good, "", wrong));
    CareSpark care = CareSpark.builder().asOf(AS_OF).build();

    Exception e = assertThrows(Exception.class,
        () -> care.evaluate(CareSpark.readJsonLines(spark, bad.toString())).findings().count());
    CaseInputException cause = causeOf(e);
    assertTrue(cause.source().endsWith("bad-cases.jsonl"), cause.source());
    assertTrue(cause.getMessage().contains("patient.dateOfBirth"), cause.getMessage());
  }

  @Test
  void aCaseRecordingTheFutureFailsTheJobNamingTheDate() {
    LocalDate early = AS_OF.minusYears(3);
    CareSpark care = CareSpark.builder().asOf(early).build();

    Exception e = assertThrows(Exception.class,
        () -> care.evaluate(CareSpark.readJsonLines(spark, jsonLines.toString())).findings().count());
    CaseInputException cause = causeOf(e);
    assertTrue(cause.getMessage().contains("as of " + early), cause.getMessage());
  }

  @Test
  void aRuleDirectoryDecidesOnTheExecutorsAsInOneProcess() throws IOException {
    Path rules = dir.resolve("rules").resolve("local");
    Files.createDirectories(rules);
    // A rule author's cohort, in a subdirectory (the relative name must survive the trip), and
    // the catalogue entry declaring its code.
    Files.writeString(rules.resolve("older.drl"), String.join("\n",
        "package local.cohorts;",
        "import uk.nhs.carecoord.rules.authoring.Outcomes;",
        "import uk.nhs.carecoord.rules.Priority;",
        "import uk.nhs.carecoord.rules.authoring.PatientFacts;",
        "global Outcomes out;",
        "rule \"Over 80\"",
        "when",
        "    $p : PatientFacts( age >= 80 )",
        "then",
        "    out.cohort(drools, \"LOCAL_OVER_80\", Priority.LOW, \"Over 80\").reason(\"Aged \" + $p.getAge()).fact(\"age\", $p.getAge());",
        "end", ""));
    Files.writeString(rules.getParent().resolve("outputs.json"),
        "{\"LOCAL_OVER_80\": {\"kind\": \"COHORT\", \"label\": \"Over 80\", \"text\": \"Over 80\"}}\n");
    CareSpark care = CareSpark.builder().asOf(AS_OF).ruleDirectory(rules.getParent()).pcn(population.pcn()).build();
    CareRules oneProcess = CareRules.builder().asOf(AS_OF).ruleDirectory(rules.getParent()).build();

    List<String> spark = lines(care, CareSpark.readJsonLines(CareSparkInputTest.spark, jsonLines.toString()));
    List<String> expected = new ArrayList<>();
    for (PatientCase c : population.cases()) {
      PatientEvaluation e = oneProcess.evaluate(c, population.pcn());
      Stream.of(e.cohorts(), e.obligations(), e.recommendations()).flatMap(List::stream)
          .forEach(f -> expected.add(line(e.patientId(), f, false)));
      e.suppressed().forEach(f -> expected.add(line(e.patientId(), f, true)));
    }
    assertTrue(spark.stream().anyMatch(l -> l.contains("|LOCAL_OVER_80|")));
    assertEquals(expected.stream().sorted().toList(), spark);
  }

  @Test
  void aPcnsOwnCodeListsDecideOnTheExecutorsAsInOneProcess() throws IOException {
    Path lists = ExecutorRulesTest.narrowHypertension(dir.resolve("code-lists"));
    CareRules oneProcess = CareRules.builder().asOf(AS_OF).codeLists(lists).build();
    List<String> expected = new ArrayList<>();
    for (PatientCase c : population.cases()) {
      PatientEvaluation e = oneProcess.evaluate(c, population.pcn());
      Stream.of(e.cohorts(), e.obligations(), e.recommendations()).flatMap(List::stream)
          .forEach(f -> expected.add(line(e.patientId(), f, false)));
      e.suppressed().forEach(f -> expected.add(line(e.patientId(), f, true)));
    }
    CareSpark care = CareSpark.builder().asOf(AS_OF).codeLists(lists).pcn(population.pcn()).build();
    try (CareSpark.Evaluations run = care.evaluate(CareSpark.readJsonLines(spark, jsonLines.toString()))) {
      assertEquals(List.of(oneProcess.codeClusters().version()),
          run.findings().select("code_list_version").distinct().collectAsList().stream().map(r -> r.getString(0)).toList());
    }
    List<String> withLists = lines(care, CareSpark.readJsonLines(spark, jsonLines.toString()));
    assertEquals(expected.stream().sorted().toList(), withLists);
    CareSpark builtIn = CareSpark.builder().asOf(AS_OF).pcn(population.pcn()).build();
    assertNotEquals(lines(builtIn, CareSpark.readJsonLines(spark, jsonLines.toString())), withLists,
        "the narrowed hypertension list changes some decisions");
  }

  @Test
  void repeatedPatientIdsAreRefusedByTheAggregates() throws IOException {
    Path twice = dir.resolve("twice.jsonl");
    String one = CareJson.writeLine(population.cases().get(1));
    Files.write(twice, List.of(one, one));
    CareSpark care = CareSpark.builder().asOf(AS_OF).build();
    try (CareSpark.Evaluations run = care.evaluate(CareSpark.readJsonLines(spark, twice.toString()))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run::aggregates);
      assertTrue(e.getMessage().contains("patient id"), e.getMessage());
    }
  }

  @Test
  void theJobWritesFindingsAndAggregates() throws IOException {
    Path pcn = dir.resolve("pcn.json");
    Files.writeString(pcn, CareJson.write(population.pcn()));
    Path out = dir.resolve("job-out");

    int code = CareSparkJob.run("--as-of", AS_OF.toString(), "--input", jsonLines.toString(),
        "--pcn", pcn.toString(), "--output", out.toString(), "--round-to", "5");

    assertEquals(0, code);
    CareSpark care = CareSpark.builder().asOf(AS_OF).pcn(population.pcn()).roundCountsTo(5).build();
    try (CareSpark.Evaluations run = care.evaluate(CareSpark.readJsonLines(spark, jsonLines.toString()))) {
      assertEquals(run.findings().count(), spark.read().parquet(out.resolve("findings").toString()).count());
      List<String> csv = Files.list(out.resolve("aggregates")).filter(p -> p.toString().endsWith(".csv"))
          .flatMap(CareSparkInputTest::readLines).toList();
      List<String> expected = new ArrayList<>();
      expected.add(String.join(",", CareSpark.AGGREGATES.fieldNames()));
      run.aggregates().collectAsList().forEach(r -> expected.add(csvLine(r)));
      assertEquals(expected, csv);
    }
    // A second run into the same place refuses to overwrite (before evaluating anything).
    assertEquals(1, CareSparkJob.run("--as-of", AS_OF.toString(), "--input", jsonLines.toString(), "--output", out.toString()));
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, CareSparkJob.run("--as-of", "24/11/2026", "--input", "x", "--output", "y"));
    assertEquals(2, CareSparkJob.run("--as-of", AS_OF.toString(), "--input", "x", "--output", "y", "--format", "csv"));
    // A code-list directory that is not one fails on the driver, before any Spark job.
    assertEquals(1, CareSparkJob.run("--as-of", AS_OF.toString(), "--input", "x", "--output", "y",
        "--code-lists", dir.resolve("no-such-lists").toString()));
  }

  private static List<String> lines(CareSpark care, org.apache.spark.sql.Dataset<Row> cases) {
    try (CareSpark.Evaluations run = care.evaluate(cases)) {
      return run.findings().collectAsList().stream()
          .map(r -> String.join("|", r.getString(0), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
              String.valueOf(r.get(6)), String.valueOf(r.getBoolean(7)), r.getString(r.fieldIndex("facts_fingerprint"))))
          .sorted().toList();
    }
  }

  private static String line(String patientId, Finding f, boolean suppressed) {
    return String.join("|", patientId, f.kind().name(), f.code(), f.subject(), f.priority().name(),
        f.dueOn().map(Object::toString).orElse("null"), String.valueOf(suppressed), f.factsFingerprint());
  }

  private static String csvLine(Row r) {
    return Stream.of(0, 1, 2, 3, 4, 5, 6).map(i -> r.isNullAt(i) ? "" : String.valueOf(r.get(i)))
        .collect(Collectors.joining(","));
  }

  private static Stream<String> readLines(Path p) {
    try {
      return Files.readAllLines(p).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static CaseInputException causeOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CaseInputException c) {
        return c;
      }
    }
    throw new AssertionError("no CaseInputException in the causes of " + e, e);
  }
}
