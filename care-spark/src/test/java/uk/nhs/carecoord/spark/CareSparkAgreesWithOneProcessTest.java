package uk.nhs.carecoord.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.reporting.CaseloadReport;
import uk.nhs.carecoord.reporting.Count;
import uk.nhs.carecoord.reporting.PcnReports;
import uk.nhs.carecoord.reporting.ReportSet;
import uk.nhs.carecoord.reporting.SafeguardingReport;
import uk.nhs.carecoord.reporting.Suppression;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/**
 * 10,000 generated people through Spark in local mode against the same people through {@link
 * CareRules} and {@link PcnReports} in this process: every finding, and every aggregate count
 * after suppression and rounding.
 */
class CareSparkAgreesWithOneProcessTest {
  private static final LocalDate AS_OF = SyntheticPopulation.DEFAULT_AS_OF;
  private static final int PEOPLE = 10_000;

  @TempDir static Path dir;

  private static SparkSession spark;
  private static SyntheticPcn population;
  private static List<PatientEvaluation> oneProcess;
  private static CareRules rules;
  private static CareSpark.Evaluations sparkRun;
  private static List<Row> sparkFindings;
  private static Map<String, String> practices;

  @BeforeAll
  static void evaluateBothWays() throws IOException {
    population = SyntheticPopulation.builder()
        .seed(17).patients(PEOPLE).practices(8).coordinators(12).asOf(AS_OF).build();
    List<PatientCase> cases = population.cases();
    practices = cases.stream().collect(Collectors.toMap(c -> c.patient().id(), c -> c.patient().practiceCode()));
    // Two files, so that Spark reads several inputs and names each case's source.
    Files.write(dir.resolve("a.jsonl"), cases.subList(0, PEOPLE / 2).stream().map(CareJson::writeLine).toList());
    Files.write(dir.resolve("b.jsonl"), cases.subList(PEOPLE / 2, PEOPLE).stream().map(CareJson::writeLine).toList());

    rules = CareRules.builder().asOf(AS_OF).build();
    oneProcess = rules.evaluateAll(population.pcn(), cases);

    spark = LocalSpark.session();
    CareSpark care = CareSpark.builder().asOf(AS_OF).pcn(population.pcn()).build();
    sparkRun = care.evaluate(CareSpark.readJsonLines(spark, dir.resolve("*.jsonl").toString()));
    sparkFindings = sparkRun.findings().collectAsList();
  }

  @AfterAll
  static void release() {
    if (sparkRun != null) {
      sparkRun.close();
    }
  }

  @Test
  void everyFindingEqualsTheOneProcessFinding() {
    List<String> expected = new ArrayList<>();
    for (PatientEvaluation e : oneProcess) {
      String practice = practiceOf(e.patientId());
      for (List<Finding> shown : List.of(e.cohorts(), e.obligations(), e.recommendations())) {
        shown.forEach(f -> expected.add(line(e, practice, f, false)));
      }
      e.suppressed().forEach(f -> expected.add(line(e, practice, f, true)));
    }
    List<String> actual = sparkFindings.stream().map(CareSparkAgreesWithOneProcessTest::line).toList();

    // A sample large enough to mean something (about 0.95 findings a person with the built-in
    // clusters: the generator's people in a cohort, their obligations and recommendations).
    assertTrue(actual.size() > PEOPLE * 4 / 5, "findings: " + actual.size());
    assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    assertTrue(actual.stream().anyMatch(l -> l.contains("|OBLIGATION|")));
  }

  @Test
  void theFlatRuleColumnsAreTheFirstDecisionRecord() {
    for (Row r : sparkFindings) {
      Row first = r.<Row>getList(r.fieldIndex("decisions")).get(0);
      assertEquals(first.getString(0), r.getString(r.fieldIndex("rule")));
      assertEquals(first.getString(1), r.getString(r.fieldIndex("rule_set")));
      assertEquals(first.getString(2), r.getString(r.fieldIndex("rule_set_version")));
      assertEquals(first.getString(3), r.getString(r.fieldIndex("rule_set_digest")));
    }
  }

  @Test
  void theFindingsHaveTheDocumentedColumns() {
    assertEquals(
        List.of(CareSpark.FINDINGS.fields()).stream().map(f -> f.name() + ":" + f.dataType().simpleString()).toList(),
        List.of(sparkRun.findings().schema().fields()).stream()
            .map(f -> f.name() + ":" + f.dataType().simpleString()).toList());
  }

  @Test
  void aggregatesEqualPcnReportsWithDefaultSuppression() {
    compareWithPcnReports(7, 1);
  }

  @Test
  void aggregatesEqualPcnReportsRoundedToFive() {
    compareWithPcnReports(7, 5);
  }

  @Test
  void aggregatesEqualPcnReportsWhenManyCountsAreSuppressed() {
    // A high threshold, so that many compared counts are suppressed and partitions hide a second part.
    int suppressedSeen = compareWithPcnReports(400, 5);
    assertTrue(suppressedSeen > 5, "suppressed: " + suppressedSeen);
  }

  @Test
  void cohortsByPracticeArePartitionsOfTheCohort() {
    Suppression s = new Suppression(30, "*", 5);
    Map<String, String> spark = aggregates(30, 5);
    // The same counts, counted here in plain Java and suppressed by care-reporting's function.
    Map<String, Map<String, Long>> byCohort = new TreeMap<>();
    for (PatientEvaluation e : oneProcess) {
      for (Finding f : e.cohorts()) {
        byCohort.computeIfAbsent(f.code(), k -> new TreeMap<>()).merge(practiceOf(e.patientId()), 1L, Long::sum);
      }
    }
    int suppressed = 0;
    for (Map.Entry<String, Map<String, Long>> cohort : byCohort.entrySet()) {
      List<String> practices = new ArrayList<>(cohort.getValue().keySet());
      long[] parts = practices.stream().mapToLong(p -> cohort.getValue().get(p)).toArray();
      List<Count> counts = s.partition(parts, java.util.Arrays.stream(parts).sum());
      for (int i = 0; i < practices.size(); i++) {
        assertEquals(counts.get(i).display(),
            spark.get(key("caseload", practices.get(i), "COHORT", cohort.getKey(), "people")),
            cohort.getKey() + " at " + practices.get(i));
        suppressed += counts.get(i).isSuppressed() ? 1 : 0;
      }
    }
    assertTrue(suppressed > 0);
  }

  /** Compares every count the two share; returns how many of them were suppressed. */
  private static int compareWithPcnReports(int threshold, int roundTo) {
    ReportSet reports = PcnReports.builder().suppressionThreshold(threshold).roundCountsTo(roundTo).build()
        .build(population.pcn(), population.cases(), oneProcess, rules.evaluateCoordinators(population.pcn()));
    Map<String, String> spark = aggregates(threshold, roundTo);
    Map<String, Count> expected = new TreeMap<>();
    CaseloadReport caseload = reports.caseload();
    expected.put(key("caseload", null, null, null, "people"), caseload.total().people());
    expected.put(key("caseload", null, null, null, "in_no_cohort"), caseload.inNoCohort());
    caseload.cohorts().forEach(c -> expected.put(key("caseload", null, "COHORT", c.cohort(), "people"), c.figures().people()));
    caseload.practices().forEach(p -> expected.put(key("caseload", p.odsCode(), null, null, "people"), p.figures().people()));
    for (SafeguardingReport.ObligationRow o : reports.safeguarding().obligations()) {
      expected.put(key("findings", null, "OBLIGATION", o.code(), "findings"), o.total());
      expected.put(key("findings", null, "OBLIGATION", o.code(), "overdue"), o.overdue());
    }
    Map<String, String> expectedText = expected.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().display(), (a, b) -> a, TreeMap::new));
    Map<String, String> actual = new TreeMap<>(spark);
    actual.keySet().retainAll(expected.keySet());
    assertEquals(expectedText, actual);
    assertFalse(caseload.cohorts().isEmpty());
    assertFalse(reports.safeguarding().obligations().isEmpty());
    assertTrue(spark.keySet().containsAll(expected.keySet()));
    return (int) expected.values().stream().filter(Count::isSuppressed).count();
  }

  private static Map<String, String> aggregates(int threshold, int roundTo) {
    // The same kept evaluations, counted with other settings.
    List<Row> rows = sparkRun.aggregates(new Suppression(threshold, "*", roundTo)).collectAsList();
    Map<String, String> byKey = new TreeMap<>();
    for (Row r : rows) {
      String k = key(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4));
      assertEquals(r.getString(5).equals("*"), r.getBoolean(6), k);
      assertNull(byKey.put(k, r.getString(5)), k);
    }
    return byKey;
  }

  private static String key(String report, String practice, String kind, String code, String measure) {
    return report + "/" + practice + "/" + kind + "/" + code + "/" + measure;
  }

  private static String practiceOf(String patientId) {
    return practices.get(patientId);
  }

  private static String line(PatientEvaluation e, String practice, Finding f, boolean suppressed) {
    return String.join("|", e.patientId(), practice, f.kind().name(), f.code(), f.subject(), f.priority().name(),
        f.dueOn().map(Object::toString).orElse("-"), String.valueOf(suppressed),
        f.decisions().stream().map(CareSparkAgreesWithOneProcessTest::decision).collect(Collectors.joining(",")),
        e.codeListVersion(), e.asOf().toString(), f.text(), f.factsFingerprint());
  }

  private static String decision(DecisionRecord d) {
    return d.rule() + "@" + d.ruleSet() + ":" + d.ruleSetVersion() + "+" + d.ruleSetDigest();
  }

  private static String line(Row r) {
    List<Row> decisions = r.getList(r.fieldIndex("decisions"));
    Object due = r.get(r.fieldIndex("due_on"));
    return String.join("|", r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        r.getString(5), due == null ? "-" : due.toString(), String.valueOf(r.getBoolean(7)),
        decisions.stream().map(d -> d.getString(0) + "@" + d.getString(1) + ":" + d.getString(2) + "+" + d.getString(3))
            .collect(Collectors.joining(",")),
        r.getString(r.fieldIndex("code_list_version")), r.get(r.fieldIndex("as_of")).toString(),
        r.getString(r.fieldIndex("text")), r.getString(r.fieldIndex("facts_fingerprint")));
  }
}
