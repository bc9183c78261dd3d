package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.Carer;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.CarerRelationship;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CommunicationNeed;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.DecisionConversation;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.ImmutablePlanContent;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.MdtDiscussion;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PendingDecision;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.Referral;
import uk.nhs.carecoord.model.ReferralStatus;
import uk.nhs.carecoord.model.ServiceType;
import uk.nhs.carecoord.model.ServiceUse;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.rules.authoring.Scenario;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * Each recommendation rule (recommendations.drl), firing and not firing at its boundary. Every
 * evaluation here also checks that each recommendation names its rule and gives a reason.
 */
class RecommendationRulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = CareRules.builder().asOf(AS_OF).build();
  }

  // --- Building cases ---

  /** A 50-year-old in no cohort, changed as given. */
  static ImmutablePatient patient(UnaryOperator<ImmutablePatient.Builder> changes) {
    ImmutablePatient.Builder b = Patient.builder()
        .id("p-1")
        .nhsNumber(NhsNumber.fromFirstNineDigits("999000001"))
        .dateOfBirth(AS_OF.minusYears(50))
        .sex(Sex.FEMALE)
        .practiceCode("Y90001");
    return changes.apply(b).build();
  }

  /** A case for a person in no cohort, changed as given. */
  static PatientCase person(UnaryOperator<ImmutablePatient.Builder> p, UnaryOperator<ImmutablePatientCase.Builder> c) {
    return c.apply(PatientCase.builder().patient(patient(p)).coordinatorId("cc-1")).build();
  }

  static PatientCase person(UnaryOperator<ImmutablePatientCase.Builder> c) {
    return person(p -> p, c);
  }

  /** A case for a care-home resident (CARE_HOME cohort) who consented to care planning. */
  static PatientCase inCohort(UnaryOperator<ImmutablePatientCase.Builder> c) {
    return person(p -> p.addFlags(ClinicalFlag.CARE_HOME_RESIDENT)
        .consent(ConsentStatus.GIVEN).consentRecordedOn(AS_OF.minusMonths(2)), c);
  }

  static PatientCase withPam(double score) {
    return person(c -> c.addPamAssessments(PamAssessment.of(score, AS_OF.minusDays(10))));
  }

  static ImmutablePlanContent.Builder planContent(CarePlanStatus status) {
    ImmutablePlanContent.Builder b = PlanContent.builder()
        .status(status)
        .whatMattersToMe("Staying in my own home and seeing my grandchildren");
    if (status == CarePlanStatus.ACTIVE || status == CarePlanStatus.ON_HOLD) {
      b.agreedOn(AS_OF.minusMonths(3));
    }
    return b;
  }

  static PatientCase withPlan(PlanContent content) {
    return inCohort(c -> c.plan(PersonalisedCarePlan.create("plan-1", AS_OF.minusMonths(3), content)));
  }

  static PlanContent activePlan(UnaryOperator<ImmutablePlanContent.Builder> changes) {
    return changes.apply(planContent(CarePlanStatus.ACTIVE)
        .sharedWithPatient(true).nextReviewOn(AS_OF.plusMonths(3))).build();
  }

  static Goal goal(String id, GoalAchievementStatus status, LocalDate changedOn) {
    return Goal.builder().id(id).description("Walk to the shops twice a week")
        .lifecycleStatus(GoalLifecycleStatus.ACTIVE).achievementStatus(status).statusChangedOn(changedOn).build();
  }

  static Carer carer(String id, CarerNeed... needs) {
    return Carer.builder().id(id).relationship(CarerRelationship.SPOUSE_OR_PARTNER).mainCarer(true)
        .addOwnNeeds(needs).build();
  }

  static Referral referral(ServiceType service, ReferralStatus status) {
    return Referral.builder().id("r-" + service.name().toLowerCase()).referredOn(AS_OF.minusDays(20))
        .service(service).status(status).build();
  }

  static LongTermCondition[] conditions(int n) {
    String[] physical = {"44054006", "38341003", "195967001", "13645005", "84114007"};
    LongTermCondition[] result = new LongTermCondition[n];
    for (int i = 0; i < n; i++) {
      result[i] = LongTermCondition.of(physical[i]);
    }
    return result;
  }

  // --- Evaluating, with the record every recommendation must carry ---

  static PatientEvaluation evaluate(CareRules r, PatientCase c) {
    PatientEvaluation e = r.evaluate(c);
    for (Finding f : e.recommendations()) {
      assertEquals(FindingKind.RECOMMENDATION, f.kind());
      assertFalse(f.decisions().isEmpty(), f.code());
      for (DecisionRecord d : f.decisions()) {
        assertFalse(d.rule().isBlank(), () -> f.code() + ": rule name");
        assertFalse(d.reasons().isEmpty(), () -> f.code() + ": reasons of " + d.rule());
        d.reasons().forEach(reason -> assertFalse(reason.isBlank(), f.code()));
        assertFalse(d.facts().isEmpty(), () -> f.code() + ": facts of " + d.rule());
        assertEquals("recommendations", d.ruleSet(), f.code());
        assertEquals("2026.12.1", d.ruleSetVersion(), f.code());
        assertEquals(r.today(), d.asOf());
      }
      assertFalse(f.text().isBlank(), f.code());
      assertFalse(f.reasons().isEmpty(), f.code());
    }
    return e;
  }

  static PatientEvaluation evaluate(PatientCase c) {
    return evaluate(rules, c);
  }

  static boolean has(PatientCase c, String code) {
    return evaluate(c).recommendations().stream().anyMatch(f -> f.code().equals(code));
  }

  static Optional<Finding> find(PatientEvaluation e, String code) {
    return e.recommendations().stream().filter(f -> f.code().equals(code)).findFirst();
  }

  static Finding rec(PatientCase c, String code) {
    PatientEvaluation e = evaluate(c);
    return find(e, code).orElseThrow(() -> new AssertionError(code + " not raised; raised " + e.codes()));
  }

  static List<String> subjects(PatientCase c, String code) {
    return evaluate(c).recommendations().stream().filter(f -> f.code().equals(code)).map(Finding::subject).toList();
  }

  static List<String> rulesOf(Finding f) {
    return f.decisions().stream().map(DecisionRecord::rule).toList();
  }

  // --- Tailored to PAM level ---

  @Test
  void pamLevel1UpTo47_0AndLevel2From47_1() {
    Finding one = rec(withPam(47.0), "PAM_LEVEL_1_SMALL_STEPS");
    assertTrue(one.text().contains("very small"));
    assertEquals(List.of("PAM level 1: build self-awareness with very small steps"), rulesOf(one));
    assertEquals("LEVEL_1", one.decisions().get(0).facts().get("pamLevel"));
    assertEquals(AS_OF.minusDays(10).toString(), one.decisions().get(0).facts().get("pamAssessedOn"));
    assertFalse(has(withPam(47.0), "PAM_LEVEL_2_BUILD_SKILLS"));

    Finding two = rec(withPam(47.1), "PAM_LEVEL_2_BUILD_SKILLS");
    assertTrue(two.text().contains("self-monitoring"));
    assertFalse(has(withPam(47.1), "PAM_LEVEL_1_SMALL_STEPS"));
  }

  @Test
  void pamLevel2UpTo55_1AndLevel3From55_2() {
    assertTrue(has(withPam(55.1), "PAM_LEVEL_2_BUILD_SKILLS"));
    assertFalse(has(withPam(55.1), "PAM_LEVEL_3_PROBLEM_SOLVING"));
    Finding three = rec(withPam(55.2), "PAM_LEVEL_3_PROBLEM_SOLVING");
    assertTrue(three.text().contains("problem-solving") && three.text().contains("celebrate progress"));
    assertFalse(has(withPam(55.2), "PAM_LEVEL_2_BUILD_SKILLS"));
  }

  @Test
  void pamLevel3UpTo67_0AndLevel4From67_1() {
    assertTrue(has(withPam(67.0), "PAM_LEVEL_3_PROBLEM_SOLVING"));
    assertFalse(has(withPam(67.0), "PAM_LEVEL_4_SUSTAIN"));
    Finding four = rec(withPam(67.1), "PAM_LEVEL_4_SUSTAIN");
    assertTrue(four.text().contains("difficult situations") && four.text().contains("peer support"));
    assertEquals(Priority.LOW, four.priority());
    assertFalse(has(withPam(67.1), "PAM_LEVEL_3_PROBLEM_SOLVING"));
  }

  @Test
  void tailoringFollowsTheLatestAssessmentOnly() {
    PatientCase c = person(x -> x.addPamAssessments(PamAssessment.of(80.0, AS_OF.minusDays(5)), PamAssessment.of(30.0, AS_OF.minusYears(1))));
    Set<String> codes = evaluate(c).codes();
    assertTrue(codes.contains("PAM_LEVEL_4_SUSTAIN"));
    assertFalse(codes.contains("PAM_LEVEL_1_SMALL_STEPS"));
    assertTrue(Collections.disjoint(evaluate(person(x -> x)).codes(),
        Set.of("PAM_LEVEL_1_SMALL_STEPS", "PAM_LEVEL_2_BUILD_SKILLS", "PAM_LEVEL_3_PROBLEM_SOLVING", "PAM_LEVEL_4_SUSTAIN")));
  }

  // --- Measuring activation ---

  @Test
  void pamMissingOnlyForAPersonInACohort() {
    Finding f = rec(inCohort(c -> c), "PAM_MEASURE");
    assertEquals("CARE_HOME", f.decisions().get(0).facts().get("cohorts"));
    assertFalse(has(inCohort(c -> c.addPamAssessments(PamAssessment.of(50.0, AS_OF.minusDays(1)))), "PAM_MEASURE"));
    assertFalse(has(person(c -> c), "PAM_MEASURE"));
  }

  /**
   * Rules reading cohort outputs have salience -10: they fire once every cohort rule has, so they
   * fire once and record every cohort (firing earlier would record a partial list, then fire
   * again as each further cohort was raised).
   */
  @Test
  void cohortDependentRulesFireAfterEveryCohortRule() {
    PatientCase c = person(p -> p.addFlags(ClinicalFlag.DEMENTIA, ClinicalFlag.CARE_HOME_RESIDENT, ClinicalFlag.ACTIVE_CANCER)
        .addCarers(carer("carer-1", CarerNeed.FINANCIAL, CarerNeed.RESPITE)), x -> x);
    PatientEvaluation e = evaluate(c);
    assertEquals(3, e.cohorts().size());
    for (String code : List.of("PAM_MEASURE", "PLAN_CREATE", "BENEFITS_ADVICE", "PERSONAL_HEALTH_BUDGET")) {
      Finding f = find(e, code).orElseThrow(() -> new AssertionError(code));
      assertEquals(1, f.decisions().size(), code);
      assertEquals("CANCER, CARE_HOME, DEMENTIA", f.decisions().get(0).facts().get("cohorts"), code);
    }
  }

  @Test
  void pamStaleOnlyWhenOlderThanTheRemeasureInterval() {
    LocalDate sixMonthsAgo = AS_OF.minusMonths(6);
    assertFalse(has(person(c -> c.addPamAssessments(PamAssessment.of(50.0, sixMonthsAgo))), "PAM_REMEASURE"));
    Finding f = rec(person(c -> c.addPamAssessments(PamAssessment.of(50.0, sixMonthsAgo.minusDays(1)))), "PAM_REMEASURE");
    assertEquals(AS_OF.minusDays(1), f.dueOn().orElseThrow());
    assertEquals(sixMonthsAgo.minusDays(1).toString(), f.decisions().get(0).facts().get("pamAssessedOn"));
    // The latest assessment counts.
    assertFalse(has(person(c -> c.addPamAssessments(PamAssessment.of(50.0, AS_OF.minusYears(2)), PamAssessment.of(52.0, AS_OF.minusMonths(1)))), "PAM_REMEASURE"));
    // The interval is configuration.
    PatientCase sevenMonths = person(c -> c.addPamAssessments(PamAssessment.of(50.0, AS_OF.minusMonths(7))));
    assertFalse(evaluate(rules.withThresholds(Thresholds.builder().pamRemeasureMonths(12).build()), sevenMonths)
        .codes().contains("PAM_REMEASURE"));
  }

  // --- The plan ---

  @Test
  void planCreationForACohortPersonWithoutAPlanUnlessConsentDeclined() {
    Finding given = rec(inCohort(c -> c), "PLAN_CREATE");
    assertEquals(Priority.HIGH, given.priority());
    assertEquals("GIVEN", given.decisions().get(0).facts().get("consent"));

    PatientCase notAsked = person(p -> p.addFlags(ClinicalFlag.CARE_HOME_RESIDENT), c -> c);
    Finding ask = rec(notAsked, "PLAN_CREATE");
    assertEquals(Priority.MEDIUM, ask.priority());
    assertTrue(ask.text().contains("consent"));

    PatientCase declined = person(p -> p.addFlags(ClinicalFlag.CARE_HOME_RESIDENT)
        .consent(ConsentStatus.DECLINED).consentRecordedOn(AS_OF.minusDays(3)), c -> c);
    assertFalse(has(declined, "PLAN_CREATE"));
    assertTrue(has(declined, "PAM_MEASURE"), "other recommendations still apply");

    assertFalse(has(withPlan(planContent(CarePlanStatus.DRAFT).build()), "PLAN_CREATE"));
    assertFalse(has(person(p -> p.consent(ConsentStatus.GIVEN).consentRecordedOn(AS_OF), c -> c), "PLAN_CREATE"));
  }

  @Test
  void activePlanNotSharedWithThePerson() {
    Finding f = rec(withPlan(activePlan(b -> b.sharedWithPatient(false))), "PLAN_SHARE");
    assertEquals("plan-1", f.decisions().get(0).facts().get("planId"));
    assertFalse(has(withPlan(activePlan(b -> b)), "PLAN_SHARE"));
    assertFalse(has(withPlan(planContent(CarePlanStatus.DRAFT).build()), "PLAN_SHARE"), "a draft is not shared yet");
  }

  @Test
  void planReviewOverdueTheDayAfterItsReviewDate() {
    Finding f = rec(withPlan(activePlan(b -> b.nextReviewOn(AS_OF.minusDays(1)))), "PLAN_REVIEW_OVERDUE");
    assertEquals(Priority.HIGH, f.priority());
    assertEquals(AS_OF.minusDays(1), f.dueOn().orElseThrow());
    assertEquals(AS_OF.minusDays(1).toString(), f.decisions().get(0).facts().get("nextReviewOn"));
    assertFalse(has(withPlan(activePlan(b -> b.nextReviewOn(AS_OF))), "PLAN_REVIEW_OVERDUE"));
    PlanContent onHold = (planContent(CarePlanStatus.ON_HOLD)).nextReviewOn(AS_OF.minusDays(1)).build();
    assertTrue(has(withPlan(onHold), "PLAN_REVIEW_OVERDUE"));
    PlanContent completed = (planContent(CarePlanStatus.COMPLETED)).nextReviewOn(AS_OF.minusDays(30)).build();
    assertFalse(has(withPlan(completed), "PLAN_REVIEW_OVERDUE"));
  }

  @Test
  void activePlanWithoutAReviewDate() {
    PlanContent noDate = (planContent(CarePlanStatus.ACTIVE)).sharedWithPatient(true).build();
    assertTrue(has(withPlan(noDate), "PLAN_SET_REVIEW_DATE"));
    assertFalse(has(withPlan(activePlan(b -> b)), "PLAN_SET_REVIEW_DATE"));
    assertFalse(has(withPlan(planContent(CarePlanStatus.DRAFT).build()), "PLAN_SET_REVIEW_DATE"));
  }

  // --- Goals ---

  @Test
  void goalStalledWhenItsStatusIsOlderThanGoalStalledDays() {
    LocalDate edge = AS_OF.minusDays(90);
    PatientCase stalled = withPlan(activePlan(b -> b.addGoals(goal("g-1", GoalAchievementStatus.NO_PROGRESS, edge.minusDays(1)))));
    Finding f = rec(stalled, "GOAL_STALLED");
    assertEquals("g-1", f.subject());
    assertEquals("no-progress", f.decisions().get(0).facts().get("achievementStatus"));
    assertFalse(has(withPlan(activePlan(b -> b.addGoals(goal("g-1", GoalAchievementStatus.NO_PROGRESS, edge)))), "GOAL_STALLED"));

    assertTrue(has(withPlan(activePlan(b -> b.addGoals(goal("g-1", GoalAchievementStatus.NO_CHANGE, edge.minusDays(1))))), "GOAL_STALLED"));
    assertTrue(has(withPlan(activePlan(b -> b.addGoals(goal("g-1", GoalAchievementStatus.WORSENING, edge.minusDays(1))))), "GOAL_STALLED"));
    assertFalse(has(withPlan(activePlan(b -> b.addGoals(goal("g-1", GoalAchievementStatus.IMPROVING, edge.minusDays(100))))), "GOAL_STALLED"));
    Goal onHold = Goal.builder().from(goal("g-1", GoalAchievementStatus.NO_PROGRESS, edge.minusDays(1)))
        .lifecycleStatus(GoalLifecycleStatus.ON_HOLD).build();
    assertFalse(has(withPlan(activePlan(b -> b.addGoals(onHold))), "GOAL_STALLED"));
    Goal undated = Goal.builder().id("g-1").description("Walk").lifecycleStatus(GoalLifecycleStatus.ACTIVE)
        .achievementStatus(GoalAchievementStatus.NO_PROGRESS).build();
    assertFalse(has(withPlan(activePlan(b -> b.addGoals(undated))), "GOAL_STALLED"), "no date: cannot tell how long");
    PatientCase hundredDays = withPlan(activePlan(b -> b.addGoals(goal("g-1", GoalAchievementStatus.NO_PROGRESS, AS_OF.minusDays(100)))));
    assertFalse(evaluate(rules.withThresholds(Thresholds.builder().goalStalledDays(100).build()), hundredDays).codes().contains("GOAL_STALLED"));
  }

  @ParameterizedTest
  @EnumSource(value = CarePlanStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
  void noStalledGoalOutsideAnActivePlan(CarePlanStatus status) {
    PlanContent plan = planContent(status)
        .addGoals(goal("g-1", GoalAchievementStatus.NO_PROGRESS, AS_OF.minusDays(200))).build();
    assertFalse(has(withPlan(plan), "GOAL_STALLED"), status.code());
  }

  @Test
  void eachStalledGoalIsItsOwnRecommendation() {
    PatientCase c = withPlan(activePlan(b -> b.addGoals(
        goal("g-2", GoalAchievementStatus.WORSENING, AS_OF.minusDays(200)),
        goal("g-1", GoalAchievementStatus.NO_CHANGE, AS_OF.minusDays(100)),
        goal("g-3", GoalAchievementStatus.NO_CHANGE, AS_OF.minusDays(10)))));
    assertEquals(List.of("g-1", "g-2"), subjects(c, "GOAL_STALLED"));
  }

  // --- Carers ---

  @Test
  void carerWithNeedsOfTheirOwn() {
    Finding f = rec(person(p -> p.addCarers(carer("carer-1", CarerNeed.RESPITE, CarerNeed.EMOTIONAL_SUPPORT)), c -> c), "CARER_SUPPORT");
    assertEquals("carer-1", f.subject());
    assertEquals(Priority.MEDIUM, f.priority());
    assertEquals("EMOTIONAL_SUPPORT, RESPITE", f.decisions().get(0).facts().get("ownNeeds"));
    assertTrue(f.reasons().get(0).startsWith("Spouse or partner (main carer) has needs of their own"), f.reasons().get(0));
    assertEquals(List.of("Carer with needs of their own"), rulesOf(f), "not a young carer");
    assertFalse(has(person(p -> p.addCarers(carer("carer-1")), c -> c), "CARER_SUPPORT"));
  }

  @Test
  void youngCarerIsHighPriorityWithBothReasons() {
    Finding f = rec(person(p -> p.addCarers(carer("carer-2", CarerNeed.YOUNG_CARER)), c -> c), "CARER_SUPPORT");
    assertEquals(Priority.HIGH, f.priority());
    assertTrue(f.text().contains("young carer"));
    assertEquals(List.of("Carer with needs of their own", "Young carer"), rulesOf(f));
  }

  // --- Benefits and personal health budgets ---

  @Test
  void benefitsAdviceWhenACarerHasMoneyWorries() {
    Finding f = rec(inCohort(c -> c.patient(patient(p -> p.addFlags(ClinicalFlag.CARE_HOME_RESIDENT)
        .addCarers(carer("carer-1", CarerNeed.FINANCIAL))))), "BENEFITS_ADVICE");
    assertEquals(List.of("Benefits advice: carer has money worries"), rulesOf(f));
    assertFalse(has(person(p -> p.addCarers(carer("carer-1", CarerNeed.FINANCIAL)), c -> c), "BENEFITS_ADVICE"), "not in a cohort");
    assertFalse(has(person(p -> p.addFlags(ClinicalFlag.CARE_HOME_RESIDENT).addCarers(carer("carer-1", CarerNeed.RESPITE)), c -> c), "BENEFITS_ADVICE"));
    assertFalse(has(person(p -> p.addFlags(ClinicalFlag.CARE_HOME_RESIDENT).addCarers(carer("carer-1", CarerNeed.FINANCIAL)),
        c -> c.addReferrals(referral(ServiceType.BENEFITS_ADVICE, ReferralStatus.REQUESTED))), "BENEFITS_ADVICE"));
    assertTrue(has(person(p -> p.addFlags(ClinicalFlag.CARE_HOME_RESIDENT).addCarers(carer("carer-1", CarerNeed.FINANCIAL)),
        c -> c.addReferrals(referral(ServiceType.BENEFITS_ADVICE, ReferralStatus.COMPLETED))), "BENEFITS_ADVICE"));
  }

  @Test
  void benefitsAdviceWhenFrailOrElderlyAndHousebound() {
    Finding f = rec(person(p -> p.dateOfBirth(AS_OF.minusYears(85)).addFlags(ClinicalFlag.HOUSEBOUND), c -> c), "BENEFITS_ADVICE");
    assertEquals(List.of("Benefits advice: frail or elderly and housebound"), rulesOf(f));
    assertFalse(has(person(p -> p.dateOfBirth(AS_OF.minusYears(84)).addFlags(ClinicalFlag.HOUSEBOUND), c -> c), "BENEFITS_ADVICE"));
    assertFalse(has(person(p -> p.dateOfBirth(AS_OF.minusYears(85)), c -> c), "BENEFITS_ADVICE"));
    assertFalse(has(person(p -> p.dateOfBirth(AS_OF.minusYears(85)).addFlags(ClinicalFlag.HOUSEBOUND),
        c -> c.addReferrals(referral(ServiceType.BENEFITS_ADVICE, ReferralStatus.ACCEPTED))), "BENEFITS_ADVICE"));
  }

  @Test
  void personalHealthBudgetWhenACarerNeedsABreak() {
    Finding f = rec(person(p -> p.addFlags(ClinicalFlag.DEMENTIA).addCarers(carer("carer-1", CarerNeed.RESPITE)), c -> c), "PERSONAL_HEALTH_BUDGET");
    assertEquals(Priority.LOW, f.priority());
    assertFalse(has(person(p -> p.addCarers(carer("carer-1", CarerNeed.RESPITE)), c -> c), "PERSONAL_HEALTH_BUDGET"), "not in a cohort");
    assertFalse(has(person(p -> p.addFlags(ClinicalFlag.DEMENTIA).addCarers(carer("carer-1", CarerNeed.FINANCIAL)), c -> c), "PERSONAL_HEALTH_BUDGET"));
    assertFalse(has(person(p -> p.addFlags(ClinicalFlag.DEMENTIA).addCarers(carer("carer-1", CarerNeed.RESPITE)),
        c -> c.addReferrals(referral(ServiceType.PERSONAL_HEALTH_BUDGET, ReferralStatus.ACCEPTED))), "PERSONAL_HEALTH_BUDGET"));
  }

  // --- Shared decision-making ---

  static PendingDecision decision(String id, LocalDate decideBy) {
    return PendingDecision.builder().id(id).topic("Knee replacement surgery").decideBy(Optional.ofNullable(decideBy)).build();
  }

  @Test
  void decisionSupportFromDecisionSupportLeadDaysBeforeTheDeadline() {
    Finding f = rec(person(c -> c.addPendingDecisions(decision("d-1", AS_OF.plusDays(28)))), "SHARED_DECISION_SUPPORT");
    assertEquals("d-1", f.subject());
    assertEquals(Priority.HIGH, f.priority());
    assertEquals(AS_OF.plusDays(28), f.dueOn().orElseThrow());
    assertFalse(has(person(c -> c.addPendingDecisions(decision("d-1", AS_OF.plusDays(29)))), "SHARED_DECISION_SUPPORT"));
    Finding today = rec(person(c -> c.addPendingDecisions(decision("d-1", AS_OF))), "SHARED_DECISION_SUPPORT");
    assertEquals(List.of("Decision due soon without shared decision-making support"), rulesOf(today));
  }

  @Test
  void decisionStillPendingAfterItsDeadlineSaysSo() {
    Finding f = rec(person(c -> c.addPendingDecisions(decision("d-1", AS_OF.minusDays(1)))), "SHARED_DECISION_SUPPORT");
    assertEquals(List.of("Decision deadline passed without shared decision-making support"), rulesOf(f));
    assertEquals(Priority.HIGH, f.priority());
    assertEquals(AS_OF.minusDays(1), f.dueOn().orElseThrow());
    assertTrue(f.reasons().get(0).contains("which has passed"), f.reasons().toString());
    assertFalse(f.reasons().get(0).contains("within"), f.reasons().toString());
  }

  /** Before the lead time nothing; from then to the deadline "due soon"; after it "passed". */
  @Property(tries = 60)
  void exactlyOneDecisionRuleForEachDeadline(@ForAll @IntRange(min = -400, max = 400) int daysAway) {
    PatientCase c = person(x -> x.addPendingDecisions(decision("d-1", AS_OF.plusDays(daysAway))));
    List<String> expected = daysAway < 0 ? List.of("Decision deadline passed without shared decision-making support")
        : daysAway <= 28 ? List.of("Decision due soon without shared decision-making support")
        : List.of();
    assertEquals(expected, find(evaluate(c), "SHARED_DECISION_SUPPORT").map(RecommendationRulesTest::rulesOf).orElse(List.of()));
  }

  @Test
  void aDeclineBeforeTheDeadlineStillHoldsAfterIt() {
    PatientCase before = person(c -> c.addPendingDecisions(decision("d-1", AS_OF.plusDays(3))));
    Finding due = rec(before, "SHARED_DECISION_SUPPORT");
    PatientCase declined = AcknowledgementRulesTest.with(before,
        AcknowledgementRulesTest.declined("SHARED_DECISION_SUPPORT", AS_OF, due.factsFingerprint()));
    PatientEvaluation afterTheDeadline = evaluate(rules.asOf(AS_OF.plusDays(5)), declined);
    assertFalse(afterTheDeadline.codes().contains("SHARED_DECISION_SUPPORT"));
    assertEquals(List.of("SHARED_DECISION_SUPPORT"), afterTheDeadline.suppressed().stream().map(Finding::code).toList());
  }

  @Test
  void decisionWithoutADeadlineStillNeedsSupport() {
    Finding f = rec(person(c -> c.addPendingDecisions(decision("d-1", null))), "SHARED_DECISION_SUPPORT");
    assertEquals(Priority.MEDIUM, f.priority());
    assertEquals(List.of("Decision without a deadline and without shared decision-making support"), rulesOf(f));
    DecisionConversation held = DecisionConversation.builder().id("dc-1").heldOn(AS_OF.minusDays(2))
        .topic("Knee replacement surgery").pendingDecisionId("d-1").build();
    assertFalse(has(person(c -> c.addPendingDecisions(decision("d-1", null)).addDecisionConversations(held)), "SHARED_DECISION_SUPPORT"));
    // A conversation not linked to any decision supports none.
    DecisionConversation unlinked = DecisionConversation.builder().id("dc-2").heldOn(AS_OF.minusDays(2)).topic("General").build();
    assertTrue(has(person(c -> c.addPendingDecisions(decision("d-1", null)).addDecisionConversations(unlinked)), "SHARED_DECISION_SUPPORT"));
  }

  @Test
  void noDecisionSupportOnceAConversationWasHeldForThatDecision() {
    DecisionConversation held = DecisionConversation.builder().id("dc-1").heldOn(AS_OF.minusDays(2))
        .topic("Knee replacement surgery").decisionAid("NICE patient decision aid").pendingDecisionId("d-1").build();
    PatientCase c = person(x -> x.addPendingDecisions(decision("d-1", AS_OF.plusDays(5)), decision("d-2", null)).addDecisionConversations(held));
    assertEquals(List.of("d-2"), subjects(c, "SHARED_DECISION_SUPPORT"));
  }

  // --- Referrals ---

  @Test
  void socialPrescribingForActivationLevels1And2WithoutAnActiveReferral() {
    assertTrue(has(withPam(30.0), "REFER_SOCIAL_PRESCRIBING"));
    assertTrue(has(withPam(55.1), "REFER_SOCIAL_PRESCRIBING"));
    assertFalse(has(withPam(55.2), "REFER_SOCIAL_PRESCRIBING"));
    PamAssessment low = PamAssessment.of(30.0, AS_OF.minusDays(10));
    assertFalse(has(person(c -> c.addPamAssessments(low).addReferrals(referral(ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER, ReferralStatus.REQUESTED))), "REFER_SOCIAL_PRESCRIBING"));
    assertFalse(has(person(c -> c.addPamAssessments(low).addReferrals(referral(ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER, ReferralStatus.ACCEPTED))), "REFER_SOCIAL_PRESCRIBING"));
    assertTrue(has(person(c -> c.addPamAssessments(low).addReferrals(referral(ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER, ReferralStatus.DECLINED))), "REFER_SOCIAL_PRESCRIBING"));
    assertTrue(has(person(c -> c.addPamAssessments(low).addReferrals(referral(ServiceType.HEALTH_AND_WELLBEING_COACH, ReferralStatus.ACCEPTED))), "REFER_SOCIAL_PRESCRIBING"));
  }

  @Test
  void socialPrescribingForACarersNeeds() {
    Finding f = rec(person(p -> p.addCarers(carer("carer-1", CarerNeed.EMOTIONAL_SUPPORT)), c -> c), "REFER_SOCIAL_PRESCRIBING");
    assertEquals(List.of("Social prescribing for a carer's needs"), rulesOf(f));
    assertFalse(has(person(p -> p.addCarers(carer("carer-1")), c -> c), "REFER_SOCIAL_PRESCRIBING"));
    assertFalse(has(person(p -> p.addCarers(carer("carer-1", CarerNeed.EMOTIONAL_SUPPORT)),
        c -> c.addReferrals(referral(ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER, ReferralStatus.ACCEPTED))), "REFER_SOCIAL_PRESCRIBING"));
  }

  @Test
  void healthAndWellbeingCoachForActivationLevels2And3WithoutAnActiveReferral() {
    assertFalse(has(withPam(47.0), "REFER_HEALTH_COACH"));
    assertTrue(has(withPam(47.1), "REFER_HEALTH_COACH"));
    assertTrue(has(withPam(67.0), "REFER_HEALTH_COACH"));
    assertFalse(has(withPam(67.1), "REFER_HEALTH_COACH"));
    PamAssessment mid = PamAssessment.of(60.0, AS_OF.minusDays(10));
    assertFalse(has(person(c -> c.addPamAssessments(mid).addReferrals(referral(ServiceType.HEALTH_AND_WELLBEING_COACH, ReferralStatus.ACCEPTED))), "REFER_HEALTH_COACH"));
    assertTrue(has(person(c -> c.addPamAssessments(mid).addReferrals(referral(ServiceType.HEALTH_AND_WELLBEING_COACH, ReferralStatus.CANCELLED))), "REFER_HEALTH_COACH"));
  }

  // --- MDT ---

  static PatientCase complex(int conditions, int aeAttendances, UnaryOperator<ImmutablePatientCase.Builder> c) {
    return person(p -> p.addConditions(conditions(conditions)).serviceUse(ServiceUse.builder().aeAttendances(aeAttendances).build()), c);
  }

  static MdtDiscussion mdt(LocalDate on) {
    return MdtDiscussion.builder().id("mdt-1").heldOn(on).outcome("Medicines review and community matron visits agreed").build();
  }

  @Test
  void mdtForHighRiskPeopleWithMdtConditionsOrMore() {
    Finding f = rec(complex(4, 3, c -> c), "MDT_DISCUSSION");
    assertEquals("4", f.decisions().get(0).facts().get("conditionCount"));
    assertFalse(has(complex(3, 3, c -> c), "MDT_DISCUSSION"));
    assertFalse(has(complex(4, 2, c -> c), "MDT_DISCUSSION"), "not high risk");
    assertFalse(has(complex(3, 3, c -> c), "MDT_DISCUSSION"));
    assertTrue(evaluate(rules.withThresholds(Thresholds.builder().mdtConditions(3).build()), complex(3, 3, c -> c))
        .codes().contains("MDT_DISCUSSION"));
  }

  @Test
  void noMdtRecommendationWithinMdtRecentDaysOfTheLastOne() {
    assertFalse(has(complex(4, 3, c -> c.addMdtDiscussions(mdt(AS_OF.minusDays(180)))), "MDT_DISCUSSION"));
    assertTrue(has(complex(4, 3, c -> c.addMdtDiscussions(mdt(AS_OF.minusDays(181)))), "MDT_DISCUSSION"));
  }

  // --- Appointments and communication ---

  @Test
  void reviewAppointmentUseFromFrequentGpAppointments() {
    Finding f = rec(person(p -> p.serviceUse(ServiceUse.builder().gpAppointments(12).build()), c -> c), "REVIEW_APPOINTMENT_USE");
    assertTrue(f.text().contains("unnecessary appointments"));
    assertFalse(has(person(p -> p.serviceUse(ServiceUse.builder().gpAppointments(11).build()), c -> c), "REVIEW_APPOINTMENT_USE"));
  }

  /** The count is a rolling twelve months: it changes by itself, so a declined review must not come back with it. */
  @Property(tries = 30)
  void reviewAppointmentUseFingerprintDoesNotFollowTheRollingCount(@ForAll @IntRange(min = 12, max = 200) int appointments) {
    assertEquals(appointmentUseFingerprint(12), appointmentUseFingerprint(appointments));
  }

  private static String appointmentUseFingerprint(int gpAppointments) {
    return rec(person(p -> p.serviceUse(ServiceUse.builder().gpAppointments(gpAppointments).build()), c -> c),
        "REVIEW_APPOINTMENT_USE").factsFingerprint();
  }

  @Test
  void communicationSupportBeforeTheNextContact() {
    Finding f = rec(person(p -> p.addCommunicationNeeds(CommunicationNeed.BSL_INTERPRETER, CommunicationNeed.EASY_READ), c -> c), "ARRANGE_COMMUNICATION_SUPPORT");
    assertTrue(f.text().contains("bsl interpreter, easy read"), f.text());
    assertFalse(has(person(c -> c), "ARRANGE_COMMUNICATION_SUPPORT"));
  }

  // --- Whole-case properties ---

  static PatientCase everything(boolean reversed) {
    List<Carer> carers = new ArrayList<>(List.of(carer("carer-1", CarerNeed.FINANCIAL, CarerNeed.RESPITE), carer("carer-2", CarerNeed.YOUNG_CARER)));
    List<PamAssessment> pams = new ArrayList<>(List.of(PamAssessment.of(40.0, AS_OF.minusMonths(8)), PamAssessment.of(35.0, AS_OF.minusMonths(20))));
    List<Goal> goals = new ArrayList<>(List.of(goal("g-1", GoalAchievementStatus.NO_PROGRESS, AS_OF.minusDays(120)),
        goal("g-2", GoalAchievementStatus.WORSENING, AS_OF.minusDays(95))));
    List<PendingDecision> decisions = new ArrayList<>(List.of(decision("d-1", AS_OF.plusDays(10)), decision("d-2", null)));
    if (reversed) {
      Collections.reverse(carers);
      Collections.reverse(pams);
      Collections.reverse(goals);
      Collections.reverse(decisions);
    }
    PlanContent plan = (planContent(CarePlanStatus.ACTIVE)).nextReviewOn(AS_OF.minusDays(3)).addAllGoals(goals).build();
    return PatientCase.builder()
        .patient(patient(p -> p.dateOfBirth(AS_OF.minusYears(86)).addFlags(ClinicalFlag.HOUSEBOUND)
            .addConditions(conditions(4)).serviceUse(ServiceUse.builder().emergencyAdmissions(2).gpAppointments(15).build())
            .addAllCarers(carers).addCommunicationNeeds(CommunicationNeed.LARGE_PRINT)))
        .coordinatorId("cc-1")
        .addAllPamAssessments(pams)
        .plan(PersonalisedCarePlan.create("plan-1", AS_OF.minusMonths(3), plan))
        .addAllPendingDecisions(decisions)
        .build();
  }

  @Test
  void everyRuleCanFireTogetherAndEachRecommendationIsRecorded() {
    PatientEvaluation e = evaluate(everything(false));
    Set<String> expected = Set.of("PAM_LEVEL_1_SMALL_STEPS", "PAM_REMEASURE", "PLAN_SHARE", "PLAN_REVIEW_OVERDUE",
        "GOAL_STALLED", "CARER_SUPPORT", "BENEFITS_ADVICE", "PERSONAL_HEALTH_BUDGET", "SHARED_DECISION_SUPPORT",
        "REFER_SOCIAL_PRESCRIBING", "MDT_DISCUSSION", "REVIEW_APPOINTMENT_USE", "ARRANGE_COMMUNICATION_SUPPORT");
    assertTrue(e.codes().containsAll(expected), () -> "missing " + expected.stream().filter(c -> !e.codes().contains(c)).toList());
    // Most urgent first.
    List<Priority> priorities = e.recommendations().stream().map(Finding::priority).toList();
    List<Priority> sorted = new ArrayList<>(priorities);
    Collections.sort(sorted);
    assertEquals(sorted, priorities);
  }

  @Test
  void resultsDoNotDependOnTheOrderOfTheCase() {
    assertEquals(evaluate(everything(false)).recommendations(), evaluate(everything(true)).recommendations());
  }

  @Test
  void fingerprintsHoldNoValuesThatChangeByThemselves() {
    PatientCase c = everything(false);
    PatientEvaluation now = evaluate(c);
    PatientEvaluation later = evaluate(rules.asOf(AS_OF.plusDays(5)), c);
    for (String code : List.of("PAM_LEVEL_1_SMALL_STEPS", "PAM_REMEASURE", "PLAN_REVIEW_OVERDUE", "GOAL_STALLED", "MDT_DISCUSSION")) {
      assertEquals(find(now, code).orElseThrow().factsFingerprint(), find(later, code).orElseThrow().factsFingerprint(), code);
    }
    // A new PAM at the same level is a change of facts.
    PatientCase remeasured = PatientCase.builder().from(c).addPamAssessments(PamAssessment.of(41.0, AS_OF.minusDays(1))).build();
    assertNotEquals(find(now, "PAM_LEVEL_1_SMALL_STEPS").orElseThrow().factsFingerprint(),
        find(evaluate(remeasured), "PAM_LEVEL_1_SMALL_STEPS").orElseThrow().factsFingerprint());
  }

  // --- The rule-author scenarios for this rule set ---

  @Test
  void recommendationScenariosAreValidCases() throws Exception {
    Path dir = Path.of(RecommendationRulesTest.class.getResource("/scenarios/recommendations").toURI());
    List<Path> files = Scenario.find(dir);
    assertTrue(files.size() >= 12, "at least 12 scenarios, found " + files.size());
    for (Path file : files) {
      JsonNode root = CareJson.mapper().readTree(Files.readString(file));
      assertTrue(root.hasNonNull("description"), file.toString());
      PatientCase c = CareJson.mapper().treeToValue(root.get("case"), PatientCase.class);
      assertTrue(c.patient().nhsNumber().isSyntheticRange(), file + ": NHS number must be from the 999 range");
      Scenario.Result result = Scenario.read(file).run(rules);
      assertTrue(result.passed(), () -> file.getFileName() + ": " + result.problems() + "; actual " + result.actualCodes());
    }
  }
}
