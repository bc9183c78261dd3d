package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.AS_OF;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;
import static uk.nhs.carecoord.model.Fixtures.coordinator;
import static uk.nhs.carecoord.model.Fixtures.fullCase;
import static uk.nhs.carecoord.model.Fixtures.minimalPatient;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Plausibility: bounds checked against the reference date, and events that cannot precede birth. */
class PlausibilityTest {

  private static PatientCase bornOn(LocalDate dob) {
    return PatientCase.builder().patient(minimalPatient().dateOfBirth(dob).build()).build();
  }

  @Test
  void anAgeOf130IsRefusedOnTheReferenceDate() {
    // Defect: an age of 130 was accepted and put the person in the elderly cohort.
    PatientCase c = bornOn(AS_OF.minusYears(130));
    ModelValidationException e = assertInvalid("patient.dateOfBirth", () -> c.checkAsOf(AS_OF));
    assertTrue(e.getMessage().contains("age of 130"), e.getMessage());
    assertTrue(e.getMessage().contains("maximum of 125"), e.getMessage());
  }

  @Test
  void theYearOneIsRefused() {
    // Defect: 0001-01-01 (an unset date in some systems) was accepted as an age of 2025.
    PatientCase c = CareJson.read(
        CareJson.write(bornOn(LocalDate.of(1941, 3, 7))).replace("1941-03-07", "0001-01-01"), PatientCase.class);
    assertInvalid("patient.dateOfBirth", () -> c.checkAsOf(AS_OF));
  }

  @Test
  void anAgeOf125IsAccepted() {
    PatientCase c = bornOn(AS_OF.minusYears(126).plusDays(1));
    assertEquals(125, c.patient().ageOn(AS_OF));
    assertSame(c, c.checkAsOf(AS_OF));
  }

  @Property
  void theAgeBoundIsExactlyTheConfiguredMaximum(
      @ForAll @IntRange(min = 0, max = 200) int years, @ForAll @IntRange(min = 0, max = 365) int days,
      @ForAll @IntRange(min = 60, max = 130) int maxAge) {
    PatientCase c = bornOn(AS_OF.minusYears(years).minusDays(days));
    Plausibility bounds = Plausibility.builder().maxAgeYears(maxAge).build();
    if (c.patient().ageOn(AS_OF) <= maxAge) {
      assertSame(c, c.checkAsOf(AS_OF, bounds));
    } else {
      assertEquals("patient.dateOfBirth",
          assertThrows(ModelValidationException.class, () -> c.checkAsOf(AS_OF, bounds)).field());
    }
  }

  @Test
  void aConditionDiagnosedBeforeBirthIsRefused() {
    // Defect: a condition diagnosed before the person was born was accepted.
    ModelValidationException e = assertInvalid("conditions[0].diagnosedOn", () -> minimalPatient()
        .addConditions(LongTermCondition.builder().snomedCode("73211009").diagnosedOn(LocalDate.of(1940, 1, 1)).build())
        .build());
    assertTrue(e.getMessage().contains("before dateOfBirth"), e.getMessage());
    String json = CareJson.write(fullCase()).replace("2010-05-01", "1940-05-01");
    CareJsonException read = assertThrows(CareJsonException.class, () -> CareJson.read(json, PatientCase.class));
    assertEquals("patient.conditions[0].diagnosedOn", read.path());
  }

  @Test
  void noEventInTheCaseIsBeforeBirth() {
    LocalDate before = Fixtures.DOB.minusDays(1);
    PatientCase full = fullCase();
    assertInvalid("contacts[0].on", () -> PatientCase.builder().from(full)
        .contacts(java.util.List.of(ImmutableContact.copyOf(full.contacts().get(0)).withOn(before))).build());
    assertInvalid("referrals[0].referredOn", () -> PatientCase.builder().from(full)
        .referrals(java.util.List.of(ImmutableReferral.copyOf(full.referrals().get(0)).withReferredOn(before))).build());
    assertInvalid("safeguardingConcerns[0].raisedOn", () -> PatientCase.builder().from(full)
        .safeguardingConcerns(java.util.List.of(
            ImmutableSafeguardingConcern.copyOf(full.safeguardingConcerns().get(0)).withRaisedOn(before).withGpDiscussion(
                java.util.Optional.empty())))
        .build());
    assertInvalid("mdtDiscussions[0].heldOn", () -> PatientCase.builder().from(full)
        .mdtDiscussions(java.util.List.of(ImmutableMdtDiscussion.copyOf(full.mdtDiscussions().get(0)).withHeldOn(before)))
        .build());
    assertInvalid("pamAssessments[0].assessedOn", () -> PatientCase.builder().from(full)
        .pamAssessments(java.util.List.of(PamAssessment.of(50, before))).build());
  }

  @Test
  void trainingBeforeAPlausibleWorkingLifeIsRefused() {
    CareCoordinator ok = coordinator("cc-1");
    assertSame(ok, ok.checkAsOf(AS_OF));
    CareCoordinator old = ImmutableCareCoordinator.copyOf(ok).withTrainingRecords(
        TrainingRecord.completed(TrainingModule.SAFEGUARDING_LEVEL_2, LocalDate.of(1960, 1, 1)));
    ModelValidationException e = assertInvalid("trainingRecords[0].completedOn", () -> old.checkAsOf(AS_OF));
    assertTrue(e.getMessage().contains("more than 50 years before the reference date"), e.getMessage());
    assertSame(old, old.checkAsOf(AS_OF, Plausibility.builder().maxWorkingLifeYears(70).build()));
    CareCoordinator ancient = ImmutableCareCoordinator.copyOf(ok).withStartedOn(LocalDate.of(1, 1, 1));
    assertInvalid("startedOn", () -> ancient.checkAsOf(AS_OF));
  }

  @Test
  void durationsBeyondTheSpanAreRefused() {
    CareCoordinator tenYearCertificate = ImmutableCareCoordinator.copyOf(coordinator("cc-1")).withTrainingRecords(
        TrainingRecord.builder().module(TrainingModule.SAFEGUARDING_LEVEL_2).progress(TrainingProgress.COMPLETED)
            .completedOn(LocalDate.of(2024, 9, 12)).expiresOn(LocalDate.of(2054, 9, 12)).build());
    assertInvalid("trainingRecords[0].expiresOn", () -> tenYearCertificate.checkAsOf(AS_OF));

    PatientCase full = fullCase();
    PatientCase farDecision = PatientCase.builder().from(full)
        .pendingDecisions(java.util.List.of(
            ImmutablePendingDecision.copyOf(full.pendingDecisions().get(0)).withDecideBy(AS_OF.plusYears(40))))
        .build();
    ModelValidationException e = assertInvalid("pendingDecisions[0].decideBy", () -> farDecision.checkAsOf(AS_OF));
    assertTrue(e.getMessage().contains("more than 10 years after the reference date"), e.getMessage());
    assertSame(farDecision, farDecision.checkAsOf(AS_OF, Plausibility.builder().maxSpanYears(50).build()));
  }

  @Test
  void aReviewOrTargetDecadesAheadIsRefusedWithItsPath() {
    PatientCase full = fullCase();
    String json = CareJson.write(full);
    PlanContent current = full.plan().orElseThrow().current();
    String review = current.nextReviewOn().orElseThrow().toString();
    PatientCase farReview = CareJson.read(json.replace(review, "2099-01-01"), PatientCase.class);
    ModelValidationException e = assertThrows(ModelValidationException.class, () -> farReview.checkAsOf(AS_OF));
    assertTrue(e.field().startsWith("plan.versions[") && e.field().endsWith("].content.nextReviewOn"), e.field());
  }

  @Test
  void boundsMustBePositive() {
    assertEquals("maxAgeYears",
        assertThrows(ModelValidationException.class, () -> Plausibility.builder().maxAgeYears(0).build()).field());
  }
}
