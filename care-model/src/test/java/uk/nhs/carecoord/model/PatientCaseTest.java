package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.AS_OF;
import static uk.nhs.carecoord.model.Fixtures.DOB;
import static uk.nhs.carecoord.model.Fixtures.LATE;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;
import static uk.nhs.carecoord.model.Fixtures.fullCase;
import static uk.nhs.carecoord.model.Fixtures.fullPatient;
import static uk.nhs.carecoord.model.Fixtures.minimalCase;
import static uk.nhs.carecoord.model.Fixtures.minimalPatient;

import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatientCaseTest {
  private static final LocalDate ON = LocalDate.of(2026, 6, 1);

  private static ImmutableContact contact(String id) {
    return Contact.builder().id(id).on(ON).mode(ContactMode.TELEPHONE).outcome("No answer; will try again").build();
  }

  private static ImmutableReferral referral(String id) {
    return Referral.builder().id(id).referredOn(ON).service(ServiceType.HEALTH_AND_WELLBEING_COACH).build();
  }

  private static ImmutablePendingDecision decision(String id) {
    return PendingDecision.builder().id(id).topic("Knee replacement").build();
  }

  private static ImmutableDecisionConversation conversation(String id) {
    return DecisionConversation.builder().id(id).heldOn(ON).topic("Knee replacement").build();
  }

  private static ImmutableMdtDiscussion mdt(String id) {
    return MdtDiscussion.builder().id(id).heldOn(ON).outcome("Refer to falls service").build();
  }

  private static ImmutableSafeguardingConcern concern(String id) {
    return SafeguardingConcern.builder().id(id).category(ConcernCategory.ABUSE).raisedOn(ON).build();
  }

  private static ImmutableAcknowledgement acknowledgement() {
    return Acknowledgement.builder()
        .recommendationCode("PAM_REMEASURE_DUE")
        .decision(AcknowledgementDecision.ACCEPTED)
        .reason(AcknowledgementReason.WILL_ACT)
        .recordedOn(ON)
        .build();
  }

  @Test
  void aFullCaseIsValid() {
    PatientCase c = fullCase();
    assertEquals(2, c.pamAssessments().size());
    assertSame(c, c.checkAsOf(AS_OF));
  }

  @Nested
  class Invariants {
    @Test
    void needsAPatient() {
      assertInvalid("patient", () -> PatientCase.builder().build());
    }

    @Test
    void atMostOnePamAssessmentADay() {
      assertInvalid(
          "pamAssessments",
          () -> minimalCase().withPamAssessments(PamAssessment.of(40.0, ON), PamAssessment.of(50.0, ON)));
    }

    @Test
    void identifiersAreUniqueInEachList() {
      assertInvalid("contacts", () -> minimalCase().withContacts(contact("c"), contact("c")));
      assertInvalid("referrals", () -> minimalCase().withReferrals(referral("r"), referral("r")));
      assertInvalid("pendingDecisions", () -> minimalCase().withPendingDecisions(decision("d"), decision("d")));
      assertInvalid(
          "decisionConversations", () -> minimalCase().withDecisionConversations(conversation("s"), conversation("s")));
      assertInvalid("mdtDiscussions", () -> minimalCase().withMdtDiscussions(mdt("m"), mdt("m")));
      assertInvalid("safeguardingConcerns", () -> minimalCase().withSafeguardingConcerns(concern("x"), concern("x")));
    }

    @Test
    void differentListsMayShareIdentifiers() {
      PatientCase c = minimalCase().withContacts(contact("1")).withReferrals(referral("1")).withMdtDiscussions(mdt("1"));
      assertEquals(1, c.contacts().size());
    }

    @Test
    void anAllocatedCoordinatorIsNotBlank() {
      assertInvalid("coordinatorId", () -> minimalCase().withCoordinatorId(" "));
    }

    @Test
    void aConversationCanOnlyNameAPendingDecisionOfTheCase() {
      assertInvalid(
          "decisionConversations[1].pendingDecisionId",
          () ->
              minimalCase()
                  .withPendingDecisions(decision("d1"))
                  .withDecisionConversations(
                      conversation("s1").withPendingDecisionId("d1"), conversation("s2").withPendingDecisionId("d2")));
    }

    @Test
    void noPamAssessmentBeforeBirth() {
      ModelValidationException e =
          assertInvalid(
              "pamAssessments[1].assessedOn",
              () -> minimalCase().withPamAssessments(PamAssessment.of(40.0, ON), PamAssessment.of(50.0, DOB.minusDays(1))));
      assertTrue(!e.getMessage().contains(DOB.toString()), "names the date of birth: " + e.getMessage());
    }
  }

  @Nested
  class Parts {
    @Test
    void contactsNeedAnIdAndAnOutcome() {
      assertInvalid("id", () -> contact(" "));
      assertInvalid("outcome", () -> contact("c").withOutcome(""));
      assertInvalid("mode", () -> Contact.builder().id("c").on(ON).outcome("x").build());
    }

    @Test
    void referralsToANamedAgencyNameIt() {
      assertInvalid("id", () -> referral(""));
      assertInvalid("agencyName", () -> referral("r").withService(ServiceType.NAMED_AGENCY));
      assertInvalid("agencyName", () -> referral("r").withAgencyName(" "));
      assertEquals(ReferralStatus.REQUESTED, referral("r").status());
      assertEquals("Local Mind", referral("r").withAgencyName("Local Mind").withService(ServiceType.NAMED_AGENCY).agencyName().orElseThrow());
    }

    @Test
    void pendingDecisionsNeedAnIdAndATopic() {
      assertInvalid("id", () -> decision(" "));
      assertInvalid("topic", () -> decision("d").withTopic(" "));
    }

    @Test
    void conversationsNeedAnIdATopicAndAnyAidIsNotBlank() {
      assertInvalid("id", () -> conversation(""));
      assertInvalid("topic", () -> conversation("s").withTopic(""));
      assertInvalid("decisionAid", () -> conversation("s").withDecisionAid(" "));
    }

    @Test
    void mdtDiscussionsNeedAnIdAndAnOutcome() {
      assertInvalid("id", () -> mdt(" "));
      assertInvalid("outcome", () -> mdt("m").withOutcome(" "));
    }

    @Test
    void aConcernIsDiscussedWithAGpOnOrAfterTheDayItIsRaised() {
      assertInvalid("id", () -> concern(""));
      assertInvalid(
          "gpDiscussion.discussedOn", () -> concern("x").withGpDiscussion(GpDiscussion.of("Dr A. Patel", ON.minusDays(1))));
      assertEquals(ON, concern("x").withGpDiscussion(GpDiscussion.of("Dr A. Patel", ON)).gpDiscussion().orElseThrow().discussedOn());
      assertEquals(ConcernStatus.OPEN, concern("x").status());
    }

    @Test
    void aGpDiscussionNamesTheGp() {
      assertInvalid("gpName", () -> GpDiscussion.of(" ", ON));
      assertInvalid("discussedOn", () -> GpDiscussion.of("Dr A. Patel", null));
    }

    @Test
    void aDeclineIsNeverGivenWillActAsItsReason() {
      assertInvalid("recommendationCode", () -> acknowledgement().withRecommendationCode(" "));
      assertInvalid("reason", () -> acknowledgement().withDecision(AcknowledgementDecision.DECLINED));
      for (AcknowledgementReason reason : AcknowledgementReason.values()) {
        assertEquals(reason, acknowledgement().withReason(reason).reason());
        if (reason != AcknowledgementReason.WILL_ACT) {
          assertEquals(
              reason, acknowledgement().withReason(reason).withDecision(AcknowledgementDecision.DECLINED).reason());
        }
      }
    }
  }

  static Stream<Arguments> oneDateAfterTheReferenceDate() {
    ImmutablePatientCase full = fullCase();
    ImmutablePatient patient = fullPatient();
    return Stream.of(
        late("patient.dateOfBirth", () -> minimalCase().withPatient(minimalPatient().dateOfBirth(LATE).build())),
        late("patient.consentRecordedOn", () -> full.withPatient(patient.withConsentRecordedOn(LATE))),
        late(
            "patient.frailty.assessedOn",
            () -> full.withPatient(patient.withFrailty(Frailty.builder().clinicalFrailtyScale(5).assessedOn(LATE).build()))),
        late(
            "patient.conditions[1].diagnosedOn",
            () ->
                full.withPatient(
                    patient.withConditions(patient.conditions().get(0), LongTermCondition.builder().snomedCode("35489007").diagnosedOn(LATE).build()))),
        late(
            "pamAssessments[1].assessedOn",
            () -> full.withPamAssessments(full.pamAssessments().get(0), PamAssessment.of(60.0, LATE))),
        late(
            "plan.versions[2].recordedOn",
            () -> full.withPlan(full.plan().orElseThrow().amend(LATE, "Review", Fixtures.draftContent().build()))),
        late("contacts[0].on", () -> full.withContacts(ImmutableContact.copyOf(full.contacts().get(0)).withOn(LATE))),
        late("referrals[0].referredOn", () -> full.withReferrals(ImmutableReferral.copyOf(full.referrals().get(0)).withReferredOn(LATE))),
        late(
            "decisionConversations[0].heldOn",
            () -> full.withDecisionConversations(ImmutableDecisionConversation.copyOf(full.decisionConversations().get(0)).withHeldOn(LATE))),
        late("mdtDiscussions[0].heldOn", () -> full.withMdtDiscussions(ImmutableMdtDiscussion.copyOf(full.mdtDiscussions().get(0)).withHeldOn(LATE))),
        late(
            "safeguardingConcerns[0].raisedOn",
            () -> full.withSafeguardingConcerns(concern("x").withRaisedOn(LATE))),
        late(
            "safeguardingConcerns[1].gpDiscussion.discussedOn",
            () ->
                full.withSafeguardingConcerns(
                    concern("x"), concern("y").withGpDiscussion(GpDiscussion.of("Dr R. Hughes", LATE)))),
        late(
            "acknowledgements[0].recordedOn",
            () -> full.withAcknowledgements(ImmutableAcknowledgement.copyOf(full.acknowledgements().get(0)).withRecordedOn(LATE))));
  }

  private static Arguments late(String field, Supplier<PatientCase> build) {
    return Arguments.of(field, build);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneDateAfterTheReferenceDate")
  void checkAsOfNamesTheDateAfterTheReferenceDate(String field, Supplier<PatientCase> build) {
    PatientCase c = build.get();
    assertInvalid(field, () -> c.checkAsOf(AS_OF));
    assertSame(c, c.checkAsOf(LATE), "passes a day later");
  }

  @Test
  void forwardLookingDatesMayBeAfterTheReferenceDate() {
    PatientCase c =
        fullCase()
            .withDecisionConversations()
            .withPendingDecisions(decision("d").withDecideBy(LATE.plusYears(1)));
    assertSame(c, c.checkAsOf(AS_OF));
  }

  @Test
  void eventsOnTheReferenceDateItselfPass() {
    PatientCase c = fullCase().withContacts(contact("c").withOn(AS_OF)).withPamAssessments(PamAssessment.of(50.0, AS_OF));
    assertSame(c, c.checkAsOf(AS_OF));
  }
}
