package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.Acknowledgement;
import uk.nhs.carecoord.model.AcknowledgementDecision;
import uk.nhs.carecoord.model.AcknowledgementReason;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * The acknowledgement rules (acknowledgements.drl): a declined recommendation is held back while
 * its facts are unchanged, for declinedSnoozeDays after the decline.
 */
class AcknowledgementRulesTest {
  static final LocalDate AS_OF = RecommendationRulesTest.AS_OF;
  static final String HELD_BACK = "Declined recommendation held back while its facts are unchanged";
  static final String LEVEL_1 = "PAM_LEVEL_1_SMALL_STEPS";
  static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = CareRules.builder().asOf(AS_OF).build();
  }

  /** A person whose latest PAM (level 1) was 10 days ago. */
  static PatientCase levelOne() {
    return RecommendationRulesTest.person(c -> c.addPamAssessments(PamAssessment.of(40.0, AS_OF.minusDays(10))));
  }

  static Acknowledgement answer(String code, AcknowledgementDecision decision, AcknowledgementReason reason, LocalDate on, String fingerprint) {
    return Acknowledgement.builder().recommendationCode(code).decision(decision).reason(reason)
        .recordedOn(on).coordinatorId("cc-1").factsFingerprint(Optional.ofNullable(fingerprint)).build();
  }

  static Acknowledgement declined(String code, LocalDate on, String fingerprint) {
    return answer(code, AcknowledgementDecision.DECLINED, AcknowledgementReason.PERSON_DECLINED, on, fingerprint);
  }

  static PatientCase with(PatientCase c, Acknowledgement... acks) {
    return PatientCase.builder().from(c).addAcknowledgements(acks).build();
  }

  static String fingerprint(PatientCase c, String code) {
    return raised(rules.evaluate(c), code).orElseThrow(() -> new AssertionError(code + " not raised")).factsFingerprint();
  }

  static Optional<Finding> raised(PatientEvaluation e, String code) {
    return e.recommendations().stream().filter(f -> f.code().equals(code)).findFirst();
  }

  static Optional<Finding> held(PatientEvaluation e, String code) {
    return e.suppressed().stream().filter(f -> f.code().equals(code)).findFirst();
  }

  static void assertHeldBack(PatientEvaluation e, String code) {
    assertTrue(held(e, code).isPresent(), () -> code + " should be held back; raised " + e.codes());
    assertFalse(raised(e, code).isPresent(), () -> code + " should not also be raised");
  }

  static void assertRaised(PatientEvaluation e, String code) {
    assertTrue(raised(e, code).isPresent(), () -> code + " should be raised; held back " + e.suppressed());
    assertFalse(held(e, code).isPresent(), () -> code + " should not also be held back");
  }

  @Test
  void declinedRecommendationIsHeldBackWithTheRuleThatHeldItBack() {
    PatientCase c = levelOne();
    String fp = fingerprint(c, LEVEL_1);
    PatientEvaluation e = rules.evaluate(with(c, declined(LEVEL_1, AS_OF, fp)));
    assertHeldBack(e, LEVEL_1);
    assertRaised(e, "REFER_SOCIAL_PRESCRIBING"); // other recommendations are untouched
    assertFalse(e.codes().contains(LEVEL_1));

    Finding f = held(e, LEVEL_1).orElseThrow();
    assertEquals(fp, f.factsFingerprint());
    DecisionRecord record = f.decisions().stream().filter(d -> d.rule().equals(HELD_BACK)).findFirst().orElseThrow();
    assertEquals("acknowledgements", record.ruleSet());
    assertEquals("2026.11.1", record.ruleSetVersion());
    assertEquals(AS_OF.plusDays(90).toString(), record.facts().get("heldBackUntil"));
    assertEquals("PERSON_DECLINED", record.facts().get("declineReason"));
    assertFalse(record.reasons().isEmpty());
    assertTrue(f.decisions().stream().anyMatch(d -> d.ruleSet().equals("recommendations")), "keeps the recommendation's own record");
  }

  @Test
  void heldBackForDeclinedSnoozeDaysThenRaisedAgain() {
    PatientCase c = levelOne();
    PatientCase answered = with(c, declined(LEVEL_1, AS_OF, fingerprint(c, LEVEL_1)));
    assertHeldBack(rules.asOf(AS_OF.plusDays(90)).evaluate(answered), LEVEL_1);
    assertRaised(rules.asOf(AS_OF.plusDays(91)).evaluate(answered), LEVEL_1);
  }

  @Test
  void declineRecordedExactlyDeclinedSnoozeDaysAgoStillHolds() {
    PatientCase c = levelOne();
    String fp = fingerprint(c, LEVEL_1);
    assertHeldBack(rules.evaluate(with(c, declined(LEVEL_1, AS_OF.minusDays(90), fp))), LEVEL_1);
    assertRaised(rules.evaluate(with(c, declined(LEVEL_1, AS_OF.minusDays(91), fp))), LEVEL_1);
  }

  @Test
  void snoozePeriodIsConfiguration() {
    PatientCase c = levelOne();
    String fp = fingerprint(c, LEVEL_1);
    CareRules shorter = rules.withThresholds(Thresholds.builder().declinedSnoozeDays(30).build());
    assertHeldBack(shorter.evaluate(with(c, declined(LEVEL_1, AS_OF.minusDays(30), fp))), LEVEL_1);
    assertRaised(shorter.evaluate(with(c, declined(LEVEL_1, AS_OF.minusDays(31), fp))), LEVEL_1);
  }

  @Test
  void changedFactsRaiseItAgain() {
    PatientCase c = levelOne();
    PatientCase answered = with(c, declined(LEVEL_1, AS_OF.minusDays(5), fingerprint(c, LEVEL_1)));
    // A new assessment, still level 1: the facts (score and date) changed, so it is raised again.
    PatientCase remeasured = PatientCase.builder().from(answered).addPamAssessments(PamAssessment.of(44.0, AS_OF.minusDays(1))).build();
    PatientEvaluation e = rules.evaluate(remeasured);
    assertRaised(e, LEVEL_1);
    assertNotEquals(fingerprint(c, LEVEL_1), raised(e, LEVEL_1).orElseThrow().factsFingerprint());
  }

  @Test
  void acceptedRecommendationIsNotHeldBack() {
    PatientCase c = levelOne();
    String fp = fingerprint(c, LEVEL_1);
    assertRaised(rules.evaluate(with(c, answer(LEVEL_1, AcknowledgementDecision.ACCEPTED, AcknowledgementReason.WILL_ACT, AS_OF, fp))), LEVEL_1);
  }

  @Test
  void aLaterAcceptanceReplacesAnEarlierDecline() {
    PatientCase c = levelOne();
    String fp = fingerprint(c, LEVEL_1);
    Acknowledgement no = declined(LEVEL_1, AS_OF.minusDays(5), fp);
    Acknowledgement yes = answer(LEVEL_1, AcknowledgementDecision.ACCEPTED, AcknowledgementReason.WILL_ACT, AS_OF.minusDays(2), fp);
    assertRaised(rules.evaluate(with(c, no, yes)), LEVEL_1);
    assertRaised(rules.evaluate(with(c, yes, no)), LEVEL_1);
    // Declined again after accepting: held back again.
    assertHeldBack(rules.evaluate(with(c, no, yes, declined(LEVEL_1, AS_OF, fp))), LEVEL_1);
  }

  @Test
  void declineNeedsTheSameCodeAndAFingerprint() {
    PatientCase c = levelOne();
    String fp = fingerprint(c, LEVEL_1);
    assertRaised(rules.evaluate(with(c, declined("PAM_LEVEL_2_BUILD_SKILLS", AS_OF, fp))), LEVEL_1);
    assertRaised(rules.evaluate(with(c, declined(LEVEL_1, AS_OF, null))), LEVEL_1);
    assertRaised(rules.evaluate(with(c, declined(LEVEL_1, AS_OF, "0123456789abcdef"))), LEVEL_1);
  }

  @Test
  void declineHoldsBackOnlyTheGoalItWasAbout() {
    PlanContent plan = PlanContent.builder().status(CarePlanStatus.ACTIVE).whatMattersToMe("Getting out of the house")
        .agreedOn(AS_OF.minusMonths(6)).nextReviewOn(AS_OF.plusMonths(1)).sharedWithPatient(true)
        .addGoals(stalled("g-1"), stalled("g-2")).build();
    PatientCase c = RecommendationRulesTest.person(x -> x.plan(PersonalisedCarePlan.create("plan-1", AS_OF.minusMonths(6), plan)));
    String fpGoal1 = rules.evaluate(c).recommendations().stream()
        .filter(f -> f.code().equals("GOAL_STALLED") && f.subject().equals("g-1")).findFirst().orElseThrow().factsFingerprint();
    PatientEvaluation e = rules.evaluate(with(c, declined("GOAL_STALLED", AS_OF, fpGoal1)));
    assertEquals(List.of("g-1"), e.suppressed().stream().map(Finding::subject).toList());
    assertEquals(List.of("g-2"), e.recommendations().stream().filter(f -> f.code().equals("GOAL_STALLED")).map(Finding::subject).toList());
  }

  static Goal stalled(String id) {
    return Goal.builder().id(id).description("Walk to the park").lifecycleStatus(GoalLifecycleStatus.ACTIVE)
        .achievementStatus(GoalAchievementStatus.NO_CHANGE).statusChangedOn(AS_OF.minusDays(120)).build();
  }

  @Test
  void staleMeasureStaysHeldBackAsTimePasses() {
    PatientCase c = RecommendationRulesTest.person(x -> x.addPamAssessments(PamAssessment.of(60.0, AS_OF.minusMonths(8))));
    PatientCase answered = with(c, declined("PAM_REMEASURE", AS_OF, fingerprint(c, "PAM_REMEASURE")));
    assertHeldBack(rules.asOf(AS_OF.plusDays(60)).evaluate(answered), "PAM_REMEASURE");
  }

  @Test
  void twoDeclinesOfOneRecommendationGiveTheSameResultInAnyOrder() {
    PatientCase c = levelOne();
    String fp = fingerprint(c, LEVEL_1);
    Acknowledgement a = declined(LEVEL_1, AS_OF.minusDays(3), fp);
    Acknowledgement b = answer(LEVEL_1, AcknowledgementDecision.DECLINED, AcknowledgementReason.NOT_APPROPRIATE, AS_OF.minusDays(3), fp);
    Acknowledgement older = answer(LEVEL_1, AcknowledgementDecision.DECLINED, AcknowledgementReason.OTHER, AS_OF.minusDays(20), fp);
    PatientEvaluation one = rules.evaluate(with(c, a, b, older));
    PatientEvaluation two = rules.evaluate(with(c, older, b, a));
    assertEquals(one, two);
    Finding f = held(one, LEVEL_1).orElseThrow();
    List<DecisionRecord> holds = f.decisions().stream().filter(d -> d.rule().equals(HELD_BACK)).toList();
    assertEquals(1, holds.size());
    assertEquals("PERSON_DECLINED", holds.get(0).facts().get("declineReason"));
    assertEquals(AS_OF.minusDays(3).plusDays(90).toString(), holds.get(0).facts().get("heldBackUntil"));
  }
}
