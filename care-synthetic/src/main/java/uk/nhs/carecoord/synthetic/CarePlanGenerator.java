package uk.nhs.carecoord.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.nhs.carecoord.model.ActionOwner;
import uk.nhs.carecoord.model.ActionOwnerKind;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;
import uk.nhs.carecoord.model.ImmutablePlanContent;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanAction;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.SupportContact;

/**
 * Generates one person's personalised care and support plan: its versions, with goals, actions and
 * support contacts that change from one amendment to the next. Kept apart from {@link
 * PatientGenerator} because the plan is the largest part of a case; it draws from the person's own
 * {@link Rng}, so the plan's draws stay in the same place in that person's sequence.
 */
final class CarePlanGenerator {
  private static final ActionOwner PATIENT_OWNER = ActionOwner.of(ActionOwnerKind.PATIENT);
  private static final ActionOwner CARER_OWNER = ActionOwner.of(ActionOwnerKind.CARER);
  private static final ActionOwner COORDINATOR_OWNER = ActionOwner.of(ActionOwnerKind.CARE_COORDINATOR);

  private static final CarePlanStatus[] PLAN_STATUSES = {
    CarePlanStatus.ACTIVE, CarePlanStatus.DRAFT, CarePlanStatus.ON_HOLD, CarePlanStatus.COMPLETED, CarePlanStatus.REVOKED
  };
  private static final double[] PLAN_STATUS_WEIGHTS = {72, 10, 5, 9, 4};

  private static final GoalLifecycleStatus[] NEW_GOAL_STATUSES = {
    GoalLifecycleStatus.ACTIVE, GoalLifecycleStatus.ACCEPTED, GoalLifecycleStatus.PROPOSED, GoalLifecycleStatus.PLANNED
  };
  private static final double[] NEW_GOAL_WEIGHTS = {55, 20, 15, 10};
  private static final GoalAchievementStatus[] PROGRESS = {
    GoalAchievementStatus.IMPROVING,
    GoalAchievementStatus.NO_CHANGE,
    GoalAchievementStatus.WORSENING,
    GoalAchievementStatus.NO_PROGRESS,
    GoalAchievementStatus.IN_PROGRESS
  };
  private static final double[] PROGRESS_WEIGHTS = {35, 20, 15, 15, 15};

  private final Rng r;
  private final LocalDate asOf;
  private final int index;
  private final LocalDate born;
  private final int coordinatorIndex;
  private final List<String> coordinatorNames;
  private final boolean hasCarers;

  /**
   * A generator for the plan of the person with this index, born on {@code born}, held by the
   * co-ordinator with this index ({@code -1} if none) and with carers or not.
   */
  CarePlanGenerator(
      Rng r,
      LocalDate asOf,
      int index,
      LocalDate born,
      int coordinatorIndex,
      List<String> coordinatorNames,
      boolean hasCarers) {
    this.r = r;
    this.asOf = asOf;
    this.index = index;
    this.born = born;
    this.coordinatorIndex = coordinatorIndex;
    this.coordinatorNames = coordinatorNames;
    this.hasCarers = hasCarers;
  }

  /** The plan: one to three versions, the first created and any others amending it. */
  PersonalisedCarePlan generate() {
    int versions = r.chance(0.3) ? (r.chance(0.33) ? 3 : 2) : 1;
    LocalDate[] dates = new LocalDate[versions];
    dates[0] = r.daysAgo(asOf, 7, 900, born);
    for (int i = 1; i < versions; i++) {
      LocalDate next = dates[i - 1].plusDays(1);
      dates[i] = r.dateBetween(next.isAfter(asOf) ? asOf : next, asOf);
    }
    CarePlanStatus finalStatus = r.weighted(PLAN_STATUSES, PLAN_STATUS_WEIGHTS);
    PlanDraft draft = new PlanDraft(r.pick(Phrases.WHAT_MATTERS));
    PersonalisedCarePlan plan = null;
    for (int i = 0; i < versions; i++) {
      boolean last = i == versions - 1;
      LocalDate on = dates[i];
      CarePlanStatus status = last ? finalStatus : i == 0 && r.chance(0.3) ? CarePlanStatus.DRAFT : CarePlanStatus.ACTIVE;
      draft.advance(on, i == 0, last);
      PlanContent content = draft.content(status, on, last);
      plan =
          plan == null
              ? PersonalisedCarePlan.create("pcsp-" + PatientGenerator.patientId(index).substring(3), on, content)
              : plan.amend(on, r.pick(Phrases.AMENDMENT_REASONS), content);
    }
    return plan;
  }

  /** The goals and actions of a plan as they change from version to version. */
  private final class PlanDraft {
    private String whatMatters;
    private final List<GoalDraft> goals = new ArrayList<>();
    private final List<ActionDraft> actions = new ArrayList<>();
    private final List<SupportContact> supportContacts = new ArrayList<>();
    private LocalDate agreedOn;
    private LocalDate previous;

    PlanDraft(String whatMatters) {
      this.whatMatters = whatMatters;
      if (coordinatorIndex >= 0) {
        supportContacts.add(
            SupportContact.builder()
                .name(coordinatorNames.get(coordinatorIndex))
                .role("Care co-ordinator")
                .telephone(Phrases.telephone(100 + coordinatorIndex))
                .build());
      } else {
        supportContacts.add(SupportContact.builder().name("Practice team").role("Practice reception").build());
      }
      int extra = r.weighted(40, 40, 20);
      for (int i = 0; i < extra; i++) {
        String role = Phrases.SUPPORT_ROLES.get((index + i) % Phrases.SUPPORT_ROLES.size());
        supportContacts.add(
            SupportContact.builder().name(role).role(role).telephone(Phrases.telephone(r.between(200, 999))).build());
      }
    }

    void advance(LocalDate on, boolean first, boolean last) {
      if (first) {
        int n = 1 + r.weighted(35, 35, 20, 10);
        for (int i = 0; i < n; i++) {
          goals.add(new GoalDraft("goal-" + (goals.size() + 1), on));
        }
      } else {
        if (r.chance(0.2)) {
          whatMatters = r.pick(Phrases.WHAT_MATTERS);
        }
        for (GoalDraft g : goals) {
          if (r.chance(0.6)) {
            g.progress(on);
          }
        }
        if (r.chance(0.3)) {
          goals.add(new GoalDraft("goal-" + (goals.size() + 1), on));
        }
        for (ActionDraft a : actions) {
          if (a.completedOn == null && a.dueOn.isBefore(on) && r.chance(0.6)) {
            a.completedOn = r.dateBetween(previous, on);
          }
        }
      }
      int newActions = first ? 1 + r.weighted(25, 35, 20, 12, 8) : r.chance(0.5) ? 1 : 0;
      for (int i = 0; i < newActions; i++) {
        actions.add(new ActionDraft("action-" + (actions.size() + 1), on, goals));
      }
      if (last) {
        // Time passes to the reference date: some actions done, others overdue.
        for (ActionDraft a : actions) {
          if (a.completedOn == null) {
            boolean due = !a.dueOn.isAfter(asOf);
            if (r.chance(due ? 0.6 : 0.15)) {
              LocalDate latest = a.dueOn.plusDays(30);
              a.completedOn = r.dateBetween(on, latest.isAfter(asOf) ? asOf : latest);
            }
          }
        }
      }
      previous = on;
    }

    PlanContent content(CarePlanStatus status, LocalDate on, boolean last) {
      ImmutablePlanContent.Builder c =
          PlanContent.builder().status(status).whatMattersToMe(whatMatters);
      for (GoalDraft g : goals) {
        c.addGoals(g.build());
      }
      for (ActionDraft a : actions) {
        c.addActions(a.build());
      }
      c.supportContacts(supportContacts);
      if (status != CarePlanStatus.DRAFT) {
        if (agreedOn == null || r.chance(0.5)) {
          agreedOn = on.plusDays(r.between(0, 14));
          agreedOn = agreedOn.isAfter(asOf) ? asOf : agreedOn;
        }
        c.agreedOn(agreedOn);
        if (r.chance(0.95)) {
          LocalDate review;
          if (last && r.chance(0.25) && agreedOn.isBefore(asOf)) {
            LocalDate from = agreedOn.isAfter(asOf.minusDays(150)) ? agreedOn : asOf.minusDays(150);
            review = r.dateBetween(from, asOf.minusDays(1));
          } else if (last) {
            review = asOf.plusDays(r.between(1, 300));
          } else {
            review = agreedOn.plusDays(r.between(90, 365));
          }
          c.nextReviewOn(review);
        }
        c.sharedWithPatient(r.chance(last ? 0.8 : 0.7));
      }
      return c.build();
    }
  }

  /** A goal whose status moves on between versions. */
  private final class GoalDraft {
    private final String id;
    private final String description;
    private final LocalDate startOn;
    private final LocalDate targetOn;
    private GoalLifecycleStatus lifecycle;
    private GoalAchievementStatus achievement;
    private LocalDate changedOn;

    GoalDraft(String id, LocalDate on) {
      this.id = id;
      this.description = r.pick(Phrases.GOALS);
      this.startOn = on;
      this.targetOn = on.plusDays(r.between(30, 365));
      this.lifecycle =
          r.weighted(NEW_GOAL_STATUSES, NEW_GOAL_WEIGHTS);
      if (lifecycle == GoalLifecycleStatus.ACTIVE && r.chance(0.6)) {
        achievement = GoalAchievementStatus.IN_PROGRESS;
        changedOn = on;
      }
    }

    void progress(LocalDate on) {
      switch (lifecycle) {
        case PROPOSED, PLANNED, ACCEPTED -> {
          lifecycle = r.chance(0.85) ? GoalLifecycleStatus.ACTIVE : GoalLifecycleStatus.REJECTED;
          achievement = lifecycle == GoalLifecycleStatus.ACTIVE ? GoalAchievementStatus.IN_PROGRESS : null;
        }
        case ACTIVE, ON_HOLD -> {
          int next = r.weighted(45, 20, 8, 4, 23);
          if (next == 0) {
            lifecycle = GoalLifecycleStatus.ACTIVE;
            achievement = r.weighted(PROGRESS, PROGRESS_WEIGHTS);
          } else if (next == 1) {
            lifecycle = GoalLifecycleStatus.COMPLETED;
            achievement = r.chance(0.85) ? GoalAchievementStatus.ACHIEVED : GoalAchievementStatus.SUSTAINING;
          } else if (next == 2) {
            lifecycle = GoalLifecycleStatus.ON_HOLD;
          } else if (next == 3) {
            lifecycle = GoalLifecycleStatus.CANCELLED;
            achievement = r.chance(0.5) ? GoalAchievementStatus.NOT_ATTAINABLE : GoalAchievementStatus.NOT_ACHIEVED;
          } else {
            return; // no change recorded
          }
        }
        default -> {
          return; // completed, cancelled, rejected: final
        }
      }
      changedOn = on;
    }

    Goal build() {
      return Goal.builder()
          .id(id)
          .description(description)
          .lifecycleStatus(lifecycle)
          .achievementStatus(Optional.ofNullable(achievement))
          .startOn(startOn)
          .targetOn(targetOn)
          .statusChangedOn(Optional.ofNullable(achievement == null ? null : changedOn))
          .build();
    }
  }

  /** An action: due some time after it is agreed, done or not. */
  private final class ActionDraft {
    private final String id;
    private final Phrases.ActionText text;
    private final LocalDate dueOn;
    private final String goalId;
    private LocalDate completedOn;

    ActionDraft(String id, LocalDate on, List<GoalDraft> goals) {
      this.id = id;
      this.text = r.pick(Phrases.ACTIONS);
      this.dueOn = on.plusDays(r.between(7, 180));
      this.goalId = r.chance(0.8) ? r.pick(goals).id : null;
    }

    PlanAction build() {
      ActionOwner owner =
          switch (text.owner()) {
            case Phrases.PATIENT -> PATIENT_OWNER;
            case Phrases.CARER -> hasCarers ? CARER_OWNER : PATIENT_OWNER;
            case Phrases.COORDINATOR -> COORDINATOR_OWNER;
            default -> ActionOwner.service(text.owner());
          };
      return PlanAction.builder()
          .id(id)
          .description(text.description())
          .owner(owner)
          .dueOn(dueOn)
          .goalId(Optional.ofNullable(goalId))
          .completedOn(Optional.ofNullable(completedOn))
          .build();
    }
  }
}
