package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.reporting.GoldenPopulation.AS_OF;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.TrainingStatus;

class GoldenReportsTest {
  static CareRules rules;
  static Pcn pcn;
  static List<PatientCase> cases;
  static List<PatientEvaluation> evaluations;
  static List<CoordinatorEvaluation> coordinators;

  @BeforeAll
  static synchronized void evaluate() {
    if (rules != null) {
      return;
    }
    rules = CareRules.builder().asOf(AS_OF).build();
    pcn = GoldenPopulation.pcn();
    cases = GoldenPopulation.cases();
    evaluations = rules.evaluateAll(pcn, cases);
    coordinators = rules.evaluateCoordinators(pcn);
  }

  static ReportSet reports(int threshold) {
    return PcnReports.builder().suppressionThreshold(threshold).build().build(pcn, cases, evaluations, coordinators);
  }

  static List<String> shown(List<Count> counts) {
    return counts.stream().map(Count::display).toList();
  }

  @Test
  void activationWithoutSuppression() {
    ActivationReport a = reports(0).activation();
    assertEquals(AS_OF, a.asOf());
    assertEquals("10", a.people().display());
    assertEquals("4", a.withoutPam().display());
    assertEquals(List.of("1", "2", "1", "2"), shown(a.levels().stream().map(ActivationReport.LevelRow::people).toList()));
    assertEquals("4", a.remeasured().display());
    assertEquals("2", a.improved().display());
    assertEquals(Optional.of(3.8), a.meanPointsChange());
    Map<String, String> moves =
        a.transitions().stream().collect(Collectors.toMap(t -> t.from() + ">" + t.to(), t -> t.people().display()));
    assertEquals(16, moves.size());
    assertEquals(Map.of("1>3", "1", "2>2", "1", "3>4", "1", "3>2", "1"),
        moves.entrySet().stream().filter(e -> !e.getValue().equals("0"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void activationSuppressedAtOne() {
    ActivationReport a = reports(1).activation();
    assertEquals(List.of("*", "2", "*", "2"), shown(a.levels().stream().map(ActivationReport.LevelRow::people).toList()));
    assertTrue(a.transitions().stream().allMatch(t -> t.people().display().matches("[0*]")));
    assertEquals(Optional.of(3.8), a.meanPointsChange());
  }

  @Test
  void defaultThresholdSuppressesSmallCountsAndTheMean() {
    ReportSet r = PcnReports.builder().build().build(pcn, cases, evaluations, coordinators);
    assertEquals(7, r.suppressionThreshold());
    assertEquals("10", r.activation().people().display());
    assertEquals("*", r.activation().remeasured().display());
    assertEquals(Optional.empty(), r.activation().meanPointsChange());
    assertEquals("*", r.caseload().total().withoutPlan().display());
    assertEquals("0", r.activation().transitions().get(1).people().display());
  }

  @Test
  void caseload() {
    CaseloadReport c = reports(0).caseload();
    assertEquals(
        new CaseloadReport.Figures(Count.shown(10), Count.shown(2), Count.shown(1), Count.shown(1), Count.shown(7)),
        c.total());
    assertEquals(List.of(GoldenPopulation.RIVERSIDE, GoldenPopulation.HILLTOP, GoldenPopulation.ELSEWHERE),
        c.practices().stream().map(CaseloadReport.PracticeRow::odsCode).toList());
    assertEquals(List.of("6", "3", "1"),
        c.practices().stream().map(p -> p.figures().people().display()).toList());
    assertEquals("", c.practices().get(2).name());
    CaseloadReport.CohortRow frail =
        c.cohorts().stream().filter(r -> r.cohort().equals("FRAIL_ELDERLY")).findFirst().orElseThrow();
    assertEquals(
        new CaseloadReport.Figures(Count.shown(3), Count.shown(2), Count.shown(1), Count.shown(1), Count.shown(0)),
        frail.figures());
    assertEquals("7", c.inNoCohort().display());
  }

  @Test
  void safeguarding() {
    SafeguardingReport s = reports(0).safeguarding();
    assertEquals("3", s.openConcerns().display());
    assertEquals("3", s.peopleWithOpenConcerns().display());
    assertEquals(List.of("1", "0", "1", "1"), s.byAge().stream().map(b -> b.openConcerns().display()).toList());
    assertEquals(List.of("1", "0", "0", "1"),
        s.byAge().stream().map(b -> b.notDiscussedWithGp().display()).toList());
    // c-3 (327 days) is overdue; c-1 (4 days) is overdue once the discussion window is under 4 days.
    int overdue = rules.thresholds().getSafeguardingDiscussionDays() < 4 ? 2 : 1;
    assertEquals(String.valueOf(overdue), s.overdueGpDiscussions().display());
    SafeguardingReport.ObligationRow discuss =
        s.obligations().stream().filter(o -> o.code().equals("DISCUSS_SAFEGUARDING_CONCERN")).findFirst().orElseThrow();
    assertEquals("2", discuss.total().display());
  }

  @Test
  void trainingMatrix() {
    TrainingComplianceReport t = reports(7).training();
    assertEquals(List.of("cc-1", "cc-2"), t.rows().stream().map(TrainingComplianceReport.CoordinatorRow::coordinatorId).toList());
    assertFalse(t.items().isEmpty());
    TrainingComplianceReport.CoordinatorRow alex = t.rows().get(0);
    TrainingComplianceReport.CoordinatorRow sam = t.rows().get(1);
    assertEquals(Optional.of("Dr A. Patel (GP partner)"), alex.gpSupervisor());
    assertEquals(Optional.empty(), sam.gpSupervisor());
    assertTrue(sam.supervisionGaps().contains("GP_SUPERVISOR_MISSING"));
    assertFalse(sam.compliant());
    assertTrue(sam.cells().stream().anyMatch(c -> c.status().equals(Optional.of(TrainingStatus.MISSING))));
    assertEquals(
        Optional.of(TrainingStatus.COMPLETE),
        alex.cells().stream().filter(c -> c.item().equals("PCI_CARE_COORDINATOR_COURSE")).findFirst()
            .flatMap(TrainingComplianceReport.Cell::status));
    assertEquals(t.rows().stream().filter(TrainingComplianceReport.CoordinatorRow::compliant).count(), t.compliant());
  }

  @Test
  void worklistMostUrgentFirstPerCoordinator() {
    Worklist w = reports(7).worklist();
    int expected = evaluations.stream().mapToInt(e -> e.obligations().size() + e.recommendations().size()).sum();
    assertEquals(expected, w.entries().size());
    assertEquals(w.entries().stream().sorted(Worklists.ORDER).toList(), w.entries());
    assertEquals(Worklist.UNALLOCATED, w.entries().get(w.entries().size() - 1).coordinatorId());
    Worklist.Entry overdue = w.of(Worklist.UNALLOCATED).get(0);
    assertEquals(GoldenPopulation.id(9), overdue.patientId());
    assertEquals("DISCUSS_SAFEGUARDING_CONCERN", overdue.code());
    assertTrue(w.of("cc-1").stream().allMatch(e -> e.coordinatorName().equals("Alex Morgan")));
  }

  @Test
  void aggregateFilesCarryNoPatientIdentifiers(@TempDir Path dir) throws IOException {
    ReportSet r = reports(7);
    List<Path> files = r.writeAll(dir);
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of(
        "about.json", "about.csv", "training.json", "caseload.json", "activation.json", "safeguarding.json", "training-compliance.csv",
        "caseload-cohorts.csv", "caseload-practices.csv", "activation-levels.csv", "activation-transitions.csv",
        "activation-summary.csv", "safeguarding-by-age.csv", "safeguarding-obligations.csv", "pcn-report.html",
        "worklist-CONTAINS-PATIENT-DATA.json", "worklist-CONTAINS-PATIENT-DATA.csv",
        "worklist-CONTAINS-PATIENT-DATA.html")), names.toString());
    for (Path f : files) {
      String text = Files.readString(f);
      boolean patientData = f.getFileName().toString().contains(ReportSet.PATIENT_DATA);
      boolean mentionsPatient =
          cases.stream().anyMatch(c -> text.contains(c.patient().id()) || text.contains(c.patient().nhsNumber().toString()));
      assertEquals(patientData, mentionsPatient, f.toString());
    }
    assertTrue(Files.readString(dir.resolve("worklist-CONTAINS-PATIENT-DATA.csv")).contains(GoldenPopulation.id(9)));
  }

  @Test
  void eachFormatSaysWhoseReportsAndHowCountsWereProtected(@TempDir Path dir) throws IOException {
    ReportSet r = PcnReports.builder().suppressionThreshold(5).suppressionMarker("<6").roundCountsTo(5).build()
        .build(pcn, cases, evaluations, coordinators);
    r.writeJson(dir);
    r.writeCsv(dir);
    com.fasterxml.jackson.databind.JsonNode about = uk.nhs.carecoord.model.CareJson.mapper().readTree(dir.resolve("about.json").toFile());
    assertEquals(pcn.code(), about.get("pcnCode").asText());
    assertEquals(pcn.name(), about.get("pcnName").asText());
    assertEquals("2026-11-24", about.get("asOf").asText());
    assertEquals(5, about.get("suppressionThreshold").asInt());
    assertEquals("<6", about.get("suppressionMarker").asText());
    assertEquals(5, about.get("countsRoundedTo").asInt());
    List<String> csv = Files.readAllLines(dir.resolve("about.csv"));
    assertEquals("pcn_code,pcn_name,as_of,suppression_threshold,suppression_marker,counts_rounded_to", csv.get(0));
    assertTrue(csv.get(1).endsWith(",2026-11-24,5,<6,5"), csv.get(1));
  }

  @Test
  void jsonIsTheCareJsonFormWithMarkersAsStrings(@TempDir Path dir) throws IOException {
    reports(1).writeJson(dir);
    String json = Files.readString(dir.resolve("activation.json"));
    assertTrue(json.contains("\"withoutPam\" : 4"), json);
    assertTrue(json.contains("\"people\" : \"*\""), json);
    assertTrue(json.contains("\"asOf\" : \"2026-11-24\""), json);
    ActivationReport back = uk.nhs.carecoord.model.CareJson.read(json, ActivationReport.class);
    assertEquals(reports(1).activation(), back);
  }
}
