package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;
import static uk.nhs.carecoord.reporting.Html.td;
import static uk.nhs.carecoord.reporting.Html.th;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The {@link CaseloadReport}: people per cohort and per practice, with their plans. */
final class Caseload implements Section<CaseloadReport> {
  static final Caseload SECTION = new Caseload();

  private static final Set<CarePlanStatus> AGREED =
      EnumSet.of(CarePlanStatus.ACTIVE, CarePlanStatus.ON_HOLD, CarePlanStatus.COMPLETED);
  private static final Set<CarePlanStatus> NO_PLAN =
      EnumSet.of(CarePlanStatus.REVOKED, CarePlanStatus.ENTERED_IN_ERROR);
  /** The figures of a group, in {@link CaseloadReport.Figures} order. */
  static final int FIGURES = 5;
  private static final List<String> CSV_FIGURES =
      List.of("people", "with_agreed_plan", "plan_shared_with_person", "review_overdue", "without_plan");

  private Caseload() {}

  @Override
  public Class<CaseloadReport> type() {
    return CaseloadReport.class;
  }

  @Override
  public String jsonFile() {
    return "caseload.json";
  }

  @Override
  public Tally<CaseloadReport> start(ReportContext context) {
    return new CaseloadTally(context);
  }

  /** Per cohort and per practice, five counters each: bounded by codes and practices, not people. */
  private static final class CaseloadTally implements Tally<CaseloadReport> {
    private final ReportContext context;
    private final long[] total = new long[FIGURES];
    private final Map<String, long[]> byCohort = new TreeMap<>();
    private final Map<String, long[]> memberPractices = new LinkedHashMap<>();
    private final Map<String, long[]> otherPractices = new TreeMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private long inNoCohort;

    CaseloadTally(ReportContext context) {
      this.context = context;
      for (Practice p : context.pcn().practices()) {
        memberPractices.put(p.odsCode(), new long[FIGURES]);
        names.put(p.odsCode(), p.name());
      }
    }

    @Override
    public void add(PatientCase c, PatientEvaluation e) {
      if (c == null) {
        return;
      }
      long[] raw = raw(c, context.asOf());
      addTo(total, raw);
      List<String> cohorts =
          e == null ? List.of() : e.cohorts().stream().map(Finding::code).distinct().toList();
      if (cohorts.isEmpty()) {
        inNoCohort++;
      }
      cohorts.forEach(code -> addTo(byCohort.computeIfAbsent(code, k -> new long[FIGURES]), raw));
      String practice = c.patient().practiceCode();
      long[] row = memberPractices.get(practice);
      addTo(row != null ? row : otherPractices.computeIfAbsent(practice, k -> new long[FIGURES]), raw);
    }

    @Override
    public CaseloadReport finish() {
      Suppression s = context.suppression();
      List<CaseloadReport.CohortRow> cohortRows = new ArrayList<>();
      byCohort.forEach((code, raw) -> cohortRows.add(new CaseloadReport.CohortRow(code, figures(raw, s))));
      Map<String, long[]> practices = new LinkedHashMap<>(memberPractices);
      practices.putAll(otherPractices);
      return new CaseloadReport(
          context.asOf(), figures(total, s), s.count(inNoCohort), cohortRows, practiceRows(practices, s));
    }

    /** Practices partition the caseload: each column is suppressed as parts of the total. */
    private List<CaseloadReport.PracticeRow> practiceRows(Map<String, long[]> byPractice, Suppression s) {
      List<String> codes = new ArrayList<>(byPractice.keySet());
      List<List<Count>> columns = new ArrayList<>();
      for (int j = 0; j < FIGURES; j++) {
        long[] column = new long[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
          column[i] = byPractice.get(codes.get(i))[j];
        }
        columns.add(s.partition(column, total[j]));
      }
      List<CaseloadReport.PracticeRow> rows = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        int row = i;
        List<Count> counts = columns.stream().map(c -> c.get(row)).toList();
        rows.add(new CaseloadReport.PracticeRow(codes.get(i), names.getOrDefault(codes.get(i), ""), figures(counts)));
      }
      return rows;
    }
  }

  static void addTo(long[] sum, long[] raw) {
    for (int i = 0; i < raw.length; i++) {
      sum[i] += raw[i];
    }
  }

  static CaseloadReport.Figures figures(long[] raw, Suppression s) {
    List<Count> counts = new ArrayList<>();
    for (long n : raw) {
      counts.add(s.count(n));
    }
    return figures(counts);
  }

  static CaseloadReport.Figures figures(List<Count> c) {
    return new CaseloadReport.Figures(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4));
  }

  /** One person's contribution: people, agreed plan, plan shared, review overdue, without plan. */
  static long[] raw(PatientCase c, LocalDate asOf) {
    return new long[] {
      1,
      hasAgreedPlan(c) ? 1 : 0,
      c.plan().map(p -> p.current().sharedWithPatient()).orElse(false) ? 1 : 0,
      reviewOverdue(c, asOf) ? 1 : 0,
      hasNoPlan(c) ? 1 : 0
    };
  }

  static boolean hasAgreedPlan(PatientCase c) {
    return c.plan()
        .map(p -> p.current())
        .filter(pc -> pc.agreedOn().isPresent() && AGREED.contains(pc.status()))
        .isPresent();
  }

  static boolean hasNoPlan(PatientCase c) {
    return c.plan().map(p -> NO_PLAN.contains(p.current().status())).orElse(true);
  }

  static boolean reviewOverdue(PatientCase c, LocalDate asOf) {
    return c.plan()
        .map(p -> p.current())
        .filter(pc -> pc.status() == CarePlanStatus.ACTIVE)
        .flatMap(PlanContent::nextReviewOn)
        .filter(d -> d.isBefore(asOf))
        .isPresent();
  }

  @Override
  public List<CsvTable> csv(CaseloadReport c, Labels labels) {
    List<String> cohortHeader = new ArrayList<>(List.of("cohort", "label"));
    cohortHeader.addAll(CSV_FIGURES);
    List<List<String>> cohortRows = new ArrayList<>();
    c.cohorts().forEach(r -> cohortRows.add(withFigures(List.of(r.cohort(), labels.of(r.cohort())), r.figures())));
    List<String> practiceHeader = new ArrayList<>(List.of("ods_code", "practice"));
    practiceHeader.addAll(CSV_FIGURES);
    List<List<String>> practiceRows = new ArrayList<>();
    c.practices().forEach(r -> practiceRows.add(withFigures(List.of(r.odsCode(), r.name()), r.figures())));
    practiceRows.add(withFigures(List.of("TOTAL", ""), c.total()));
    return List.of(
        new CsvTable("caseload-cohorts.csv", cohortHeader, cohortRows),
        new CsvTable("caseload-practices.csv", practiceHeader, practiceRows));
  }

  private static List<String> withFigures(List<String> lead, CaseloadReport.Figures f) {
    List<String> row = new ArrayList<>(lead);
    for (Count n : counts(f)) {
      row.add(n.display());
    }
    return row;
  }

  static List<Count> counts(CaseloadReport.Figures f) {
    return List.of(f.people(), f.withAgreedPlan(), f.planSharedWithPerson(), f.reviewOverdue(), f.withoutPlan());
  }

  @Override
  public void html(CaseloadReport c, Labels labels, StringBuilder b) {
    b.append("<section id=\"caseload\"><h2>Caseload and cohorts</h2>");
    b.append("<p>People in no cohort: <span id=\"in-no-cohort\">").append(esc(c.inNoCohort().display()))
        .append("</span></p>");
    b.append("<table id=\"cohorts\"><thead><tr>").append(th("Cohort"));
    figureHeaders(b);
    b.append("</tr></thead><tbody>");
    for (CaseloadReport.CohortRow row : c.cohorts()) {
      b.append("<tr data-cohort=\"").append(esc(row.cohort())).append("\">").append(td(labels.of(row.cohort())));
      figures(b, row.figures());
      b.append("</tr>");
    }
    b.append("</tbody></table><table id=\"practices\"><thead><tr>").append(th("Practice"));
    figureHeaders(b);
    b.append("</tr></thead><tbody>");
    for (CaseloadReport.PracticeRow row : c.practices()) {
      b.append("<tr data-practice=\"").append(esc(row.odsCode())).append("\">")
          .append(td(row.name().isEmpty() ? row.odsCode() : row.name() + " (" + row.odsCode() + ")"));
      figures(b, row.figures());
      b.append("</tr>");
    }
    b.append("<tr data-practice=\"TOTAL\">").append(td("Total"));
    figures(b, c.total());
    b.append("</tr></tbody></table></section>");
  }

  private static void figureHeaders(StringBuilder b) {
    for (String h : List.of("People", "Agreed plan", "Plan shared", "Review overdue", "No plan")) {
      b.append(th(h));
    }
  }

  private static void figures(StringBuilder b, CaseloadReport.Figures f) {
    counts(f).forEach(n -> Html.number(b, n));
  }
}
