package uk.nhs.carecoord.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.ClusterMeaning;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.ConcernCategory;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.MdtDiscussion;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PendingDecision;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.PlanVersion;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * Copies of a generated case with one date or age moved onto a rule's boundary, and one day past
 * it: generated dates almost never land exactly there, so without these an off-by-one day in the
 * floor (strict or not, before or after) would agree with the rules on every generated person.
 * Each boundary yields a copy only where the case allows it (a plan with goals, an adult...).
 */
final class BoundaryCases {
  private final Thresholds t;
  private final LocalDate asOf;
  private final String cancerCode;

  BoundaryCases(Thresholds thresholds, LocalDate asOf, CodeClusters clusters) {
    this.t = thresholds;
    this.asOf = asOf;
    this.cancerCode = clusters.clusters().stream()
        .filter(c -> c.meaning() == ClusterMeaning.CANCER)
        .flatMap(c -> c.codes().keySet().stream()).findFirst().orElseThrow();
  }

  /** The boundary copies of {@code c}: for each boundary, on it (past = 0) and a day past it (past = 1). */
  List<PatientCase> of(PatientCase c) {
    List<PatientCase> out = new ArrayList<>();
    Patient p = c.patient();
    for (int past = 0; past <= 1; past++) {
      // PAM exactly pamRemeasureMonths old (not yet due), then a day older.
      LocalDate assessed = asOf.minusMonths(t.getPamRemeasureMonths()).minusDays(past);
      if (!assessed.isBefore(p.dateOfBirth())) {
        double score = c.pamHistory().latest().map(PamAssessment::score).orElse(50.0);
        out.add(PatientCase.builder().from(c).pamAssessments(List.of(PamAssessment.of(score, assessed))).build());
      }
      // Decision exactly decisionSupportLeadDays away (within), then a day further.
      out.add(PatientCase.builder().from(c).addPendingDecisions(PendingDecision.builder().id("boundary-decision")
          .topic("Whether to start a new treatment")
          .decideBy(asOf.plusDays(t.getDecisionSupportLeadDays() + past)).build()).build());
      // Safeguarding concern due for discussion today (not overdue), then due yesterday.
      // (Each dated copy only for people born by that date: the model refuses dates before birth.)
      LocalDate raised = asOf.minusDays(t.getSafeguardingDiscussionDays() + past);
      if (!raised.isBefore(p.dateOfBirth())) {
        out.add(PatientCase.builder().from(c).addSafeguardingConcerns(SafeguardingConcern.builder().id("boundary-concern")
            .category(ConcernCategory.values()[(p.id().hashCode() & 0xff) % ConcernCategory.values().length])
            .raisedOn(raised).build()).build());
      }
      // MDT exactly mdtRecentDays ago (recent), then a day earlier.
      LocalDate held = asOf.minusDays(t.getMdtRecentDays() + past);
      if (!held.isBefore(p.dateOfBirth())) {
        out.add(PatientCase.builder().from(c).addMdtDiscussions(MdtDiscussion.builder().id("boundary-mdt")
            .heldOn(held).outcome("Discussed").build()).build());
      }
      // Turns elderlyAge today (in the cohort), then tomorrow; only moves the birth date earlier.
      LocalDate born = asOf.minusYears(t.getElderlyAge()).plusDays(past);
      if (p.dateOfBirth().isAfter(born)) {
        out.add(withPatient(c, Patient.builder().from(p).dateOfBirth(born).build()));
      }
      // Cancer diagnosed exactly cancerLookbackMonths ago (no longer recent), then a day later (recent).
      // (Only for people born by then: the model refuses a diagnosis before birth.)
      LocalDate diagnosed = asOf.minusMonths(t.getCancerLookbackMonths()).plusDays(past);
      if (p.conditions().stream().noneMatch(k -> k.snomedCode().equals(cancerCode)) && !diagnosed.isBefore(p.dateOfBirth())) {
        LongTermCondition cancer = LongTermCondition.builder().snomedCode(cancerCode).diagnosedOn(diagnosed).build();
        out.add(withPatient(c, Patient.builder().from(p).addConditions(cancer).build()));
      }
    }
    c.plan().ifPresent(plan -> {
      PlanContent now = plan.current();
      boolean reviewable = now.status() == CarePlanStatus.ACTIVE || now.status() == CarePlanStatus.ON_HOLD;
      if (reviewable && now.agreedOn().map(a -> a.isBefore(asOf)).orElse(true)) {
        for (int past = 0; past <= 1; past++) {
          // Review due today (not overdue), then yesterday (overdue).
          out.add(withContent(c, plan, PlanContent.builder().from(now).nextReviewOn(asOf.minusDays(past)).build()));
        }
      }
      if (!now.goals().isEmpty() && !asOf.minusDays(t.getGoalStalledDays() + 1).isBefore(c.patient().dateOfBirth())) {
        for (int past = 0; past <= 1; past++) {
          // Status unchanged for exactly goalStalledDays (not stalled), then a day longer.
          List<Goal> goals = new ArrayList<>(now.goals());
          goals.set(0, Goal.builder().from(goals.get(0)).lifecycleStatus(GoalLifecycleStatus.ACTIVE)
              .achievementStatus(GoalAchievementStatus.NO_PROGRESS)
              .statusChangedOn(asOf.minusDays(t.getGoalStalledDays() + past)).build());
          out.add(withContent(c, plan, PlanContent.builder().from(now).goals(goals).build()));
        }
      }
    });
    return out;
  }

  private static PatientCase withPatient(PatientCase c, Patient p) {
    return PatientCase.builder().from(c).patient(p).build();
  }

  /** The case with the plan's current version holding other content. */
  private static PatientCase withContent(PatientCase c, PersonalisedCarePlan plan, PlanContent content) {
    List<PlanVersion> versions = new ArrayList<>(plan.versions());
    int last = versions.size() - 1;
    versions.set(last, PlanVersion.builder().from(versions.get(last)).content(content).build());
    return PatientCase.builder().from(c).plan(PersonalisedCarePlan.builder().from(plan).versions(versions).build()).build();
  }
}
