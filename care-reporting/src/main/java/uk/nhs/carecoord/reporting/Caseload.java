package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** Builds the {@link CaseloadReport}. */
final class Caseload {
  private static final Set<CarePlanStatus> AGREED =
      EnumSet.of(CarePlanStatus.ACTIVE, CarePlanStatus.ON_HOLD, CarePlanStatus.COMPLETED);
  private static final Set<CarePlanStatus> NO_PLAN =
      EnumSet.of(CarePlanStatus.REVOKED, CarePlanStatus.ENTERED_IN_ERROR);

  private Caseload() {}

  static CaseloadReport of(Inputs in) {
    Map<String, PatientEvaluation> byId = in.evaluationsById();
    Map<String, List<PatientCase>> byCohort = new TreeMap<>();
    List<PatientCase> noCohort = new ArrayList<>();
    for (PatientCase c : in.cases()) {
      List<String> cohorts =
          in.evaluationOf(c, byId).map(e -> e.cohorts().stream().map(Finding::code).distinct().toList())
              .orElse(List.of());
      if (cohorts.isEmpty()) {
        noCohort.add(c);
      }
      cohorts.forEach(code -> byCohort.computeIfAbsent(code, k -> new ArrayList<>()).add(c));
    }
    Map<String, List<PatientCase>> byPractice = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Practice p : in.pcn().practices()) {
      byPractice.put(p.odsCode(), new ArrayList<>());
      names.put(p.odsCode(), p.name());
    }
    Map<String, List<PatientCase>> others = new TreeMap<>();
    for (PatientCase c : in.cases()) {
      String code = c.patient().practiceCode();
      (byPractice.containsKey(code) ? byPractice : others).computeIfAbsent(code, k -> new ArrayList<>()).add(c);
    }
    byPractice.putAll(others);
    List<CaseloadReport.CohortRow> cohortRows = new ArrayList<>();
    byCohort.forEach((code, cs) -> cohortRows.add(new CaseloadReport.CohortRow(code, figures(cs, in))));
    return new CaseloadReport(
        in.asOf(),
        figures(in.cases(), in),
        in.suppression().count(noCohort.size()),
        cohortRows,
        practiceRows(byPractice, names, in));
  }

  /** Practices partition the caseload: each column is suppressed as parts of the total. */
  private static List<CaseloadReport.PracticeRow> practiceRows(
      Map<String, List<PatientCase>> byPractice, Map<String, String> names, Inputs in) {
    List<String> codes = new ArrayList<>(byPractice.keySet());
    long[][] raw = new long[codes.size()][];
    for (int i = 0; i < codes.size(); i++) {
      raw[i] = raw(byPractice.get(codes.get(i)), in.asOf());
    }
    long[] total = raw(in.cases(), in.asOf());
    List<List<Count>> columns = new ArrayList<>();
    for (int j = 0; j < total.length; j++) {
      long[] column = new long[codes.size()];
      for (int i = 0; i < codes.size(); i++) {
        column[i] = raw[i][j];
      }
      columns.add(in.suppression().partition(column, total[j]));
    }
    List<CaseloadReport.PracticeRow> rows = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      int row = i;
      List<Count> counts = columns.stream().map(c -> c.get(row)).toList();
      rows.add(new CaseloadReport.PracticeRow(codes.get(i), names.getOrDefault(codes.get(i), ""), figures(counts)));
    }
    return rows;
  }

  static CaseloadReport.Figures figures(List<PatientCase> cases, Inputs in) {
    List<Count> counts = new ArrayList<>();
    for (long n : raw(cases, in.asOf())) {
      counts.add(in.suppression().count(n));
    }
    return figures(counts);
  }

  private static CaseloadReport.Figures figures(List<Count> c) {
    return new CaseloadReport.Figures(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4));
  }

  /** People, agreed plan, plan shared, review overdue, without plan. */
  private static long[] raw(List<PatientCase> cases, LocalDate asOf) {
    return new long[] {
      cases.size(),
      count(cases, Caseload::hasAgreedPlan),
      count(cases, c -> c.plan().map(p -> p.current().sharedWithPatient()).orElse(false)),
      count(cases, c -> reviewOverdue(c, asOf)),
      count(cases, Caseload::hasNoPlan)
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

  private static long count(List<PatientCase> cases, Predicate<PatientCase> p) {
    return cases.stream().filter(p).count();
  }
}
