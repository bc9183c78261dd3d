package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.AS_OF;
import static uk.nhs.carecoord.model.Fixtures.LATE;
import static uk.nhs.carecoord.model.Fixtures.action;
import static uk.nhs.carecoord.model.Fixtures.activeContent;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;
import static uk.nhs.carecoord.model.Fixtures.draftContent;
import static uk.nhs.carecoord.model.Fixtures.goal;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlanTest {
  private static final LocalDate D1 = LocalDate.of(2025, 4, 10);
  private static final LocalDate D2 = LocalDate.of(2026, 4, 15);

  private static PlanVersion version(int number, LocalDate on, String reason) {
    return PlanVersion.builder()
        .number(number)
        .recordedOn(on)
        .amendmentReason(java.util.Optional.ofNullable(reason))
        .content(draftContent().build())
        .build();
  }

  @Nested
  class CarePlan {
    @Test
    void startsWithVersionOne() {
      PersonalisedCarePlan plan = PersonalisedCarePlan.create("pcsp-1", D1, activeContent(D1));
      assertEquals(1, plan.versions().size());
      assertEquals(1, plan.currentVersion().number());
      assertTrue(plan.currentVersion().amendmentReason().isEmpty());
      assertEquals(activeContent(D1), plan.current());
    }

    @Test
    void amendingAppendsANumberedVersionAndLeavesThePlanAlone() {
      PersonalisedCarePlan first = PersonalisedCarePlan.create("pcsp-1", D1, activeContent(D1));
      PersonalisedCarePlan second = first.amend(D2, "Annual review", activeContent(D2));
      PersonalisedCarePlan third = second.amend(D2, "Goals updated after review", draftContent().build());

      assertEquals(1, first.versions().size());
      assertEquals(2, second.versions().size());
      assertEquals(List.of(1, 2, 3), third.versions().stream().map(PlanVersion::number).toList());
      assertEquals(second.versions(), third.versions().subList(0, 2));
      assertEquals("Goals updated after review", third.currentVersion().amendmentReason().orElseThrow());
      assertEquals(draftContent().build(), third.current());
      assertEquals("pcsp-1", third.id());
    }

    @Test
    void anAmendmentOnTheSameDayIsAllowed() {
      PersonalisedCarePlan plan = PersonalisedCarePlan.create("pcsp-1", D1, activeContent(D1));
      assertEquals(D1, plan.amend(D1, "Corrected a goal", activeContent(D1)).currentVersion().recordedOn());
    }

    @Test
    void anAmendmentNeedsAReason() {
      PersonalisedCarePlan plan = PersonalisedCarePlan.create("pcsp-1", D1, activeContent(D1));
      assertInvalid("amendmentReason", () -> plan.amend(D2, " ", activeContent(D2)));
      assertInvalid("amendmentReason", () -> plan.amend(D2, "", activeContent(D2)));
      assertInvalid("amendmentReason", () -> plan.amend(D2, null, activeContent(D2)));
    }

    @Test
    void anAmendmentCannotBeDatedBeforeTheCurrentVersion() {
      PersonalisedCarePlan plan = PersonalisedCarePlan.create("pcsp-1", D2, activeContent(D2));
      assertInvalid("versions[1].recordedOn", () -> plan.amend(D1, "Annual review", activeContent(D1)));
    }

    @Test
    void needsAnId() {
      assertInvalid("id", () -> PersonalisedCarePlan.create(" ", D1, activeContent(D1)));
      assertInvalid("id", () -> PersonalisedCarePlan.builder().addVersions(version(1, D1, null)).build());
    }

    @Test
    void needsAtLeastOneVersion() {
      assertInvalid("versions", () -> PersonalisedCarePlan.builder().id("pcsp-1").build());
    }

    @Test
    void versionsMustBeNumberedFromOne() {
      assertInvalid(
          "versions[0].number",
          () -> PersonalisedCarePlan.builder().id("pcsp-1").addVersions(version(2, D1, "Annual review")).build());
      assertInvalid(
          "versions[1].number",
          () ->
              PersonalisedCarePlan.builder()
                  .id("pcsp-1")
                  .addVersions(version(1, D1, null), version(3, D2, "Annual review"))
                  .build());
      assertInvalid(
          "versions[1].number",
          () ->
              PersonalisedCarePlan.builder()
                  .id("pcsp-1")
                  .addVersions(version(1, D1, null), version(1, D2, null))
                  .build());
    }

    @Test
    void versionsMustBeInDateOrder() {
      assertInvalid(
          "versions[2].recordedOn",
          () ->
              PersonalisedCarePlan.builder()
                  .id("pcsp-1")
                  .addVersions(version(1, D1, null), version(2, D2, "a"), version(3, D2.minusDays(1), "b"))
                  .build());
    }

    @Test
    void aFullHistoryCanBeLoaded() {
      PersonalisedCarePlan plan =
          PersonalisedCarePlan.builder()
              .id("pcsp-1")
              .addVersions(version(1, D1, null), version(2, D2, "Annual review"))
              .build();
      assertEquals(2, plan.currentVersion().number());
    }
  }

  @Nested
  class Version {
    @Test
    void numberIsOneOrMore() {
      assertInvalid("number", () -> version(0, D1, null));
      assertInvalid("number", () -> version(-1, D1, "x"));
    }

    @Test
    void amendmentsNeedAReasonButTheFirstVersionNeedsNone() {
      assertInvalid("amendmentReason", () -> version(2, D1, null));
      assertInvalid("amendmentReason", () -> version(2, D1, "\t"));
      assertEquals(1, version(1, D1, null).number());
      assertEquals("Started after discharge", version(1, D1, "Started after discharge").amendmentReason().orElseThrow());
    }

    @Test
    void needsItsRequiredAttributes() {
      assertInvalid("recordedOn", () -> PlanVersion.builder().number(1).content(draftContent().build()).build());
      assertInvalid("content", () -> PlanVersion.builder().number(1).recordedOn(D1).build());
    }
  }

  @Nested
  class Content {
    @Test
    void whatMattersMustNotBeBlank() {
      assertInvalid("whatMattersToMe", () -> draftContent().whatMattersToMe("  ").build());
      assertInvalid("whatMattersToMe", () -> PlanContent.builder().status(CarePlanStatus.DRAFT).build());
    }

    @Test
    void goalAndActionIdsAreUnique() {
      assertInvalid("goals", () -> draftContent().addGoals(goal("g"), goal("g")).build());
      assertInvalid("actions", () -> draftContent().addActions(action("a"), action("a")).build());
    }

    @Test
    void anActivePlanMustHaveBeenAgreed() {
      assertInvalid("agreedOn", () -> draftContent().status(CarePlanStatus.ACTIVE).build());
      assertEquals(D1, draftContent().status(CarePlanStatus.ACTIVE).agreedOn(D1).build().agreedOn().orElseThrow());
      for (CarePlanStatus status : CarePlanStatus.values()) {
        if (status != CarePlanStatus.ACTIVE) {
          assertTrue(draftContent().status(status).build().agreedOn().isEmpty());
        }
      }
    }

    @Test
    void theReviewCannotBeBeforeTheAgreement() {
      assertInvalid("nextReviewOn", () -> draftContent().agreedOn(D1).nextReviewOn(D1.minusDays(1)).build());
      assertEquals(D1, draftContent().agreedOn(D1).nextReviewOn(D1).build().nextReviewOn().orElseThrow());
      assertEquals(D1, draftContent().nextReviewOn(D1).build().nextReviewOn().orElseThrow());
    }

    @Test
    void anActionCanOnlyServeAGoalOfTheSamePlan() {
      assertInvalid(
          "actions[1].goalId",
          () ->
              draftContent()
                  .addGoals(goal("goal-1"))
                  .addActions(action("a1").withGoalId("goal-1"), action("a2").withGoalId("goal-2"))
                  .build());
    }

    @Test
    void isNotSharedUntilSaidSo() {
      assertFalse(draftContent().build().sharedWithPatient());
    }

    @Test
    void nullGoalsAreRejectedByName() {
      assertInvalid("goals", () -> draftContent().addGoals((Goal) null));
    }
  }

  @Nested
  class Goals {
    @Test
    void needAnIdAndADescription() {
      assertInvalid("id", () -> goal(""));
      assertInvalid("description", () -> goal("g").withDescription(" "));
      assertInvalid("lifecycleStatus", () -> Goal.builder().id("g").description("Walk").build());
    }

    @Test
    void theTargetCannotBeBeforeTheStart() {
      assertInvalid("targetOn", () -> goal("g").withStartOn(D2).withTargetOn(D1));
      assertEquals(D2, goal("g").withStartOn(D2).withTargetOn(D2).targetOn().orElseThrow());
      assertEquals(D1, goal("g").withTargetOn(D1).targetOn().orElseThrow());
    }
  }

  @Nested
  class Actions {
    @Test
    void needAnIdAndADescription() {
      assertInvalid("id", () -> action(" "));
      assertInvalid("description", () -> action("a").withDescription(""));
      assertInvalid(
          "owner", () -> PlanAction.builder().id("a").description("Phone").build());
    }

    @Test
    void aServiceOwnerMustBeNamed() {
      assertInvalid("name", () -> ActionOwner.of(ActionOwnerKind.SERVICE));
      assertInvalid("name", () -> ActionOwner.service(" "));
      assertEquals("Falls service", ActionOwner.service("Falls service").name().orElseThrow());
      for (ActionOwnerKind kind : ActionOwnerKind.values()) {
        if (kind != ActionOwnerKind.SERVICE) {
          assertTrue(ActionOwner.of(kind).name().isEmpty());
        }
      }
    }

    @Test
    void supportContactsNeedNameAndRoleAndAnyTelephoneIsNotBlank() {
      assertInvalid("name", () -> SupportContact.builder().name("").role("GP practice").build());
      assertInvalid("role", () -> SupportContact.builder().name("Riverside Surgery").role(" ").build());
      assertInvalid(
          "telephone",
          () -> SupportContact.builder().name("Riverside Surgery").role("GP practice").telephone(" ").build());
    }
  }

  @Nested
  class ReferenceDate {
    private PatientCase withPlan(PersonalisedCarePlan plan) {
      return Fixtures.minimalCase().withPlan(plan);
    }

    @Test
    void aPlanRecordedUpToTheReferenceDatePasses() {
      PersonalisedCarePlan plan = PersonalisedCarePlan.create("p", AS_OF, activeContent(AS_OF).withActions());
      PatientCase c = withPlan(plan);
      assertSame(c, c.checkAsOf(AS_OF));
    }

    @Test
    void aVersionRecordedAfterTheReferenceDateIsNamed() {
      PersonalisedCarePlan plan =
          PersonalisedCarePlan.create("p", D1, activeContent(D1)).amend(LATE, "Annual review", draftContent().build());
      assertInvalid("plan.versions[1].recordedOn", () -> withPlan(plan).checkAsOf(AS_OF));
    }

    @Test
    void anAgreementAfterTheReferenceDateIsNamed() {
      PersonalisedCarePlan plan =
          PersonalisedCarePlan.create("p", D1, draftContent().build())
              .amend(D2, "Agreed", draftContent().status(CarePlanStatus.ACTIVE).agreedOn(LATE).build());
      assertInvalid("plan.versions[1].content.agreedOn", () -> withPlan(plan).checkAsOf(AS_OF));
    }

    @Test
    void anActionCompletedAfterTheReferenceDateIsNamed() {
      PlanContent content = draftContent().addActions(action("a1"), action("a2").withCompletedOn(LATE)).build();
      assertInvalid(
          "plan.versions[0].content.actions[1].completedOn",
          () -> withPlan(PersonalisedCarePlan.create("p", D1, content)).checkAsOf(AS_OF));
    }

    @Test
    void aGoalStatusChangedAfterTheReferenceDateIsNamed() {
      PlanContent content = draftContent().addGoals(goal("g1").withStatusChangedOn(LATE)).build();
      assertInvalid(
          "plan.versions[0].content.goals[0].statusChangedOn",
          () -> withPlan(PersonalisedCarePlan.create("p", D1, content)).checkAsOf(AS_OF));
    }

    @Test
    void forwardLookingDatesMayBeAfterTheReferenceDate() {
      PlanContent content =
          draftContent()
              .status(CarePlanStatus.ACTIVE)
              .agreedOn(D2)
              .nextReviewOn(LATE.plusMonths(6))
              .addGoals(goal("g1").withStartOn(LATE).withTargetOn(LATE.plusYears(1)))
              .addActions(action("a1").withDueOn(LATE))
              .build();
      PatientCase c = withPlan(PersonalisedCarePlan.create("p", D2, content));
      assertSame(c, c.checkAsOf(AS_OF));
    }
  }
}
