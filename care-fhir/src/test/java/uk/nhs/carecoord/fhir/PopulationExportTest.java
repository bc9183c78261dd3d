package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.reporting.CaseloadReport;
import uk.nhs.carecoord.reporting.CohortStrataReport;
import uk.nhs.carecoord.reporting.Count;
import uk.nhs.carecoord.reporting.PcnReports;
import uk.nhs.carecoord.reporting.ReportSet;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.OutputEntry;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Population exports over generated PCNs: the MeasureReport carries exactly care-reporting's
 * suppressed and rounded cohort strata, a suppressed count has no number, cohort Groups hold exactly
 * the cohorts' people, and all of it validates.
 */
class PopulationExportTest {
  private static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  private static final CareRules RULES = CareRules.builder().asOf(AS_OF).build();
  private static final R4Validator VALIDATOR = new R4Validator();

  record World(Pcn pcn, List<PatientCase> cases, List<PatientEvaluation> evaluations) {
    ReportSet reports(int threshold, int roundTo) {
      return PcnReports.builder().asOf(AS_OF).suppressionThreshold(threshold).roundCountsTo(roundTo).build()
          .build(pcn, cases, evaluations, RULES.evaluateCoordinators(pcn));
    }

    @Override
    public String toString() {
      return pcn.code() + " with " + cases.size() + " people";
    }
  }

  @Provide
  Arbitrary<World> worlds() {
    return Combinators.combine(CareArbitraries.pcns(AS_OF), CareArbitraries.populations(AS_OF, 40))
        .as((pcn, cases) -> new World(pcn, cases, RULES.evaluateAll(pcn, cases)));
  }

  static Map<String, String> cohortLabels() {
    Map<String, String> labels = new TreeMap<>();
    for (OutputEntry e : RULES.outputs().entries()) {
      if (e.kind() == FindingKind.COHORT) {
        labels.put(e.code(), e.label());
      }
    }
    return labels;
  }

  @Property(tries = 25)
  void measureReportCarriesTheSuppressedStrataExactly(@ForAll("worlds") World w,
      @ForAll @IntRange(min = 0, max = 7) int threshold, @ForAll @IntRange(min = 1, max = 5) int roundTo) {
    ReportSet reports = w.reports(threshold, roundTo);
    Bundle bundle = CareFhir.measureReports(reports, cohortLabels(), RULES.ruleSetVersions());
    // Through JSON, as a host receives it: a masked count must survive and carry no number.
    Bundle read = (Bundle) FhirParsing.parse(CareFhir.json(bundle, false), "Bundle");
    Measure measure = (Measure) read.getEntry().get(0).getResource();
    MeasureReport report = (MeasureReport) read.getEntry().get(1).getResource();
    assertEquals(measure.getUrl() + "|" + measure.getVersion(), report.getMeasure());
    assertEquals(MeasureReport.MeasureReportType.SUMMARY, report.getType());
    assertEquals(cohortLabels().keySet(), Set.copyOf(measure.getGroup().stream()
        .map(g -> g.getCode().getCodingFirstRep().getCode()).toList()));

    Map<String, MeasureReport.MeasureReportGroupComponent> groups = new LinkedHashMap<>();
    report.getGroup().forEach(g -> groups.put(g.getCode().getCodingFirstRep().getCode(), g));
    assertEquals(measure.getGroup().size(), groups.size());
    int masked = 0;
    for (CohortStrataReport.CohortStrata c : reports.cohortStrata().cohorts()) {
      var group = groups.get(c.cohort());
      masked += assertPopulations(c.figures(), group.getPopulation().stream()
          .map(MeasureReport.MeasureReportGroupPopulationComponent::getCountElement).toList(), threshold);
      assertStrata(c.practices(), group.getStratifier().get(0), false, threshold);
      assertStrata(c.pamLevels(), group.getStratifier().get(1), true, threshold);
    }
    Statistics.label("masked").collect(masked > 0);
  }

  private static void assertStrata(List<CohortStrataReport.Stratum> expected,
      MeasureReport.MeasureReportGroupStratifierComponent stratifier, boolean pam, int threshold) {
    assertEquals(expected.size(), stratifier.getStratum().size());
    for (int i = 0; i < expected.size(); i++) {
      var stratum = stratifier.getStratum().get(i);
      String value = stratum.getValue().getCodingFirstRep().getCode();
      assertEquals(pam ? PopulationWriter.pamCode(expected.get(i).value()) : expected.get(i).value(), value);
      assertPopulations(expected.get(i).figures(), stratum.getPopulation().stream()
          .map(MeasureReport.StratifierGroupPopulationComponent::getCountElement).toList(), threshold);
    }
  }

  /** The four populations equal the report's figures; returns how many were masked. */
  private static int assertPopulations(CaseloadReport.Figures f, List<IntegerType> counts, int threshold) {
    List<Count> expected = List.of(f.people(), f.withAgreedPlan(), f.planSharedWithPerson(), f.reviewOverdue());
    assertEquals(4, counts.size());
    int masked = 0;
    for (int i = 0; i < 4; i++) {
      IntegerType n = counts.get(i);
      if (expected.get(i).isSuppressed()) {
        masked++;
        assertFalse(n.hasValue(), "a suppressed count has no number");
        assertEquals("masked", n.getExtensionByUrl(PopulationWriter.DATA_ABSENT_REASON).getValue().primitiveValue());
      } else {
        assertEquals(expected.get(i).value().getAsInt(), n.getValue());
        assertTrue(n.getExtension().isEmpty());
      }
    }
    return masked;
  }

  @Property(tries = 15)
  void groupsHoldExactlyEachCohortsPeople(@ForAll("worlds") World w) {
    CohortGroups groups = CareFhir.cohortGroups(AS_OF);
    w.evaluations().forEach(groups::add);
    Map<String, List<String>> expected = new TreeMap<>();
    for (PatientEvaluation e : w.evaluations()) {
      e.cohorts().forEach(c -> expected.computeIfAbsent(c.code(), k -> new ArrayList<>()).add("Patient/" + e.patientId()));
    }
    Bundle b = groups.toBundle();
    Map<String, List<String>> actual = new TreeMap<>();
    for (Bundle.BundleEntryComponent entry : b.getEntry()) {
      Group g = (Group) entry.getResource();
      assertTrue(g.getActual());
      assertEquals(Group.GroupType.PERSON, g.getType());
      assertEquals(g.getMember().size(), g.getQuantity());
      actual.put(g.getCode().getCodingFirstRep().getCode(),
          g.getMember().stream().map(m -> m.getEntity().getReference()).toList());
    }
    assertEquals(expected, actual);
  }

  /** HAPI's validator is slow: a few generated populations, suppressed and rounded. */
  @Property(tries = 2)
  void everythingWrittenValidates(@ForAll("worlds") World w) {
    VALIDATOR.assertValid(CareFhir.measureReports(w.reports(7, 5), cohortLabels(), RULES.ruleSetVersions()));
    CohortGroups groups = CareFhir.cohortGroups(AS_OF);
    w.evaluations().forEach(groups::add);
    VALIDATOR.assertValid(groups.toBundle());
  }
}
