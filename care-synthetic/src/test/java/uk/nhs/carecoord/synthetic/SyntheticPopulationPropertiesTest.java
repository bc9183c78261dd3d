package uk.nhs.carecoord.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.PatientCase;

/** Properties that hold for every seed, size and reference date. */
class SyntheticPopulationPropertiesTest {

  @Property(tries = 25)
  void theFirstKCasesDoNotDependOnHowManyFollow(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int k, @ForAll @IntRange(min = 0, max = 120) int more) {
    SyntheticPcn small = build(seed, k, LocalDate.of(2026, 11, 24));
    SyntheticPcn large = build(seed, k + more, LocalDate.of(2026, 11, 24));
    assertEquals(small.cases(), large.cases().subList(0, k));
    assertEquals(small.pcn(), large.pcn());
  }

  @Property(tries = 25)
  void everyCaseIsValidOnItsReferenceDate(
      @ForAll long seed, @ForAll @DateRange(min = "1990-01-01", max = "2060-12-31") LocalDate asOf) {
    SyntheticPcn pcn = build(seed, 300, asOf);
    Set<String> ids = new HashSet<>();
    for (PatientCase c : pcn.cases()) {
      c.checkAsOf(asOf);
      assertTrue(c.patient().nhsNumber().isSyntheticRange());
      assertTrue(ids.add(c.patient().id()));
      assertFalse(c.patient().dateOfBirth().isAfter(asOf));
    }
    for (CareCoordinator cc : pcn.pcn().coordinators()) {
      cc.checkAsOf(asOf);
    }
  }

  private static SyntheticPcn build(long seed, int patients, LocalDate asOf) {
    return SyntheticPopulation.builder().seed(seed).patients(patients).practices(3).coordinators(4).asOf(asOf).build();
  }
}
