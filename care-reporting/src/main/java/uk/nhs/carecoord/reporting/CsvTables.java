package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The CSV form of each report: one or more tables. */
final class CsvTables {
  private static final List<String> FIGURES =
      List.of("people", "with_agreed_plan", "plan_shared_with_person", "review_overdue", "without_plan");

  private CsvTables() {}

  static List<CsvTable> aggregates(ReportSet r) {
    List<CsvTable> tables = new ArrayList<>();
    tables.add(about(About.of(r)));
    tables.add(training(r.training()));
    tables.addAll(caseload(r.caseload()));
    tables.addAll(activation(r.activation()));
    tables.addAll(safeguarding(r.safeguarding()));
    return tables;
  }

  static CsvTable about(About a) {
    return new CsvTable("about.csv",
        List.of("pcn_code", "pcn_name", "as_of", "suppression_threshold", "suppression_marker", "counts_rounded_to"),
        List.of(List.of(a.pcnCode(), a.pcnName(), a.asOf().toString(), String.valueOf(a.suppressionThreshold()),
            a.suppressionMarker(), String.valueOf(a.countsRoundedTo()))));
  }

  static CsvTable training(TrainingComplianceReport t) {
    List<String> header = new ArrayList<>(List.of("coordinator_id", "coordinator_name"));
    t.items().forEach(i -> header.add(i.code()));
    header.addAll(List.of("arrs_compliant", "verdict", "first_point_of_contact", "gp_supervisor", "supervision_gaps"));
    List<List<String>> rows = new ArrayList<>();
    for (TrainingComplianceReport.CoordinatorRow row : t.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.coordinatorId(), row.name()));
      row.cells().forEach(c -> cells.add(c.status().map(Enum::name).orElse("")));
      cells.add(String.valueOf(row.compliant()));
      cells.add(row.verdict());
      cells.add(row.firstPointOfContact().orElse(""));
      cells.add(row.gpSupervisor().orElse(""));
      cells.add(String.join(" ", row.supervisionGaps()));
      rows.add(cells);
    }
    return new CsvTable("training-compliance.csv", header, rows);
  }

  static List<CsvTable> caseload(CaseloadReport c) {
    List<String> cohortHeader = new ArrayList<>(List.of("cohort"));
    cohortHeader.addAll(FIGURES);
    List<List<String>> cohortRows = new ArrayList<>();
    c.cohorts().forEach(r -> cohortRows.add(withFigures(List.of(r.cohort()), r.figures())));
    List<String> practiceHeader = new ArrayList<>(List.of("ods_code", "practice"));
    practiceHeader.addAll(FIGURES);
    List<List<String>> practiceRows = new ArrayList<>();
    c.practices().forEach(r -> practiceRows.add(withFigures(List.of(r.odsCode(), r.name()), r.figures())));
    practiceRows.add(withFigures(List.of("TOTAL", ""), c.total()));
    return List.of(
        new CsvTable("caseload-cohorts.csv", cohortHeader, cohortRows),
        new CsvTable("caseload-practices.csv", practiceHeader, practiceRows));
  }

  private static List<String> withFigures(List<String> lead, CaseloadReport.Figures f) {
    List<String> row = new ArrayList<>(lead);
    row.addAll(
        List.of(
            f.people().display(),
            f.withAgreedPlan().display(),
            f.planSharedWithPerson().display(),
            f.reviewOverdue().display(),
            f.withoutPlan().display()));
    return row;
  }

  static List<CsvTable> activation(ActivationReport a) {
    List<List<String>> levels = new ArrayList<>();
    a.levels().forEach(l -> levels.add(List.of("LEVEL_" + l.level(), l.people().display())));
    levels.add(List.of("NO_PAM", a.withoutPam().display()));
    levels.add(List.of("TOTAL", a.people().display()));
    List<List<String>> moves = new ArrayList<>();
    a.transitions()
        .forEach(t -> moves.add(List.of(String.valueOf(t.from()), String.valueOf(t.to()), t.people().display())));
    List<List<String>> summary =
        List.of(
            List.of("remeasured", a.remeasured().display()),
            List.of("improved_by_3_points_or_more", a.improved().display()),
            List.of("mean_points_change", a.meanPointsChange().map(String::valueOf).orElse("")));
    return List.of(
        new CsvTable("activation-levels.csv", List.of("latest_pam_level", "people"), levels),
        new CsvTable("activation-transitions.csv", List.of("first_level", "latest_level", "people"), moves),
        new CsvTable("activation-summary.csv", List.of("measure", "value"), summary));
  }

  static List<CsvTable> safeguarding(SafeguardingReport s) {
    List<List<String>> bands = new ArrayList<>();
    s.byAge()
        .forEach(
            b ->
                bands.add(
                    List.of(
                        b.band(),
                        b.openConcerns().display(),
                        b.notDiscussedWithGp().display(),
                        b.obligations().display())));
    bands.add(List.of("TOTAL", s.openConcerns().display(), "", ""));
    List<List<String>> obligations = new ArrayList<>();
    s.obligations().forEach(o -> obligations.add(List.of(o.code(), o.total().display(), o.overdue().display())));
    return List.of(
        new CsvTable(
            "safeguarding-by-age.csv",
            List.of("days_open", "open_concerns", "not_discussed_with_gp", "obligations"),
            bands),
        new CsvTable("safeguarding-obligations.csv", List.of("obligation", "total", "overdue"), obligations));
  }

  static CsvTable worklist(Worklist w) {
    List<List<String>> rows = new ArrayList<>();
    for (Worklist.Entry e : w.entries()) {
      rows.add(
          List.of(
              e.coordinatorId(),
              e.coordinatorName(),
              e.priority().name(),
              e.dueOn().map(LocalDate::toString).orElse(""),
              e.patientId(),
              e.practiceCode(),
              e.kind().name(),
              e.code(),
              e.subject(),
              e.text()));
    }
    return new CsvTable(
        "worklist-" + ReportSet.PATIENT_DATA + ".csv",
        List.of(
            "coordinator_id", "coordinator_name", "priority", "due_on", "patient_id", "practice", "kind", "code",
            "subject", "text"),
        rows);
  }
}
