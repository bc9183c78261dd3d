package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** Properties of the reports over generated PCNs and populations. */
class ReportPropertiesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  private static final int TRIES = 30;
  /** Columns after the first that label a row rather than count people. */
  private static final Set<String> LABEL_COLUMNS = Set.of("practice", "latest_level", "label", "term", "stratifier", "stratum");

  /** Compiled once for every property. */
  private static final class Rules {
    static final CareRules RULES = CareRules.builder().asOf(AS_OF).build();
  }

  /** A PCN, its caseload and the rules' evaluations. */
  record World(
      Pcn pcn, List<PatientCase> cases, List<PatientEvaluation> evaluations, List<CoordinatorEvaluation> coordinators) {

    ReportSet reports(int threshold) {
      return reports(threshold, 1);
    }

    ReportSet reports(int threshold, int roundTo) {
      return PcnReports.builder().asOf(AS_OF).suppressionThreshold(threshold).roundCountsTo(roundTo).build()
          .build(pcn, cases, evaluations, coordinators);
    }

    @Override
    public String toString() {
      return pcn.code() + " with " + cases.size() + " people";
    }
  }

  @Provide
  Arbitrary<World> worlds() {
    return Combinators.combine(CareArbitraries.pcns(AS_OF), CareArbitraries.populations(AS_OF, 30))
        .as(
            (pcn, cases) ->
                new World(pcn, cases, Rules.RULES.evaluateAll(pcn, cases), Rules.RULES.evaluateCoordinators(pcn)));
  }

  private static int sum(List<Count> counts) {
    return counts.stream().mapToInt(c -> c.value().orElseThrow()).sum();
  }

  private static int n(Count c) {
    return c.value().orElseThrow();
  }

  @Property(tries = TRIES)
  void totalsAddUp(@ForAll("worlds") World w) {
    ReportSet r = w.reports(0);
    int people = w.cases().size();
    CaseloadReport c = r.caseload();
    assertEquals(people, n(c.total().people()));
    assertEquals(people, sum(c.practices().stream().map(p -> p.figures().people()).toList()));
    assertEquals(n(c.total().withoutPlan()), sum(c.practices().stream().map(p -> p.figures().withoutPlan()).toList()));
    for (CaseloadReport.CohortRow row : c.cohorts()) {
      assertTrue(n(row.figures().people()) <= people);
      assertTrue(n(row.figures().withAgreedPlan()) + n(row.figures().withoutPlan()) <= n(row.figures().people()));
    }
    assertTrue(n(c.inNoCohort()) + c.cohorts().stream().mapToInt(x -> n(x.figures().people())).max().orElse(0) <= people);
    ActivationReport a = r.activation();
    assertEquals(people, n(a.people()));
    assertEquals(people, sum(a.levels().stream().map(ActivationReport.LevelRow::people).toList()) + n(a.withoutPam()));
    assertEquals(n(a.remeasured()), sum(a.transitions().stream().map(ActivationReport.Transition::people).toList()));
    assertTrue(n(a.improved()) <= n(a.remeasured()));
    SafeguardingReport s = r.safeguarding();
    assertEquals(n(s.openConcerns()), sum(s.byAge().stream().map(SafeguardingReport.AgeBand::openConcerns).toList()));
    assertTrue(n(s.peopleWithOpenConcerns()) <= n(s.openConcerns()));
    int obligations = w.evaluations().stream().mapToInt(e -> e.obligations().size()).sum();
    assertEquals(obligations, sum(s.obligations().stream().map(SafeguardingReport.ObligationRow::total).toList()));
    int steps = w.evaluations().stream().mapToInt(e -> e.obligations().size() + e.recommendations().size()).sum();
    assertEquals(steps, r.worklist().entries().size());
    assertEquals(w.coordinators().size(), r.training().rows().size());
  }

  @Property(tries = TRIES)
  void suppressionNeverLeaksASmallCount(
      @ForAll("worlds") World w, @ForAll @IntRange(min = 1, max = 10) int threshold) {
    ReportSet raw = w.reports(0);
    ReportSet suppressed = w.reports(threshold);
    for (Object[] pair : new Object[][] {
        {raw.caseload(), suppressed.caseload()},
        {raw.activation(), suppressed.activation()},
        {raw.safeguarding(), suppressed.safeguarding()}}) {
      List<Count> before = Counts.in(pair[0]);
      List<Count> after = Counts.in(pair[1]);
      assertEquals(before.size(), after.size());
      for (int i = 0; i < before.size(); i++) {
        int value = n(before.get(i));
        if (value >= 1 && value <= threshold) {
          assertEquals(Count.suppressed("*"), after.get(i));
        } else if (!after.get(i).isSuppressed()) {
          assertEquals(before.get(i), after.get(i));
        } else {
          assertTrue(value > threshold, "a zero is never suppressed"); // complementary suppression
        }
      }
    }
    assertNoLoneSuppressedPart(
        suppressed.activation().people(),
        Stream.concat(
                suppressed.activation().levels().stream().map(ActivationReport.LevelRow::people),
                Stream.of(suppressed.activation().withoutPam()))
            .toList());
    assertNoLoneSuppressedPart(
        suppressed.activation().remeasured(),
        suppressed.activation().transitions().stream().map(ActivationReport.Transition::people).toList());
    assertNoLoneSuppressedPart(
        suppressed.safeguarding().openConcerns(),
        suppressed.safeguarding().byAge().stream().map(SafeguardingReport.AgeBand::openConcerns).toList());
    CaseloadReport.Figures total = suppressed.caseload().total();
    List<CaseloadReport.Figures> practices =
        suppressed.caseload().practices().stream().map(CaseloadReport.PracticeRow::figures).toList();
    assertNoLoneSuppressedPart(total.people(), practices.stream().map(CaseloadReport.Figures::people).toList());
    assertNoLoneSuppressedPart(
        total.withoutPlan(), practices.stream().map(CaseloadReport.Figures::withoutPlan).toList());
    assertNoLoneSuppressedPart(
        total.withAgreedPlan(), practices.stream().map(CaseloadReport.Figures::withAgreedPlan).toList());
    int remeasured = n(raw.activation().remeasured());
    if (remeasured >= 1 && remeasured <= threshold) {
      assertTrue(suppressed.activation().meanPointsChange().isEmpty());
    }
    Document page = Jsoup.parse(suppressed.toHtml());
    for (String shown : page.select("[data-count], td.n, text.count").eachText()) {
      assertSmallNotShown(shown, threshold);
    }
    page.select("[data-count]").eachAttr("data-count").forEach(v -> assertSmallNotShown(v, threshold));
    for (CsvTable t : CsvTables.aggregates(suppressed)) {
      if (t.fileName().startsWith("training") || t.fileName().equals("about.csv")) {
        continue; // staff, not patients; the settings, not counts
      }
      for (List<String> row : t.rows()) {
        for (int i = 1; i < row.size(); i++) {
          if (LABEL_COLUMNS.contains(t.header().get(i))) {
            continue; // names and level numbers, not counts: a practice may be called "1"
          }
          if (t.fileName().equals("activation-summary.csv") && row.get(0).equals("mean_points_change")) {
            continue;
          }
          assertSmallNotShown(row.get(i), threshold);
        }
      }
    }
  }

  /** A shown total with exactly one suppressed part would give the part away by subtraction. */
  private static void assertNoLoneSuppressedPart(Count total, List<Count> parts) {
    if (!total.isSuppressed()) {
      assertFalse(parts.stream().filter(Count::isSuppressed).count() == 1, () -> total + " = " + parts);
    }
  }

  private static void assertSmallNotShown(String text, int threshold) {
    if (text.matches("\\d+")) {
      int v = Integer.parseInt(text);
      assertFalse(v >= 1 && v <= threshold, () -> "count " + v + " shown under threshold " + threshold);
    }
  }

  /** Rounding changes no suppression and shows every other count as its rounded number. */
  @Property(tries = TRIES)
  void roundedReportsHideWhatUnroundedOnesHide(
      @ForAll("worlds") World w, @ForAll @IntRange(min = 0, max = 10) int threshold, @ForAll @IntRange(min = 2, max = 10) int base) {
    ReportSet exact = w.reports(threshold);
    ReportSet rounded = w.reports(threshold, base);
    assertEquals(base, rounded.countsRoundedTo());
    List<Count> before = Counts.in(List.of(exact.caseload(), exact.activation(), exact.safeguarding()));
    List<Count> after = Counts.in(List.of(rounded.caseload(), rounded.activation(), rounded.safeguarding()));
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertEquals(before.get(i).isSuppressed(), after.get(i).isSuppressed());
      if (!before.get(i).isSuppressed()) {
        int n = n(before.get(i));
        int shown = n(after.get(i));
        assertEquals(0, shown % base, () -> n + " shown as " + shown);
        assertEquals(n == 0, shown == 0);
        assertTrue(Math.abs(shown - n) <= base / 2 || (n < base && shown == base), () -> n + " shown as " + shown);
      }
    }
  }

  @Property(tries = TRIES)
  void csvRoundTrips(@ForAll("worlds") World w, @ForAll @IntRange(min = 0, max = 7) int threshold) throws IOException {
    ReportSet r = w.reports(threshold);
    List<CsvTable> tables = new ArrayList<>(CsvTables.aggregates(r));
    tables.add(CsvTables.worklist(r.worklist()));
    for (CsvTable t : tables) {
      String text = CsvWriter.toText(t);
      try (CSVParser parser = CSVParser.parse(new StringReader(text), CsvWriter.FORMAT)) {
        List<CSVRecord> records = parser.getRecords();
        assertEquals(t.rows().size() + 1, records.size(), t.fileName());
        // Every cell comes back, formula-like ones shown as text (CsvWriterTest).
        assertEquals(t.header(), records.get(0).toList());
        for (int i = 0; i < t.rows().size(); i++) {
          assertEquals(t.rows().get(i).stream().map(CsvWriter::inert).toList(), records.get(i + 1).toList(), t.fileName());
        }
      }
    }
  }

  @Property(tries = TRIES)
  void deterministicWhateverTheInputOrder(@ForAll("worlds") World w, @ForAll Random random) {
    ReportSet first = w.reports(7);
    List<PatientCase> cases = new ArrayList<>(w.cases());
    List<PatientEvaluation> evaluations = new ArrayList<>(w.evaluations());
    List<CoordinatorEvaluation> coordinators = new ArrayList<>(w.coordinators());
    Collections.shuffle(cases, random);
    Collections.shuffle(evaluations, random);
    Collections.shuffle(coordinators, random);
    ReportSet second = new World(w.pcn(), cases, evaluations, coordinators).reports(7);
    assertEquals(first, second);
    assertEquals(json(first), json(second));
    assertEquals(first.toHtml(), second.toHtml());
    assertEquals(json(first), json(w.reports(7)));
  }

  /** Every report and the worklist as JSON, as the files hold them. */
  private static List<String> json(ReportSet r) {
    List<String> json = new ArrayList<>();
    r.reports().forEach(report -> json.add(JsonWriter.json(report)));
    json.add(JsonWriter.json(r.worklist()));
    return json;
  }

  @Property(tries = 20)
  void markerAndThresholdAreConfigurable(
      @ForAll("worlds") World w, @ForAll("markers") String marker) {
    ReportSet r =
        PcnReports.builder().asOf(AS_OF).suppressionThreshold(3).suppressionMarker(marker).build()
            .build(w.pcn(), w.cases(), w.evaluations(), w.coordinators());
    assertEquals(3, r.suppressionThreshold());
    Counts.in(r.activation()).stream().filter(Count::isSuppressed).forEach(c -> assertEquals(marker, c.display()));
    Document page = Jsoup.parse(r.toHtml());
    page.select("svg g.bar").eachAttr("data-count").forEach(v -> assertTrue(v.matches("\\d+") || v.equals(marker)));
  }

  @Provide
  Arbitrary<String> markers() {
    return Arbitraries.of("*", "<8", "c", "\"x\"");
  }
}
