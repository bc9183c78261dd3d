package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** An action in a care and support plan: what is done, by whom, by when. */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanAction.class)
@JsonDeserialize(as = ImmutablePlanAction.class)
public abstract class PlanAction {

  /** Identifier, unique within the plan. */
  public abstract String id();

  /** What is to be done. */
  public abstract String description();

  /** Who does it. */
  public abstract ActionOwner owner();

  /** When it is due. */
  public abstract Optional<LocalDate> dueOn();

  /** The goal it serves, if any; must name a goal in the same plan. */
  public abstract Optional<String> goalId();

  /** When it was done; absent while outstanding. */
  public abstract Optional<LocalDate> completedOn();

  /** A builder. */
  public static ImmutablePlanAction.Builder builder() {
    return ImmutablePlanAction.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(description(), "description");
  }
}
