package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The content of one version of a personalised care and support plan (PRSB PCSP sections): about
 * me, goals, actions, support contacts and review.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanContent.class)
@JsonDeserialize(as = ImmutablePlanContent.class)
public abstract class PlanContent {

  /** FHIR R4 CarePlan status. */
  public abstract CarePlanStatus status();

  /** "About me": what matters to the person, in their words. */
  public abstract String whatMattersToMe();

  /** The person's goals. */
  public abstract List<Goal> goals();

  /** Actions: who does what, by when. */
  public abstract List<PlanAction> actions();

  /** People and services to contact. */
  public abstract List<SupportContact> supportContacts();

  /** When the person agreed the plan. */
  public abstract Optional<LocalDate> agreedOn();

  /** When the plan is next to be reviewed. */
  public abstract Optional<LocalDate> nextReviewOn();

  /** True once the plan has been shared with the person. */
  @Value.Default
  public boolean sharedWithPatient() {
    return false;
  }

  /** A builder. */
  public static ImmutablePlanContent.Builder builder() {
    return ImmutablePlanContent.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(whatMattersToMe(), "whatMattersToMe");
    Checks.uniqueIds(goals(), Goal::id, "goals");
    Checks.uniqueIds(actions(), PlanAction::id, "actions");
    Checks.require(
        status() != CarePlanStatus.ACTIVE || agreedOn().isPresent(),
        "agreedOn",
        "is required for an active plan");
    agreedOn().ifPresent(a -> Checks.notBefore(nextReviewOn(), "nextReviewOn", a, "agreedOn"));
    Set<String> goalIds = goals().stream().map(Goal::id).collect(Collectors.toSet());
    for (int i = 0; i < actions().size(); i++) {
      PlanAction action = actions().get(i);
      String field = "actions[" + i + "].goalId";
      action.goalId().ifPresent(g -> Checks.require(goalIds.contains(g), field, "names no goal in this plan"));
    }
  }

  void checkAsOf(LocalDate asOf, String path) {
    Checks.notAfter(agreedOn(), asOf, path + ".agreedOn");
    for (int i = 0; i < actions().size(); i++) {
      Checks.notAfter(actions().get(i).completedOn(), asOf, path + ".actions", i, "completedOn");
    }
    for (int i = 0; i < goals().size(); i++) {
      Checks.notAfter(goals().get(i).statusChangedOn(), asOf, path + ".goals", i, "statusChangedOn");
    }
  }
}
