package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;
import static uk.nhs.carecoord.reporting.Html.td;
import static uk.nhs.carecoord.reporting.Html.th;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.nhs.carecoord.model.PamLevel;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * The {@link CohortStrataReport}: the caseload's figures ({@link Caseload#raw}, not decided again
 * here) per cohort, practice and PAM level.
 */
final class CohortStrata implements Section<CohortStrataReport> {
  static final CohortStrata SECTION = new CohortStrata();

  private static final List<String> CSV_FIGURES =
      List.of("people", "with_agreed_plan", "plan_shared_with_person", "review_overdue", "without_plan");

  private CohortStrata() {}

  @Override
  public Class<CohortStrataReport> type() {
    return CohortStrataReport.class;
  }

  @Override
  public String jsonFile() {
    return "cohort-strata.json";
  }

  @Override
  public Tally<CohortStrataReport> start(ReportContext context) {
    return new StrataTally(context);
  }

  /** Counters per cohort × (practice, PAM level): bounded by codes and practices, not people. */
  private static final class StrataTally implements Tally<CohortStrataReport> {
    private final ReportContext context;
    private final Map<String, Cohort> byCohort = new TreeMap<>();

    StrataTally(ReportContext context) {
      this.context = context;
    }

    @Override
    public void add(PatientCase c, PatientEvaluation e) {
      if (c == null || e == null) {
        return; // as the caseload: a case without an evaluation is in no cohort
      }
      long[] raw = Caseload.raw(c, context.asOf());
      String practice = c.patient().practiceCode();
      int level = c.pamHistory().latest().map(a -> a.level().number()).orElse(0);
      e.cohorts().stream().map(Finding::code).distinct().forEach(code -> {
        Cohort cohort = byCohort.computeIfAbsent(code, k -> new Cohort());
        Caseload.addTo(cohort.total, raw);
        Caseload.addTo(cohort.practices.computeIfAbsent(practice, k -> new long[Caseload.FIGURES]), raw);
        Caseload.addTo(cohort.levels[level], raw);
      });
    }

    @Override
    public CohortStrataReport finish() {
      Suppression s = context.suppression();
      List<CohortStrataReport.CohortStrata> out = new ArrayList<>();
      byCohort.forEach((code, cohort) -> {
        Map<String, long[]> practices = new LinkedHashMap<>();
        for (Practice p : context.pcn().practices()) {
          practices.put(p.odsCode(), cohort.practices.getOrDefault(p.odsCode(), new long[Caseload.FIGURES]));
        }
        new TreeMap<>(cohort.practices).forEach(practices::putIfAbsent);
        Map<String, long[]> levels = new LinkedHashMap<>();
        for (PamLevel level : PamLevel.values()) {
          levels.put(level.name(), cohort.levels[level.number()]);
        }
        levels.put(CohortStrataReport.NO_PAM, cohort.levels[0]);
        out.add(new CohortStrataReport.CohortStrata(code, Caseload.figures(cohort.total, s),
            strata(practices, cohort.total, s), strata(levels, cohort.total, s)));
      });
      return new CohortStrataReport(context.asOf(), out);
    }
  }

  private static final class Cohort {
    final long[] total = new long[Caseload.FIGURES];
    final Map<String, long[]> practices = new TreeMap<>();
    /** Index 0: no PAM; 1–4: the latest level. */
    final long[][] levels = new long[5][Caseload.FIGURES];
  }

  /** Strata partition the cohort: each figure suppressed across them as parts of its total. */
  private static List<CohortStrataReport.Stratum> strata(Map<String, long[]> byValue, long[] total, Suppression s) {
    List<String> values = new ArrayList<>(byValue.keySet());
    List<List<Count>> columns = new ArrayList<>();
    for (int j = 0; j < Caseload.FIGURES; j++) {
      long[] column = new long[values.size()];
      for (int i = 0; i < values.size(); i++) {
        column[i] = byValue.get(values.get(i))[j];
      }
      columns.add(s.partition(column, total[j]));
    }
    List<CohortStrataReport.Stratum> strata = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      int row = i;
      strata.add(new CohortStrataReport.Stratum(
          values.get(i), Caseload.figures(columns.stream().map(c -> c.get(row)).toList())));
    }
    return strata;
  }

  @Override
  public List<CsvTable> csv(CohortStrataReport r, Labels labels) {
    List<String> header = new ArrayList<>(List.of("cohort", "label", "stratifier", "stratum"));
    header.addAll(CSV_FIGURES);
    List<List<String>> rows = new ArrayList<>();
    for (CohortStrataReport.CohortStrata c : r.cohorts()) {
      List<String> lead = List.of(c.cohort(), labels.of(c.cohort()));
      rows.add(row(lead, "TOTAL", "", c.figures()));
      c.practices().forEach(p -> rows.add(row(lead, "practice", p.value(), p.figures())));
      c.pamLevels().forEach(p -> rows.add(row(lead, "pam_level", p.value(), p.figures())));
    }
    return List.of(new CsvTable("cohort-strata.csv", header, rows));
  }

  private static List<String> row(List<String> lead, String stratifier, String stratum, CaseloadReport.Figures f) {
    List<String> row = new ArrayList<>(lead);
    row.add(stratifier);
    row.add(stratum);
    Caseload.counts(f).forEach(n -> row.add(n.display()));
    return row;
  }

  @Override
  public void html(CohortStrataReport r, Labels labels, StringBuilder b) {
    b.append("<section id=\"cohort-strata\"><h2>Cohorts by practice and PAM level</h2>");
    b.append("<table id=\"strata\"><thead><tr>").append(th("Cohort")).append(th("Stratum"));
    for (String h : List.of("People", "Agreed plan", "Plan shared", "Review overdue", "No plan")) {
      b.append(th(h));
    }
    b.append("</tr></thead><tbody>");
    for (CohortStrataReport.CohortStrata c : r.cohorts()) {
      String cohort = labels.of(c.cohort());
      htmlRow(b, c.cohort(), cohort, "All", c.figures());
      c.practices().forEach(p -> htmlRow(b, c.cohort(), cohort, "Practice " + p.value(), p.figures()));
      c.pamLevels().forEach(p -> htmlRow(b, c.cohort(), cohort,
          p.value().equals(CohortStrataReport.NO_PAM) ? "No PAM" : "PAM level " + p.value().substring(6), p.figures()));
    }
    b.append("</tbody></table></section>");
  }

  private static void htmlRow(StringBuilder b, String code, String cohort, String stratum, CaseloadReport.Figures f) {
    b.append("<tr data-cohort=\"").append(esc(code)).append("\">").append(td(cohort)).append(td(stratum));
    Caseload.counts(f).forEach(n -> Html.number(b, n));
    b.append("</tr>");
  }
}
