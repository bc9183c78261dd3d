package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/**
 * A personalised care and support plan with its whole history. Amending it adds a version with a
 * reason; earlier versions are never changed or dropped.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePersonalisedCarePlan.class)
@JsonDeserialize(as = ImmutablePersonalisedCarePlan.class)
public abstract class PersonalisedCarePlan {

  /** Identifier of the plan. */
  public abstract String id();

  /** Every version, oldest first, numbered 1, 2, 3… */
  public abstract List<PlanVersion> versions();

  /** The version in force: the latest. */
  @JsonIgnore
  public PlanVersion currentVersion() {
    return versions().get(versions().size() - 1);
  }

  /** The content of the version in force. */
  @JsonIgnore
  public PlanContent current() {
    return currentVersion().content();
  }

  /** Starts a plan with its first version. */
  public static PersonalisedCarePlan create(String id, LocalDate recordedOn, PlanContent content) {
    return ImmutablePersonalisedCarePlan.builder()
        .id(id)
        .addVersions(PlanVersion.builder().number(1).recordedOn(recordedOn).content(content).build())
        .build();
  }

  /**
   * A new plan with an amendment appended; this plan is unchanged.
   *
   * @throws ModelValidationException if the reason is blank or the date is before the current
   *     version's
   */
  public PersonalisedCarePlan amend(LocalDate recordedOn, String reason, PlanContent content) {
    PlanVersion next =
        PlanVersion.builder()
            .number(versions().size() + 1)
            .recordedOn(recordedOn)
            .amendmentReason(reason)
            .content(content)
            .build();
    return ImmutablePersonalisedCarePlan.builder().from(this).addVersions(next).build();
  }

  /** A builder, for host systems that load a plan's full history. */
  public static ImmutablePersonalisedCarePlan.Builder builder() {
    return ImmutablePersonalisedCarePlan.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.require(!versions().isEmpty(), "versions", "must hold at least the first version");
    for (int i = 0; i < versions().size(); i++) {
      PlanVersion v = versions().get(i);
      Checks.require(
          v.number() == i + 1, "versions[" + i + "].number", "must be " + (i + 1) + ", was " + v.number());
      if (i > 0) {
        LocalDate previous = versions().get(i - 1).recordedOn();
        Checks.require(
            !v.recordedOn().isBefore(previous),
            "versions[" + i + "].recordedOn",
            "must not be before the previous version's (" + previous + ")");
      }
    }
  }

  void checkAsOf(LocalDate asOf, Plausibility plausibility, LocalDate latestPlanned) {
    for (int i = 0; i < versions().size(); i++) {
      Checks.notAfter(versions().get(i).recordedOn(), asOf, "plan.versions", i, "recordedOn");
      versions().get(i).content().checkAsOf(asOf, plausibility, latestPlanned, "plan.versions", i);
    }
  }
}
