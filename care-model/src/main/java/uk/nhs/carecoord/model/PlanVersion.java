package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** One version of a care and support plan: the first, or an amendment with its reason. */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanVersion.class)
@JsonDeserialize(as = ImmutablePlanVersion.class)
public abstract class PlanVersion {

  /** 1 for the first version, then 2, 3… */
  public abstract int number();

  /** When this version was recorded. */
  public abstract LocalDate recordedOn();

  /** Why the plan was amended; required for every version after the first. */
  public abstract Optional<String> amendmentReason();

  /** The plan as it stood in this version. */
  public abstract PlanContent content();

  /** A builder. */
  public static ImmutablePlanVersion.Builder builder() {
    return ImmutablePlanVersion.builder();
  }

  @Value.Check
  void check() {
    Checks.require(number() >= 1, "number", "must be 1 or more, was " + number());
    Checks.notBlank(amendmentReason(), "amendmentReason");
    Checks.require(
        number() == 1 || amendmentReason().isPresent(),
        "amendmentReason",
        "is required for an amendment (version " + number() + ")");
  }
}
