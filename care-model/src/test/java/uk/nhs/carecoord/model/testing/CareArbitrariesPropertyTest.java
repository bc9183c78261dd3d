package uk.nhs.carecoord.model.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;

/** The published arbitraries generate only valid values, dated by their reference date. */
class CareArbitrariesPropertyTest {
  private static final CodeClusters BUILT_IN = CodeClusters.builtIn();

  @Property(tries = 200)
  void casesPassCheckAsOfTheirReferenceDate(@ForAll("casesAsOf") Tuple2<LocalDate, PatientCase> t) {
    LocalDate asOf = t.get1();
    PatientCase c = t.get2();
    assertSame(c, c.checkAsOf(asOf));
    assertTrue(c.patient().nhsNumber().isSyntheticRange());
    assertFalse(c.patient().dateOfBirth().isAfter(asOf.minusYears(18)));
    // Rebuilding runs every check again.
    assertEquals(c, PatientCase.builder().from(c).build());
  }

  // Without edge cases, which would skew the proportions (they favour empty lists and absences).
  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void casesAsOfTheDefaultDateVaryRealistically(@ForAll("cases") PatientCase c) {
    assertSame(c, c.checkAsOf(CareArbitraries.DEFAULT_AS_OF));
    Statistics.label("plan").collect(c.plan().isPresent());
    Statistics.label("pam").collect(!c.pamAssessments().isEmpty());
    Statistics.label("plan").coverage(cov -> cov.check(true).percentage(p -> p > 40));
    Statistics.label("pam").coverage(cov -> cov.check(true).percentage(p -> p > 50));
  }

  @Property(tries = 200)
  void coordinatorsPassCheckAsOfTheirReferenceDate(
      @ForAll("coordinatorsAsOf") Tuple2<LocalDate, CareCoordinator> t) {
    assertSame(t.get2(), t.get2().checkAsOf(t.get1()));
  }

  @Property(tries = 200)
  void pcnCoordinatorsPassCheckAsOfAndSupervisionNamesThem(@ForAll("pcns") Pcn pcn) {
    Set<String> ids = pcn.coordinators().stream().map(CareCoordinator::id).collect(Collectors.toSet());
    pcn.coordinators().forEach(c -> c.checkAsOf(CareArbitraries.DEFAULT_AS_OF));
    pcn.supervision().forEach(s -> assertTrue(ids.contains(s.coordinatorId())));
    assertFalse(pcn.practices().isEmpty());
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void snomedCodesAreMostlyFromTheBuiltInClusters(@ForAll("conditions") LongTermCondition c) {
    assertTrue(c.snomedCode().matches("[1-9][0-9]{5,17}"), c.snomedCode());
    Statistics.label("in a built-in cluster").collect(!BUILT_IN.clustersOf(c.snomedCode()).isEmpty());
    Statistics.label("in a built-in cluster")
        .coverage(
            cov -> {
              cov.check(true).percentage(p -> p > 75);
              cov.check(false).percentage(p -> p > 3);
            });
  }

  @Property(tries = 20)
  void populationsHaveDistinctPatients(@ForAll("populations") List<PatientCase> cases) {
    assertEquals(cases.size(), cases.stream().map(c -> c.patient().id()).distinct().count());
    assertEquals(cases.size(), cases.stream().map(c -> c.patient().nhsNumber()).distinct().count());
  }

  @Provide
  Arbitrary<Tuple2<LocalDate, PatientCase>> casesAsOf() {
    return referenceDates().flatMap(asOf -> CareArbitraries.patientCases(asOf).map(c -> Tuple.of(asOf, c)));
  }

  @Provide
  Arbitrary<PatientCase> cases() {
    return CareArbitraries.patientCases();
  }

  @Provide
  Arbitrary<Tuple2<LocalDate, CareCoordinator>> coordinatorsAsOf() {
    return referenceDates().flatMap(asOf -> CareArbitraries.careCoordinators(asOf).map(c -> Tuple.of(asOf, c)));
  }

  @Provide
  Arbitrary<Pcn> pcns() {
    return CareArbitraries.pcns();
  }

  @Provide
  Arbitrary<LongTermCondition> conditions() {
    return CareArbitraries.conditions();
  }

  @Provide
  Arbitrary<List<PatientCase>> populations() {
    return CareArbitraries.populations(CareArbitraries.DEFAULT_AS_OF, 20);
  }

  private static Arbitrary<LocalDate> referenceDates() {
    return Arbitraries.oneOf(
        Arbitraries.just(CareArbitraries.DEFAULT_AS_OF),
        CareArbitraries.dates(LocalDate.of(2015, 1, 1), LocalDate.of(2035, 12, 31)));
  }
}
