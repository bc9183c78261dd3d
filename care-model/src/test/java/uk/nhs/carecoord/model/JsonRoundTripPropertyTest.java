package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/**
 * Every model value reads back from the JSON it is written as, pretty or on one line. 300 tries a
 * type (200 for the aggregates) keeps the module's build quick; the types are many.
 */
@PropertyDefaults(tries = 300)
class JsonRoundTripPropertyTest {

  private static <T> void assertRoundTrips(T value, Class<T> type) {
    assertEquals(value, CareJson.read(CareJson.write(value), type));
    assertEquals(value, CareJson.read(CareJson.writeLine(value), type));
  }

  @Property
  void nhsNumbers(@ForAll("nhsNumberValues") NhsNumber v) {
    assertRoundTrips(v, NhsNumber.class);
  }

  @Property
  void pamAssessments(@ForAll("pamAssessmentValues") PamAssessment v) {
    assertRoundTrips(v, PamAssessment.class);
  }

  @Property(tries = 200)
  void patients(@ForAll("patientValues") Patient v) {
    assertRoundTrips(v, Patient.class);
  }

  @Property
  void conditions(@ForAll("conditionValues") LongTermCondition v) {
    assertRoundTrips(v, LongTermCondition.class);
  }

  @Property
  void frailties(@ForAll("frailtyValues") Frailty v) {
    assertRoundTrips(v, Frailty.class);
  }

  @Property
  void serviceUses(@ForAll("serviceUseValues") ServiceUse v) {
    assertRoundTrips(v, ServiceUse.class);
  }

  @Property
  void carers(@ForAll("carerValues") Carer v) {
    assertRoundTrips(v, Carer.class);
  }

  @Property(tries = 200)
  void patientCases(@ForAll("patientCaseValues") PatientCase v) {
    assertRoundTrips(v, PatientCase.class);
  }

  @Property(tries = 200)
  void plans(@ForAll("planValues") PersonalisedCarePlan v) {
    assertRoundTrips(v, PersonalisedCarePlan.class);
  }

  @Property(tries = 200)
  void planVersions(@ForAll("planVersionValues") PlanVersion v) {
    assertRoundTrips(v, PlanVersion.class);
  }

  @Property(tries = 200)
  void planContents(@ForAll("planContentValues") PlanContent v) {
    assertRoundTrips(v, PlanContent.class);
  }

  @Property
  void goals(@ForAll("goalValues") Goal v) {
    assertRoundTrips(v, Goal.class);
  }

  @Property
  void planActions(@ForAll("planActionValues") PlanAction v) {
    assertRoundTrips(v, PlanAction.class);
  }

  @Property
  void actionOwners(@ForAll("actionOwnerValues") ActionOwner v) {
    assertRoundTrips(v, ActionOwner.class);
  }

  @Property
  void supportContacts(@ForAll("supportContactValues") SupportContact v) {
    assertRoundTrips(v, SupportContact.class);
  }

  @Property
  void contacts(@ForAll("contactValues") Contact v) {
    assertRoundTrips(v, Contact.class);
  }

  @Property
  void referrals(@ForAll("referralValues") Referral v) {
    assertRoundTrips(v, Referral.class);
  }

  @Property
  void pendingDecisions(@ForAll("pendingDecisionValues") PendingDecision v) {
    assertRoundTrips(v, PendingDecision.class);
  }

  @Property
  void decisionConversations(@ForAll("decisionConversationValues") DecisionConversation v) {
    assertRoundTrips(v, DecisionConversation.class);
  }

  @Property
  void mdtDiscussions(@ForAll("mdtDiscussionValues") MdtDiscussion v) {
    assertRoundTrips(v, MdtDiscussion.class);
  }

  @Property
  void safeguardingConcerns(@ForAll("safeguardingConcernValues") SafeguardingConcern v) {
    assertRoundTrips(v, SafeguardingConcern.class);
  }

  @Property
  void gpDiscussions(@ForAll("gpDiscussionValues") GpDiscussion v) {
    assertRoundTrips(v, GpDiscussion.class);
  }

  @Property
  void acknowledgements(@ForAll("acknowledgementValues") Acknowledgement v) {
    assertRoundTrips(v, Acknowledgement.class);
  }

  @Property(tries = 200)
  void careCoordinators(@ForAll("careCoordinatorValues") CareCoordinator v) {
    assertRoundTrips(v, CareCoordinator.class);
  }

  @Property
  void trainingRecords(@ForAll("trainingRecordValues") TrainingRecord v) {
    assertRoundTrips(v, TrainingRecord.class);
  }

  @Property(tries = 200)
  void pcns(@ForAll("pcnValues") Pcn v) {
    assertRoundTrips(v, Pcn.class);
  }

  @Property
  void practices(@ForAll("practiceValues") Practice v) {
    assertRoundTrips(v, Practice.class);
  }

  @Property
  void supervisionArrangements(@ForAll("supervisionValues") SupervisionArrangement v) {
    assertRoundTrips(v, SupervisionArrangement.class);
  }

  @Property
  void namedContacts(@ForAll("namedContactValues") NamedContact v) {
    assertRoundTrips(v, NamedContact.class);
  }

  @Example
  void everyEnumValue() {
    Class<?>[] enums = {
      AcknowledgementDecision.class, AcknowledgementReason.class, ActionOwnerKind.class, ArrsEngagement.class,
      CarePlanStatus.class, CarerNeed.class, CarerRelationship.class, ClinicalFlag.class, CommunicationNeed.class,
      ConcernCategory.class, ConcernStatus.class, ConsentStatus.class, ContactMode.class,
      EfiCategory.class, GoalAchievementStatus.class, GoalLifecycleStatus.class, ReferralStatus.class,
      ServiceType.class, Sex.class, TrainingModule.class, TrainingProgress.class, PamLevel.class
    };
    for (Class<?> type : enums) {
      for (Object value : type.getEnumConstants()) {
        assertEquals(value, CareJson.read(CareJson.write(value), type));
      }
    }
  }

  @Provide Arbitrary<NhsNumber> nhsNumberValues() {
    return Arbitraries.oneOf(CareArbitraries.nhsNumbers(), CareArbitraries.syntheticNhsNumbers());
  }

  @Provide Arbitrary<PamAssessment> pamAssessmentValues() {
    return CareArbitraries.pamAssessments();
  }

  @Provide Arbitrary<Patient> patientValues() {
    return CareArbitraries.patients();
  }

  @Provide Arbitrary<LongTermCondition> conditionValues() {
    return CareArbitraries.conditions();
  }

  @Provide Arbitrary<Frailty> frailtyValues() {
    return CareArbitraries.frailties();
  }

  @Provide Arbitrary<ServiceUse> serviceUseValues() {
    return CareArbitraries.serviceUses();
  }

  @Provide Arbitrary<Carer> carerValues() {
    return CareArbitraries.carers();
  }

  @Provide Arbitrary<PatientCase> patientCaseValues() {
    return CareArbitraries.patientCases();
  }

  @Provide Arbitrary<PersonalisedCarePlan> planValues() {
    return CareArbitraries.plans();
  }

  @Provide Arbitrary<PlanVersion> planVersionValues() {
    return CareArbitraries.planVersions();
  }

  @Provide Arbitrary<PlanContent> planContentValues() {
    return CareArbitraries.planContents();
  }

  @Provide Arbitrary<Goal> goalValues() {
    return CareArbitraries.goals();
  }

  @Provide Arbitrary<PlanAction> planActionValues() {
    return CareArbitraries.planActions();
  }

  @Provide Arbitrary<ActionOwner> actionOwnerValues() {
    return CareArbitraries.actionOwners();
  }

  @Provide Arbitrary<SupportContact> supportContactValues() {
    return CareArbitraries.supportContacts();
  }

  @Provide Arbitrary<Contact> contactValues() {
    return CareArbitraries.contacts();
  }

  @Provide Arbitrary<Referral> referralValues() {
    return CareArbitraries.referrals();
  }

  @Provide Arbitrary<PendingDecision> pendingDecisionValues() {
    return CareArbitraries.pendingDecisions();
  }

  @Provide Arbitrary<DecisionConversation> decisionConversationValues() {
    return CareArbitraries.decisionConversations();
  }

  @Provide Arbitrary<MdtDiscussion> mdtDiscussionValues() {
    return CareArbitraries.mdtDiscussions();
  }

  @Provide Arbitrary<SafeguardingConcern> safeguardingConcernValues() {
    return CareArbitraries.safeguardingConcerns();
  }

  @Provide Arbitrary<GpDiscussion> gpDiscussionValues() {
    return CareArbitraries.gpDiscussions();
  }

  @Provide Arbitrary<Acknowledgement> acknowledgementValues() {
    return CareArbitraries.acknowledgements();
  }

  @Provide Arbitrary<CareCoordinator> careCoordinatorValues() {
    return CareArbitraries.careCoordinators();
  }

  @Provide Arbitrary<TrainingRecord> trainingRecordValues() {
    return CareArbitraries.trainingRecords();
  }

  @Provide Arbitrary<Pcn> pcnValues() {
    return CareArbitraries.pcns();
  }

  @Provide Arbitrary<Practice> practiceValues() {
    return CareArbitraries.practices();
  }

  @Provide Arbitrary<SupervisionArrangement> supervisionValues() {
    return CareArbitraries.supervisionArrangements();
  }

  @Provide Arbitrary<NamedContact> namedContactValues() {
    return CareArbitraries.namedContacts();
  }

}
