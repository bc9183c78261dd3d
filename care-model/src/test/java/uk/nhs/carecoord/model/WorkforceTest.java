package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.AS_OF;
import static uk.nhs.carecoord.model.Fixtures.LATE;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;
import static uk.nhs.carecoord.model.Fixtures.coordinator;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkforceTest {
  private static final LocalDate START = LocalDate.of(2025, 1, 6);
  private static final LocalDate DONE = LocalDate.of(2025, 1, 7);

  private static ImmutableTrainingRecord.Builder record(TrainingProgress progress) {
    return TrainingRecord.builder().module(TrainingModule.MENTAL_CAPACITY_ACT).progress(progress);
  }

  @Nested
  class Training {
    @Test
    void aCompletedRecordIsDated() {
      assertInvalid("completedOn", () -> record(TrainingProgress.COMPLETED).build());
      assertEquals(DONE, TrainingRecord.completed(TrainingModule.SAFEGUARDING_LEVEL_1, DONE).completedOn().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = TrainingProgress.class, names = {"ENROLLED", "IN_PROGRESS"})
    void anUnfinishedRecordHasNoCompletionDate(TrainingProgress progress) {
      assertInvalid("completedOn", () -> record(progress).completedOn(DONE).build());
      assertTrue(record(progress).startedOn(START).build().completedOn().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = TrainingProgress.class, names = {"ENROLLED", "IN_PROGRESS"})
    void onlyACompletedRecordExpires(TrainingProgress progress) {
      assertInvalid("expiresOn", () -> record(progress).expiresOn(DONE.plusYears(3)).build());
    }

    @Test
    void completionIsNotBeforeTheStart() {
      assertInvalid(
          "completedOn", () -> record(TrainingProgress.COMPLETED).startedOn(DONE).completedOn(START).build());
      assertEquals(START, record(TrainingProgress.COMPLETED).startedOn(START).completedOn(START).build().completedOn().orElseThrow());
    }

    @Test
    void expiryIsAfterCompletion() {
      assertInvalid(
          "expiresOn", () -> record(TrainingProgress.COMPLETED).completedOn(DONE).expiresOn(DONE).build());
      assertInvalid(
          "expiresOn", () -> record(TrainingProgress.COMPLETED).completedOn(DONE).expiresOn(START).build());
      assertEquals(
          DONE.plusDays(1),
          record(TrainingProgress.COMPLETED).completedOn(DONE).expiresOn(DONE.plusDays(1)).build().expiresOn().orElseThrow());
    }

    @Test
    void aProviderIsNotBlank() {
      assertInvalid("provider", () -> record(TrainingProgress.ENROLLED).provider(" ").build());
    }

    @Test
    void needsModuleAndProgress() {
      assertInvalid("module", () -> TrainingRecord.builder().progress(TrainingProgress.ENROLLED).build());
      assertInvalid("progress", () -> TrainingRecord.builder().module(TrainingModule.MENTAL_CAPACITY_ACT).build());
    }

    @Test
    void everyModuleHasATitle() {
      for (TrainingModule m : TrainingModule.values()) {
        assertTrue(!m.title().isBlank(), m.name());
      }
    }
  }

  @Nested
  class Coordinators {
    @Test
    void needAnIdAndAName() {
      assertInvalid("id", () -> coordinator(" "));
      assertInvalid("name", () -> coordinator("cc-1").withName(""));
      assertInvalid("startedOn", () -> CareCoordinator.builder().id("cc-1").name("Alex").build());
    }

    @Test
    void areEmployedUnlessSaidOtherwise() {
      assertEquals(ArrsEngagement.EMPLOYED, coordinator("cc-1").engagement());
    }

    @Test
    void checkAsOfPassesForTrainingUpToTheReferenceDate() {
      ImmutableCareCoordinator c = coordinator("cc-1");
      assertSame(c, c.checkAsOf(AS_OF));
      // Expiry is forward-looking and may be after the reference date; so may the start in post.
      CareCoordinator later = c.withStartedOn(LATE);
      assertSame(later, later.checkAsOf(AS_OF));
    }

    @Test
    void checkAsOfNamesTrainingStartedAfterTheReferenceDate() {
      CareCoordinator c =
          coordinator("cc-1")
              .withTrainingRecords(
                  TrainingRecord.completed(TrainingModule.SAFEGUARDING_LEVEL_1, DONE),
                  record(TrainingProgress.ENROLLED).startedOn(LATE).build());
      assertInvalid("trainingRecords[1].startedOn", () -> c.checkAsOf(AS_OF));
    }

    @Test
    void checkAsOfNamesTrainingCompletedAfterTheReferenceDate() {
      CareCoordinator c =
          coordinator("cc-1").withTrainingRecords(TrainingRecord.completed(TrainingModule.SAFEGUARDING_LEVEL_1, LATE));
      assertInvalid("trainingRecords[0].completedOn", () -> c.checkAsOf(AS_OF));
      assertSame(c, c.checkAsOf(LATE));
    }
  }

  @Nested
  class Pcns {
    private ImmutablePcn.Builder pcn() {
      return Pcn.builder().code("U12345").name("Riverside PCN").addPractices(Practice.of("Y00001", "Riverside Surgery"));
    }

    private SupervisionArrangement supervision(String coordinatorId) {
      return SupervisionArrangement.builder()
          .coordinatorId(coordinatorId)
          .gpSupervisor(NamedContact.of("Dr A. Patel", "GP partner"))
          .build();
    }

    @Test
    void needACodeAndAName() {
      assertInvalid("code", () -> pcn().code(" ").build());
      assertInvalid("name", () -> pcn().name("").build());
    }

    @Test
    void practicesAndCoordinatorsAreUnique() {
      assertInvalid("practices", () -> pcn().addPractices(Practice.of("Y00001", "Another name")).build());
      assertInvalid("coordinators", () -> pcn().addCoordinators(coordinator("cc-1"), coordinator("cc-1")).build());
    }

    @Test
    void atMostOneSupervisionArrangementPerCoordinator() {
      assertInvalid(
          "supervision",
          () -> pcn().addCoordinators(coordinator("cc-1")).addSupervision(supervision("cc-1"), supervision("cc-1")).build());
    }

    @Test
    void supervisionNamesACoordinatorOfThePcn() {
      assertInvalid(
          "supervision[1].coordinatorId",
          () ->
              pcn()
                  .addCoordinators(coordinator("cc-1"), coordinator("cc-2"))
                  .addSupervision(supervision("cc-2"), supervision("cc-9"))
                  .build());
      assertInvalid("supervision[0].coordinatorId", () -> pcn().addSupervision(supervision("cc-1")).build());
    }

    @Test
    void findsTheSupervisionOfACoordinator() {
      Pcn p = pcn().addCoordinators(coordinator("cc-1"), coordinator("cc-2")).addSupervision(supervision("cc-2")).build();
      assertEquals("Dr A. Patel", p.supervisionOf("cc-2").orElseThrow().gpSupervisor().orElseThrow().name());
      assertTrue(p.supervisionOf("cc-1").isEmpty());
      assertTrue(p.supervisionOf("cc-9").isEmpty());
    }

    @Test
    void practicesNeedACodeAndAName() {
      assertInvalid("odsCode", () -> Practice.of(" ", "Riverside Surgery"));
      assertInvalid("name", () -> Practice.of("Y00001", ""));
    }

    @Test
    void supervisionNamesItsCoordinator() {
      assertInvalid("coordinatorId", () -> supervision(" "));
      assertTrue(SupervisionArrangement.builder().coordinatorId("cc-1").build().firstPointOfContact().isEmpty());
    }

    @Test
    void namedContactsNeedANameAndARole() {
      assertInvalid("name", () -> NamedContact.of("", "GP partner"));
      assertInvalid("role", () -> NamedContact.of("Dr A. Patel", " "));
    }
  }
}
