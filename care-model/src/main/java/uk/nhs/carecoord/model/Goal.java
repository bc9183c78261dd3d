package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A goal in a personalised care and support plan, in the person's own words. */
@Value.Immutable
@JsonSerialize(as = ImmutableGoal.class)
@JsonDeserialize(as = ImmutableGoal.class)
public abstract class Goal {

  /** Identifier, unique within the plan. */
  public abstract String id();

  /** What the person wants to achieve. */
  public abstract String description();

  /** FHIR R4 lifecycle status. */
  public abstract GoalLifecycleStatus lifecycleStatus();

  /** FHIR R4 achievement status, once progress has been assessed. */
  public abstract Optional<GoalAchievementStatus> achievementStatus();

  /** When work on the goal started. */
  public abstract Optional<LocalDate> startOn();

  /** When the person hopes to reach it. */
  public abstract Optional<LocalDate> targetOn();

  /** When the achievement status was last changed (to tell a stalled goal). */
  public abstract Optional<LocalDate> statusChangedOn();

  /** A builder. */
  public static ImmutableGoal.Builder builder() {
    return ImmutableGoal.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(description(), "description");
    startOn().ifPresent(s -> Checks.notBefore(targetOn(), "targetOn", s, "startOn"));
  }
}
