package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.ConcernCategory;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.GpDiscussion;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/** Safeguarding obligations at their deadline boundary, with and without a named GP supervisor. */
class SafeguardingRulesTest {
  static final LocalDate AS_OF = CohortRulesTest.AS_OF;
  static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = CareRules.builder().asOf(AS_OF).build();
  }

  static PatientCase withConcern(SafeguardingConcern concern) {
    PatientCase base = CohortRulesTest.person(40, b -> b);
    return PatientCase.builder().from(base).coordinatorId("cc-1").addSafeguardingConcerns(concern).build();
  }

  static SafeguardingConcern concern(ConcernStatus status, LocalDate raisedOn) {
    return SafeguardingConcern.builder().id("sc-1").category(ConcernCategory.DOMESTIC_ABUSE).raisedOn(raisedOn).status(status).build();
  }

  static List<Finding> obligations(PatientCase c) {
    return rules.evaluate(c).obligations();
  }

  @Test
  void undiscussedConcernIsHighPriorityUntilItsDeadline() {
    Finding f = obligations(withConcern(concern(ConcernStatus.OPEN, AS_OF.minusDays(2)))).get(0);
    assertEquals("DISCUSS_SAFEGUARDING_CONCERN", f.code());
    assertEquals("sc-1", f.subject());
    assertEquals(Priority.HIGH, f.priority());
    assertEquals(AS_OF, f.dueOn().orElseThrow());
  }

  @Test
  void undiscussedConcernEscalatesTheDayAfterItsDeadline() {
    List<Finding> found = obligations(withConcern(concern(ConcernStatus.OPEN, AS_OF.minusDays(3))));
    assertEquals(1, found.size());
    assertEquals(Priority.URGENT, found.get(0).priority());
    assertTrue(found.get(0).text().startsWith("Overdue"));
  }

  @Test
  void referredButUndiscussedStillNeedsTheGp() {
    assertEquals("DISCUSS_SAFEGUARDING_CONCERN", obligations(withConcern(concern(ConcernStatus.REFERRED, AS_OF))).get(0).code());
  }

  @Test
  void discussedOpenConcernStaysUnderReview() {
    SafeguardingConcern discussed = SafeguardingConcern.builder().from(concern(ConcernStatus.OPEN, AS_OF.minusDays(10)))
        .gpDiscussion(GpDiscussion.of("Dr A Example", AS_OF.minusDays(9))).build();
    List<Finding> found = obligations(withConcern(discussed));
    assertEquals(1, found.size());
    assertEquals("FOLLOW_UP_SAFEGUARDING_CONCERN", found.get(0).code());
  }

  @Test
  void closedConcernNeedsNothing() {
    assertTrue(obligations(withConcern(concern(ConcernStatus.CLOSED, AS_OF.minusDays(30)))).isEmpty());
  }

  @Test
  void namesTheGpSupervisorWhenThePcnHasOne() {
    Pcn pcn = Pcn.builder().code("U99999").name("Example PCN").addPractices(Practice.of("Y90001", "Example Surgery"))
        .addCoordinators(CareCoordinator.builder().id("cc-1").name("Sam Example").startedOn(AS_OF.minusYears(1)).build())
        .addSupervision(SupervisionArrangement.builder().coordinatorId("cc-1")
            .gpSupervisor(NamedContact.of("Dr B Example", "GP partner")).build())
        .build();
    PatientCase c = withConcern(concern(ConcernStatus.OPEN, AS_OF));
    assertTrue(rules.evaluate(c, pcn).obligations().get(0).text().contains("Dr B Example"));
    assertTrue(rules.evaluate(c).obligations().get(0).text().contains("no GP supervisor named"));
  }

  @Test
  void deadlineIsConfiguration() {
    PatientCase c = withConcern(concern(ConcernStatus.OPEN, AS_OF.minusDays(3)));
    Finding f = rules.withThresholds(Thresholds.builder().safeguardingDiscussionDays(5).build()).evaluate(c).obligations().get(0);
    assertEquals(Priority.HIGH, f.priority());
  }
}
