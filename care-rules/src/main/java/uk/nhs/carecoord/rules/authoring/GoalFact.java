package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;

/** A goal in the current plan version. */
public final class GoalFact {
  private final String goalId;
  private final GoalLifecycleStatus lifecycleStatus;
  private final GoalAchievementStatus achievementStatus;
  private final LocalDate startOn;
  private final LocalDate targetOn;
  private final LocalDate statusChangedOn;

  /** Made by the engine; public for rule tests. */
  public GoalFact(String goalId, GoalLifecycleStatus lifecycleStatus, GoalAchievementStatus achievementStatus, LocalDate startOn, LocalDate targetOn, LocalDate statusChangedOn) {
    this.goalId = goalId;
    this.lifecycleStatus = lifecycleStatus;
    this.achievementStatus = achievementStatus;
    this.startOn = startOn;
    this.targetOn = targetOn;
    this.statusChangedOn = statusChangedOn;
  }

  /** Goal identifier. */
  public String getGoalId() {
    return goalId;
  }

  /** FHIR lifecycle status. */
  public GoalLifecycleStatus getLifecycleStatus() {
    return lifecycleStatus;
  }

  /** FHIR achievement status, or null. */
  public GoalAchievementStatus getAchievementStatus() {
    return achievementStatus;
  }

  /** Start date, or null. */
  public LocalDate getStartOn() {
    return startOn;
  }

  /** Target date, or null. */
  public LocalDate getTargetOn() {
    return targetOn;
  }

  /** When the achievement status last changed, or null. */
  public LocalDate getStatusChangedOn() {
    return statusChangedOn;
  }

  @Override
  public String toString() {
    return "GoalFact[" + "goalId=" + goalId + ", " + "lifecycleStatus=" + lifecycleStatus + ", " + "achievementStatus=" + achievementStatus + ", " + "startOn=" + startOn + ", " + "targetOn=" + targetOn + ", " + "statusChangedOn=" + statusChangedOn + "]";
  }
}
