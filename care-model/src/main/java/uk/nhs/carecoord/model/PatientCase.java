package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * Everything the rules need about one person: the patient record, PAM history, care and support
 * plan, contacts, referrals, decisions, MDT discussions, safeguarding concerns and the
 * co-ordinator's acknowledgements of earlier recommendations.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatientCase.class)
@JsonDeserialize(as = ImmutablePatientCase.class)
public abstract class PatientCase {

  /** The person. */
  public abstract Patient patient();

  /** The care co-ordinator the person is allocated to, if any. */
  public abstract Optional<String> coordinatorId();

  /** PAM assessments, in any order; at most one a day. */
  public abstract List<PamAssessment> pamAssessments();

  /** The personalised care and support plan, if one has been started. */
  public abstract Optional<PersonalisedCarePlan> plan();

  /** Contacts and visits. */
  public abstract List<Contact> contacts();

  /** Referrals to services. */
  public abstract List<Referral> referrals();

  /** Decisions about treatment or care the person faces. */
  public abstract List<PendingDecision> pendingDecisions();

  /** Shared decision-making conversations. */
  public abstract List<DecisionConversation> decisionConversations();

  /** MDT discussions. */
  public abstract List<MdtDiscussion> mdtDiscussions();

  /** Safeguarding concerns, open and closed. */
  public abstract List<SafeguardingConcern> safeguardingConcerns();

  /** Acknowledgements of recommendations. */
  public abstract List<Acknowledgement> acknowledgements();

  /** The PAM assessments in date order, with first, latest and change. */
  @JsonIgnore
  @Value.Lazy
  public PamHistory pamHistory() {
    return PamHistory.of(pamAssessments());
  }

  /** A builder. */
  public static ImmutablePatientCase.Builder builder() {
    return ImmutablePatientCase.builder();
  }

  @Value.Check
  void check() {
    Checks.uniqueIds(pamAssessments(), a -> a.assessedOn().toString(), "pamAssessments");
    Checks.uniqueIds(contacts(), Contact::id, "contacts");
    Checks.uniqueIds(referrals(), Referral::id, "referrals");
    Checks.uniqueIds(pendingDecisions(), PendingDecision::id, "pendingDecisions");
    Checks.uniqueIds(decisionConversations(), DecisionConversation::id, "decisionConversations");
    Checks.uniqueIds(mdtDiscussions(), MdtDiscussion::id, "mdtDiscussions");
    Checks.uniqueIds(safeguardingConcerns(), SafeguardingConcern::id, "safeguardingConcerns");
    Checks.notBlank(coordinatorId(), "coordinatorId");
    Set<String> decisionIds =
        pendingDecisions().stream().map(PendingDecision::id).collect(Collectors.toSet());
    for (int i = 0; i < decisionConversations().size(); i++) {
      String field = "decisionConversations[" + i + "].pendingDecisionId";
      decisionConversations()
          .get(i)
          .pendingDecisionId()
          .ifPresent(id -> Checks.require(decisionIds.contains(id), field, "names no pending decision in this case"));
    }
    // Nothing can have happened to the person before they were born.
    LocalDate born = patient().dateOfBirth();
    for (int i = 0; i < pamAssessments().size(); i++) {
      Checks.notBeforeBirth(pamAssessments().get(i).assessedOn(), born, "pamAssessments", i, "assessedOn");
    }
    for (int i = 0; i < contacts().size(); i++) {
      Checks.notBeforeBirth(contacts().get(i).on(), born, "contacts", i, "on");
    }
    for (int i = 0; i < referrals().size(); i++) {
      Checks.notBeforeBirth(referrals().get(i).referredOn(), born, "referrals", i, "referredOn");
    }
    for (int i = 0; i < decisionConversations().size(); i++) {
      Checks.notBeforeBirth(decisionConversations().get(i).heldOn(), born, "decisionConversations", i, "heldOn");
    }
    for (int i = 0; i < mdtDiscussions().size(); i++) {
      Checks.notBeforeBirth(mdtDiscussions().get(i).heldOn(), born, "mdtDiscussions", i, "heldOn");
    }
    for (int i = 0; i < safeguardingConcerns().size(); i++) {
      Checks.notBeforeBirth(safeguardingConcerns().get(i).raisedOn(), born, "safeguardingConcerns", i, "raisedOn");
    }
    if (plan().isPresent()) {
      List<PlanVersion> versions = plan().get().versions();
      for (int i = 0; i < versions.size(); i++) {
        Checks.notBeforeBirth(versions.get(i).recordedOn(), born, "plan.versions", i, "recordedOn");
      }
    }
  }

  /**
   * Checks the case against the reference date with the default {@link Plausibility} bounds.
   *
   * @throws ModelValidationException naming the first field dated after {@code asOf} or outside
   *     the bounds
   * @see #checkAsOf(LocalDate, Plausibility)
   */
  public PatientCase checkAsOf(LocalDate asOf) {
    return checkAsOf(asOf, Plausibility.defaults());
  }

  /**
   * Checks that nothing recorded as having happened is later than the reference date, and that the
   * case is plausible on it: the person's age, the durations between related dates and how far
   * ahead anything is planned are within {@code plausibility}'s bounds. Called on every evaluation:
   * it only compares dates, and builds a message only for a field that fails.
   *
   * @throws ModelValidationException naming the first field that fails
   */
  public PatientCase checkAsOf(LocalDate asOf, Plausibility plausibility) {
    patient().checkAsOf(asOf, plausibility);
    LocalDate latestPlanned = plausibility.latestPlanned(asOf);
    for (int i = 0; i < pamAssessments().size(); i++) {
      Checks.notAfter(pamAssessments().get(i).assessedOn(), asOf, "pamAssessments", i, "assessedOn");
    }
    plan().ifPresent(p -> p.checkAsOf(asOf, plausibility, latestPlanned));
    for (int i = 0; i < pendingDecisions().size(); i++) {
      Optional<LocalDate> decideBy = pendingDecisions().get(i).decideBy();
      if (decideBy.isPresent()) {
        plausibility.checkPlanned(decideBy.get(), latestPlanned, "pendingDecisions[" + i + "].decideBy");
      }
    }
    for (int i = 0; i < contacts().size(); i++) {
      Checks.notAfter(contacts().get(i).on(), asOf, "contacts", i, "on");
    }
    for (int i = 0; i < referrals().size(); i++) {
      Checks.notAfter(referrals().get(i).referredOn(), asOf, "referrals", i, "referredOn");
    }
    for (int i = 0; i < decisionConversations().size(); i++) {
      Checks.notAfter(decisionConversations().get(i).heldOn(), asOf, "decisionConversations", i, "heldOn");
    }
    for (int i = 0; i < mdtDiscussions().size(); i++) {
      Checks.notAfter(mdtDiscussions().get(i).heldOn(), asOf, "mdtDiscussions", i, "heldOn");
    }
    for (int i = 0; i < safeguardingConcerns().size(); i++) {
      SafeguardingConcern c = safeguardingConcerns().get(i);
      Checks.notAfter(c.raisedOn(), asOf, "safeguardingConcerns", i, "raisedOn");
      Checks.notAfter(c.gpDiscussion().map(GpDiscussion::discussedOn), asOf, "safeguardingConcerns", i, "gpDiscussion.discussedOn");
    }
    for (int i = 0; i < acknowledgements().size(); i++) {
      Checks.notAfter(acknowledgements().get(i).recordedOn(), asOf, "acknowledgements", i, "recordedOn");
    }
    return this;
  }
}
