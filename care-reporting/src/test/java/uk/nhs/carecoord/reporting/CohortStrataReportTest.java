package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The cohort strata over generated PCNs: the caseload's figures, counted per stratum, protected. */
class CohortStrataReportTest {

  @Provide
  Arbitrary<ReportPropertiesTest.World> worlds() {
    return new ReportPropertiesTest().worlds();
  }

  /** Unsuppressed: each stratum holds exactly its people, and the strata add up to the cohort. */
  @Property(tries = 20)
  void strataCountTheCohortsPeople(@ForAll("worlds") ReportPropertiesTest.World w) {
    ReportSet r = w.reports(0);
    Map<String, PatientCase> byId = w.cases().stream().collect(Collectors.toMap(c -> c.patient().id(), Function.identity()));
    List<String> cohortsRaised = w.evaluations().stream().flatMap(e -> e.cohorts().stream()).map(Finding::code)
        .distinct().sorted().toList();
    assertEquals(cohortsRaised, r.cohortStrata().cohorts().stream().map(CohortStrataReport.CohortStrata::cohort).toList());
    for (CohortStrataReport.CohortStrata c : r.cohortStrata().cohorts()) {
      CaseloadReport.Figures row = r.caseload().cohorts().stream()
          .filter(x -> x.cohort().equals(c.cohort())).findFirst().orElseThrow().figures();
      assertEquals(row, c.figures(), "the cohort's figures are its caseload row");
      List<PatientCase> members = w.evaluations().stream()
          .filter(e -> e.cohorts().stream().anyMatch(f -> f.code().equals(c.cohort())))
          .map(PatientEvaluation::patientId).map(byId::get).toList();
      for (CohortStrataReport.Stratum p : c.practices()) {
        assertEquals(members.stream().filter(m -> m.patient().practiceCode().equals(p.value())).count(),
            n(p.figures().people()), c.cohort() + " at " + p.value());
      }
      for (CohortStrataReport.Stratum l : c.pamLevels()) {
        String level = l.value();
        assertEquals(members.stream().filter(m -> m.pamHistory().latest()
                .map(a -> a.level().name()).orElse(CohortStrataReport.NO_PAM).equals(level)).count(),
            n(l.figures().people()), c.cohort() + " " + level);
      }
      for (List<CohortStrataReport.Stratum> strata : List.of(c.practices(), c.pamLevels())) {
        for (int j = 0; j < 5; j++) {
          int figure = j;
          assertEquals(n(Caseload.counts(c.figures()).get(j)),
              strata.stream().mapToInt(s -> n(Caseload.counts(s.figures()).get(figure))).sum());
        }
      }
    }
  }

  /** Suppressed: no small count shown, and never a lone suppressed stratum under a shown figure. */
  @Property(tries = 20)
  void strataAreSuppressedAsPartsOfTheCohort(
      @ForAll("worlds") ReportPropertiesTest.World w, @ForAll @IntRange(min = 1, max = 7) int threshold) {
    ReportSet r = w.reports(threshold);
    for (CohortStrataReport.CohortStrata c : r.cohortStrata().cohorts()) {
      for (List<CohortStrataReport.Stratum> strata : List.of(c.practices(), c.pamLevels())) {
        for (int j = 0; j < 5; j++) {
          int figure = j;
          Count total = Caseload.counts(c.figures()).get(j);
          List<Count> parts = strata.stream().map(s -> Caseload.counts(s.figures()).get(figure)).toList();
          for (Count part : parts) {
            part.value().ifPresent(v -> assertFalse(v >= 1 && v <= threshold, "shown " + v));
          }
          if (!total.isSuppressed()) {
            assertFalse(parts.stream().filter(Count::isSuppressed).count() == 1, total + " = " + parts);
          }
        }
      }
    }
  }

  private static int n(Count c) {
    return c.value().orElseThrow();
  }
}
