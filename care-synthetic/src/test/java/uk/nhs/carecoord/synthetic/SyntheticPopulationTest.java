package uk.nhs.carecoord.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.model.TrainingProgress;
import uk.nhs.carecoord.model.TrainingRecord;

class SyntheticPopulationTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  private static SyntheticPcn generate(long seed, int patients) {
    return SyntheticPopulation.builder().seed(seed).patients(patients).practices(4).coordinators(5).asOf(AS_OF).build();
  }

  @Test
  void theSameParametersGiveAnEqualPopulationWithIdenticalJson() {
    SyntheticPcn first = generate(42, 2_000);
    SyntheticPcn second = generate(42, 2_000);
    assertEquals(first, second);
    assertEquals(CareJson.write(first), CareJson.write(second));
  }

  @Test
  void differentSeedsGiveDifferentPopulations() {
    SyntheticPcn one = generate(1, 500);
    SyntheticPcn two = generate(2, 500);
    assertNotEquals(one, two);
    assertNotEquals(one.cases().get(0).patient().nhsNumber(), two.cases().get(0).patient().nhsNumber());
    long sameBirthDates =
        IntStream.range(0, 500)
            .filter(i -> one.cases().get(i).patient().dateOfBirth().equals(two.cases().get(i).patient().dateOfBirth()))
            .count();
    assertTrue(sameBirthDates < 10, "dates of birth should not line up between seeds: " + sameBirthDates);
  }

  @Test
  void theFirstCasesOfALargerPopulationAreTheSmallerPopulation() {
    SyntheticPcn small = generate(7, 800);
    SyntheticPcn large = generate(7, 3_000);
    assertEquals(small.pcn(), large.pcn());
    assertEquals(small.cases(), large.cases().subList(0, 800));
  }

  @Test
  void theSeedAndReferenceDateTravelWithThePopulation() {
    SyntheticPcn pcn = generate(99, 10);
    assertEquals(99, pcn.seed());
    assertEquals(AS_OF, pcn.asOf());
    assertEquals(10, pcn.cases().size());
  }

  @Test
  void aSmallPopulationRoundTripsThroughJson() {
    SyntheticPcn original = generate(5, 150);
    String json = CareJson.write(original);
    SyntheticPcn read = CareJson.read(json, SyntheticPcn.class);
    assertEquals(original, read);
    assertEquals(json, CareJson.write(read));
    assertTrue(json.contains("\"seed\" : 5"), "seed is written");
    assertTrue(json.contains("\"asOf\" : \"2026-11-24\""), "reference date is written as ISO-8601");
  }

  @Test
  void nhsNumbersComeOnlyFromThe999RangeAreValidAndUnique() {
    SyntheticPcn pcn = generate(11, 20_000);
    Set<NhsNumber> seen = new HashSet<>();
    for (PatientCase c : pcn.cases()) {
      NhsNumber n = c.patient().nhsNumber();
      assertTrue(n.isSyntheticRange(), n + " is outside the 999 range");
      assertTrue(n.digits().startsWith("999"), n.digits());
      assertEquals(n, NhsNumber.of(n.digits()), "check digit valid");
      assertTrue(seen.add(n), "duplicate NHS number " + n);
    }
  }

  @Test
  void the999RangeHoldsEnoughValidNumbersForTheLargestPopulation() {
    int valid = 0;
    for (int six = 0; six < 1_000_000; six++) {
      String s = Integer.toString(six);
      if (SyntheticNhsNumbers.hasCheckDigit("999" + "000000".substring(s.length()) + s)) {
        valid++;
      }
    }
    assertEquals(SyntheticNhsNumbers.CAPACITY, valid);
    assertTrue(SyntheticPopulation.MAX_PATIENTS <= valid);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
  void theScrambledOrderVisitsEverySixDigitSuffixOnce(long seed) {
    SyntheticNhsNumbers numbers = new SyntheticNhsNumbers(seed);
    BitSet seen = new BitSet(1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      int six = numbers.permute(i);
      assertTrue(six >= 0 && six < 1_000_000, "out of range: " + six);
      assertFalse(seen.get(six), "visited twice: " + six);
      seen.set(six);
    }
    long inPlace = IntStream.range(0, 1_000).filter(i -> numbers.permute(i) == i).count();
    assertTrue(inPlace < 5, "the order is scrambled, not sequential: " + inPlace);
  }

  @Test
  void everyCaseAndCoordinatorPassesTheReferenceDateCheck() {
    SyntheticPcn pcn = generate(3, 5_000);
    for (PatientCase c : pcn.cases()) {
      c.checkAsOf(AS_OF);
    }
    for (CareCoordinator cc : pcn.pcn().coordinators()) {
      cc.checkAsOf(AS_OF);
    }
  }

  @Test
  void casesNameOnlyPracticesAndCoordinatorsOfThePcn() {
    SyntheticPcn pcn = SyntheticPopulation.builder().seed(8).patients(3_000).practices(3).coordinators(2).asOf(AS_OF).build();
    Set<String> practices = new HashSet<>();
    for (Practice p : pcn.pcn().practices()) {
      practices.add(p.odsCode());
      assertTrue(p.odsCode().matches("Y9[0-9]{4}"), p.odsCode());
    }
    assertEquals(3, practices.size());
    assertEquals("U99999", pcn.pcn().code());
    Set<String> usedPractices = new HashSet<>();
    Set<String> usedCoordinators = new HashSet<>();
    for (PatientCase c : pcn.cases()) {
      usedPractices.add(c.patient().practiceCode());
      c.coordinatorId().ifPresent(usedCoordinators::add);
    }
    assertEquals(practices, usedPractices);
    assertEquals(Set.of("cc-1", "cc-2"), usedCoordinators);
  }

  @Test
  void withNoCoordinatorsNoCaseIsAllocated() {
    SyntheticPcn pcn = SyntheticPopulation.builder().seed(8).patients(1_000).coordinators(0).asOf(AS_OF).build();
    assertTrue(pcn.pcn().coordinators().isEmpty());
    assertTrue(pcn.cases().stream().allMatch(c -> c.coordinatorId().isEmpty()));
  }

  @Test
  void anEmptyPopulationIsAllowed() {
    SyntheticPcn pcn = SyntheticPopulation.builder().patients(0).asOf(AS_OF).build();
    assertTrue(pcn.cases().isEmpty());
    assertEquals(4, pcn.pcn().practices().size());
  }

  @Test
  void theDefaultsNeedNoParameters() {
    SyntheticPcn pcn = SyntheticPopulation.builder().build();
    assertEquals(1_000, pcn.cases().size());
    assertEquals(SyntheticPopulation.DEFAULT_AS_OF, pcn.asOf());
    assertEquals(5, pcn.pcn().coordinators().size());
  }

  @Test
  void coordinatorsHaveMixedTrainingAndSupervision() {
    SyntheticPcn pcn = generate(21, 0);
    List<CareCoordinator> coordinators = pcn.pcn().coordinators();
    assertEquals(5, coordinators.size());
    assertEquals(5, coordinators.stream().map(CareCoordinator::name).distinct().count());

    int courseCompleted = 0;
    int courseUnderway = 0;
    int courseMissing = 0;
    int safeguardingLapsed = 0;
    for (CareCoordinator cc : coordinators) {
      List<TrainingRecord> course = records(cc, TrainingModule.PCI_CARE_COORDINATOR_COURSE);
      if (course.isEmpty()) {
        courseMissing++;
      } else if (course.get(0).progress() == TrainingProgress.COMPLETED) {
        courseCompleted++;
      } else {
        courseUnderway++;
      }
      LocalDate latestLevel2 =
          records(cc, TrainingModule.SAFEGUARDING_LEVEL_2).stream()
              .map(r -> r.completedOn().orElseThrow())
              .max(LocalDate::compareTo)
              .orElseThrow();
      if (latestLevel2.plusYears(3).isBefore(AS_OF)) {
        safeguardingLapsed++;
      }
    }
    assertTrue(courseCompleted >= 2, "some have completed the PCI course");
    assertTrue(courseUnderway >= 1, "one is enrolled or in progress");
    assertTrue(courseMissing >= 1, "one has no PCI course record");
    assertTrue(safeguardingLapsed >= 1, "one has safeguarding older than three years");

    long withGpSupervisor =
        pcn.pcn().supervision().stream().filter(s -> s.gpSupervisor().isPresent()).count();
    long missingGp =
        coordinators.stream()
            .filter(cc -> pcn.pcn().supervisionOf(cc.id()).flatMap(SupervisionArrangement::gpSupervisor).isEmpty())
            .count();
    assertTrue(withGpSupervisor >= 3, "most have a GP supervisor named");
    assertTrue(missingGp >= 1, "at least one has no GP supervisor");
  }

  @Test
  void theDuplicateOfACaseIsRejected() {
    SyntheticPcn pcn = generate(4, 2);
    List<PatientCase> doubled = new ArrayList<>(pcn.cases());
    doubled.add(pcn.cases().get(0));
    assertInvalid(
        "cases[2].patient.id",
        () -> SyntheticPcn.builder().from(pcn).cases(doubled).build());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -5000, Integer.MIN_VALUE, SyntheticPopulation.MAX_PATIENTS + 1})
  void anImpossibleNumberOfPatientsIsRejected(int patients) {
    assertInvalid("patients", () -> SyntheticPopulation.builder().patients(patients));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, SyntheticPopulation.MAX_PRACTICES + 1})
  void aPcnNeedsAtLeastOnePractice(int practices) {
    assertInvalid("practices", () -> SyntheticPopulation.builder().practices(practices));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, SyntheticPopulation.MAX_COORDINATORS + 1})
  void anImpossibleNumberOfCoordinatorsIsRejected(int coordinators) {
    assertInvalid("coordinators", () -> SyntheticPopulation.builder().coordinators(coordinators));
  }

  @Test
  void theReferenceDateIsRequired() {
    assertInvalid("asOf", () -> SyntheticPopulation.builder().asOf(null));
  }

  @Test
  void negativeCountsAreReportedAsSuch() {
    ModelValidationException e =
        assertThrows(ModelValidationException.class, () -> SyntheticPopulation.builder().patients(-3));
    assertEquals("patients: must not be negative, was -3", e.getMessage());
  }

  private static List<TrainingRecord> records(CareCoordinator cc, TrainingModule module) {
    return cc.trainingRecords().stream().filter(r -> r.module() == module).toList();
  }

  private static void assertInvalid(String field, Executable action) {
    ModelValidationException e = assertThrows(ModelValidationException.class, action);
    assertEquals(field, e.field(), e.getMessage());
  }
}
