package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.function.Executable;

/** Valid example values for the example tests, and the assertion that names a broken field. */
final class Fixtures {
  private Fixtures() {}

  /** The reference date of the examples. */
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  /** The day after {@link #AS_OF}: the first date {@code checkAsOf(AS_OF)} rejects. */
  static final LocalDate LATE = AS_OF.plusDays(1);

  static final LocalDate DOB = LocalDate.of(1941, 3, 7);

  static final NhsNumber NHS = NhsNumber.of("9990000018");

  /**
   * Asserts that {@code action} throws a {@link ModelValidationException} naming {@code field}.
   */
  static ModelValidationException assertInvalid(String field, Executable action) {
    ModelValidationException e = assertThrows(ModelValidationException.class, action);
    assertEquals(field, e.field(), () -> "field of: " + e.getMessage());
    return e;
  }

  /** A patient with only the required attributes. */
  static ImmutablePatient.Builder minimalPatient() {
    return Patient.builder().id("pt-1").nhsNumber(NHS).dateOfBirth(DOB).sex(Sex.FEMALE).practiceCode("Y00001");
  }

  /** A patient with every attribute set, all dated by {@link #AS_OF}. */
  static ImmutablePatient fullPatient() {
    return minimalPatient()
        .addConditions(
            LongTermCondition.builder()
                .snomedCode("73211009")
                .display("Diabetes mellitus")
                .diagnosedOn(LocalDate.of(2010, 5, 1))
                .build(),
            LongTermCondition.builder().snomedCode("52448006").diagnosedOn(LocalDate.of(2022, 2, 1)).build())
        .frailty(
            Frailty.builder()
                .clinicalFrailtyScale(6)
                .efiCategory(EfiCategory.MODERATE)
                .assessedOn(LocalDate.of(2026, 1, 10))
                .build())
        .addFlags(ClinicalFlag.HOUSEBOUND)
        .repeatMedicines(9)
        .serviceUse(ServiceUse.builder().aeAttendances(2).emergencyAdmissions(1).gpAppointments(12).build())
        .addCarers(
            Carer.builder()
                .id("carer-1")
                .relationship(CarerRelationship.CHILD)
                .mainCarer(true)
                .addOwnNeeds(CarerNeed.RESPITE)
                .build())
        .addCommunicationNeeds(CommunicationNeed.LARGE_PRINT)
        .preferredLanguage("Welsh")
        .consent(ConsentStatus.GIVEN)
        .consentRecordedOn(LocalDate.of(2025, 3, 1))
        .build();
  }

  static ImmutableGoal goal(String id) {
    return Goal.builder()
        .id(id)
        .description("Walk to the post office and back")
        .lifecycleStatus(GoalLifecycleStatus.ACTIVE)
        .build();
  }

  static ImmutablePlanAction action(String id) {
    return PlanAction.builder()
        .id(id)
        .description("Find a walking group nearby")
        .owner(ActionOwner.of(ActionOwnerKind.CARE_COORDINATOR))
        .build();
  }

  /** Draft plan content with nothing but what matters. */
  static ImmutablePlanContent.Builder draftContent() {
    return PlanContent.builder().status(CarePlanStatus.DRAFT).whatMattersToMe("Staying in my own home");
  }

  /** An active, agreed plan with a goal, an action serving it and a support contact. */
  static ImmutablePlanContent activeContent(LocalDate agreedOn) {
    return PlanContent.builder()
        .status(CarePlanStatus.ACTIVE)
        .whatMattersToMe("Seeing my grandchildren every week")
        .addGoals(goal("goal-1").withStatusChangedOn(agreedOn).withAchievementStatus(GoalAchievementStatus.IMPROVING))
        .addActions(
            action("action-1").withGoalId("goal-1").withCompletedOn(agreedOn.plusDays(14)),
            action("action-2").withDueOn(AS_OF.plusMonths(2)))
        .addSupportContacts(
            SupportContact.builder().name("Alex Morgan").role("Care co-ordinator").telephone("01632 960001").build())
        .agreedOn(agreedOn)
        .nextReviewOn(agreedOn.plusMonths(6))
        .sharedWithPatient(true)
        .build();
  }

  /** A plan with two versions. */
  static PersonalisedCarePlan twoVersionPlan() {
    return PersonalisedCarePlan.create("pcsp-1", LocalDate.of(2025, 4, 10), activeContent(LocalDate.of(2025, 4, 10)))
        .amend(LocalDate.of(2026, 4, 15), "Annual review", activeContent(LocalDate.of(2026, 4, 15)));
  }

  /** A case with only a patient. */
  static ImmutablePatientCase minimalCase() {
    return PatientCase.builder().patient(minimalPatient().build()).build();
  }

  /** A case with every list holding something, every date on or before {@link #AS_OF}. */
  static ImmutablePatientCase fullCase() {
    return PatientCase.builder()
        .patient(fullPatient())
        .coordinatorId("cc-1")
        .addPamAssessments(
            PamAssessment.of(45.0, LocalDate.of(2025, 4, 1)), PamAssessment.of(56.3, LocalDate.of(2026, 4, 1)))
        .plan(twoVersionPlan())
        .addContacts(
            Contact.builder()
                .id("contact-1")
                .on(LocalDate.of(2026, 6, 1))
                .mode(ContactMode.HOME_VISIT)
                .outcome("Discussed goals; follow up in two weeks")
                .coordinatorId("cc-1")
                .build())
        .addReferrals(
            Referral.builder()
                .id("referral-1")
                .referredOn(LocalDate.of(2026, 6, 2))
                .service(ServiceType.NAMED_AGENCY)
                .agencyName("Age UK Riverside")
                .status(ReferralStatus.ACCEPTED)
                .build())
        .addPendingDecisions(
            PendingDecision.builder().id("decision-1").topic("Knee replacement").decideBy(AS_OF.plusMonths(3)).build())
        .addDecisionConversations(
            DecisionConversation.builder()
                .id("sdm-1")
                .heldOn(LocalDate.of(2026, 6, 3))
                .topic("Knee replacement")
                .decisionAid("NHS decision support tool")
                .pendingDecisionId("decision-1")
                .build())
        .addMdtDiscussions(
            MdtDiscussion.builder().id("mdt-1").heldOn(LocalDate.of(2026, 6, 4)).outcome("Refer to falls service").build())
        .addSafeguardingConcerns(
            SafeguardingConcern.builder()
                .id("concern-1")
                .category(ConcernCategory.SELF_NEGLECT)
                .raisedOn(LocalDate.of(2026, 6, 5))
                .gpDiscussion(GpDiscussion.of("Dr A. Patel", LocalDate.of(2026, 6, 6)))
                .status(ConcernStatus.REFERRED)
                .build())
        .addAcknowledgements(
            Acknowledgement.builder()
                .recommendationCode("REFER_SOCIAL_PRESCRIBING")
                .decision(AcknowledgementDecision.DECLINED)
                .reason(AcknowledgementReason.PERSON_DECLINED)
                .recordedOn(LocalDate.of(2026, 6, 7))
                .coordinatorId("cc-1")
                .factsFingerprint("0123456789abcdef")
                .build())
        .build();
  }

  static ImmutableCareCoordinator coordinator(String id) {
    return CareCoordinator.builder()
        .id(id)
        .name("Alex Morgan")
        .startedOn(LocalDate.of(2024, 9, 2))
        .addTrainingRecords(
            TrainingRecord.builder()
                .module(TrainingModule.PCI_CARE_COORDINATOR_COURSE)
                .progress(TrainingProgress.IN_PROGRESS)
                .startedOn(LocalDate.of(2024, 10, 1))
                .provider("Personalised Care Institute")
                .build(),
            TrainingRecord.builder()
                .module(TrainingModule.SAFEGUARDING_LEVEL_2)
                .progress(TrainingProgress.COMPLETED)
                .startedOn(LocalDate.of(2024, 9, 10))
                .completedOn(LocalDate.of(2024, 9, 12))
                .expiresOn(LocalDate.of(2027, 9, 12))
                .build())
        .build();
  }
}
