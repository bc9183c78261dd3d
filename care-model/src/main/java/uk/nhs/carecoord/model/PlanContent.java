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

  /** Checks version {@code index} of {@code list}; paths are built only for a field that fails. */
  void checkAsOf(LocalDate asOf, Plausibility plausibility, LocalDate latestPlanned, String list, int index) {
    if (agreedOn().isPresent() && agreedOn().get().isAfter(asOf)) {
      Checks.notAfter(agreedOn(), asOf, path(list, index) + ".agreedOn");
    }
    if (nextReviewOn().isPresent()) {
      LocalDate review = nextReviewOn().get();
      if (review.isAfter(latestPlanned)) {
        plausibility.checkPlanned(review, latestPlanned, path(list, index) + ".nextReviewOn");
      }
      if (agreedOn().isPresent() && review.isAfter(agreedOn().get().plusYears(plausibility.maxSpanYears()))) {
        plausibility.checkSpan(agreedOn().get(), review, path(list, index) + ".nextReviewOn", "agreedOn");
      }
    }
    for (int i = 0; i < actions().size(); i++) {
      PlanAction action = actions().get(i);
      if (action.completedOn().isPresent() && action.completedOn().get().isAfter(asOf)) {
        Checks.notAfter(action.completedOn(), asOf, path(list, index) + ".actions", i, "completedOn");
      }
      if (action.dueOn().isPresent() && action.dueOn().get().isAfter(latestPlanned)) {
        plausibility.checkPlanned(action.dueOn().get(), latestPlanned, path(list, index) + ".actions[" + i + "].dueOn");
      }
    }
    for (int i = 0; i < goals().size(); i++) {
      Goal goal = goals().get(i);
      if (goal.statusChangedOn().isPresent() && goal.statusChangedOn().get().isAfter(asOf)) {
        Checks.notAfter(goal.statusChangedOn(), asOf, path(list, index) + ".goals", i, "statusChangedOn");
      }
      if (goal.targetOn().isPresent()) {
        LocalDate target = goal.targetOn().get();
        if (target.isAfter(latestPlanned)) {
          plausibility.checkPlanned(target, latestPlanned, path(list, index) + ".goals[" + i + "].targetOn");
        }
        if (goal.startOn().isPresent() && target.isAfter(goal.startOn().get().plusYears(plausibility.maxSpanYears()))) {
          plausibility.checkSpan(goal.startOn().get(), target, path(list, index) + ".goals[" + i + "].targetOn", "startOn");
        }
      }
    }
  }

  private static String path(String list, int index) {
    return list + "[" + index + "].content";
  }
}
