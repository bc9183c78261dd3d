package uk.nhs.carecoord.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CodeList;
import uk.nhs.carecoord.model.ConditionCategory;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PamHistory;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.model.TrainingProgress;
import uk.nhs.carecoord.model.TrainingRecord;
import uk.nhs.carecoord.rules.facts.AcknowledgementFact;
import uk.nhs.carecoord.rules.facts.ActionFact;
import uk.nhs.carecoord.rules.facts.CarerFact;
import uk.nhs.carecoord.rules.facts.ConcernFact;
import uk.nhs.carecoord.rules.facts.ContactFact;
import uk.nhs.carecoord.rules.facts.CoordinatorFacts;
import uk.nhs.carecoord.rules.facts.DecisionConversationFact;
import uk.nhs.carecoord.rules.facts.GoalFact;
import uk.nhs.carecoord.rules.facts.MdtFact;
import uk.nhs.carecoord.rules.facts.PamFacts;
import uk.nhs.carecoord.rules.facts.PatientFacts;
import uk.nhs.carecoord.rules.facts.PendingDecisionFact;
import uk.nhs.carecoord.rules.facts.PlanFacts;
import uk.nhs.carecoord.rules.facts.ReferralFact;
import uk.nhs.carecoord.rules.facts.SupervisionFact;
import uk.nhs.carecoord.rules.facts.TrainingFact;

/**
 * Turns model values into the flat facts the DRL is written against. It derives values (age,
 * counts by category, months since) but decides nothing: every threshold is applied in the rules.
 */
final class FactAssembler {
  private final CodeList codeList;

  FactAssembler(CodeList codeList) {
    this.codeList = codeList;
  }

  List<Object> patientFacts(PatientCase c, Optional<SupervisionArrangement> supervision, LocalDate asOf) {
    List<Object> facts = new ArrayList<>();
    Patient p = c.patient();
    facts.add(patient(p, c.coordinatorId().orElse(null), asOf));
    pam(c.pamHistory(), asOf).ifPresent(facts::add);
    c.plan().ifPresent(plan -> {
      PlanContent now = plan.current();
      facts.add(new PlanFacts(plan.id(), now.status(), now.agreedOn().orElse(null),
          now.nextReviewOn().orElse(null), now.sharedWithPatient(), plan.versions().size(),
          plan.currentVersion().recordedOn(), now.goals().size()));
      now.goals().forEach(g -> facts.add(new GoalFact(g.id(), g.lifecycleStatus(),
          g.achievementStatus().orElse(null), g.startOn().orElse(null), g.targetOn().orElse(null),
          g.statusChangedOn().orElse(null))));
      now.actions().forEach(a -> facts.add(new ActionFact(a.id(), a.owner().kind(),
          a.dueOn().orElse(null), a.completedOn().orElse(null))));
    });
    p.carers().forEach(k -> facts.add(new CarerFact(k.id(), k.relationship(), k.mainCarer(), k.ownNeeds())));
    c.referrals().forEach(r -> facts.add(new ReferralFact(r.id(), r.service(), r.status(), r.referredOn())));
    c.pendingDecisions().forEach(d -> facts.add(new PendingDecisionFact(d.id(), d.topic(), d.decideBy().orElse(null))));
    c.decisionConversations().forEach(d -> facts.add(new DecisionConversationFact(d.id(),
        d.pendingDecisionId().orElse(null), d.heldOn(), d.decisionAid().orElse(null))));
    c.contacts().forEach(k -> facts.add(new ContactFact(k.id(), k.on(), k.mode())));
    c.mdtDiscussions().forEach(m -> facts.add(new MdtFact(m.id(), m.heldOn())));
    c.safeguardingConcerns().forEach(s -> facts.add(new ConcernFact(s.id(), s.category(), s.status(),
        s.raisedOn(), s.gpDiscussion().isPresent(),
        s.gpDiscussion().map(d -> d.discussedOn()).orElse(null),
        s.gpDiscussion().map(d -> d.gpName()).orElse(null))));
    c.acknowledgements().forEach(a -> facts.add(new AcknowledgementFact(a.recommendationCode(),
        a.decision(), a.reason(), a.recordedOn(), a.factsFingerprint().orElse(null))));
    // Always present, names null when unknown, so safeguarding rules can name the GP if there is one.
    facts.add(supervision(c.coordinatorId().orElse(null), supervision));
    return facts;
  }

  List<Object> coordinatorFacts(CareCoordinator cc, Optional<SupervisionArrangement> supervision, LocalDate asOf) {
    List<Object> facts = new ArrayList<>();
    facts.add(new CoordinatorFacts(cc.id(), cc.startedOn(), cc.engagement(),
        (int) ChronoUnit.MONTHS.between(cc.startedOn(), asOf)));
    Map<TrainingModule, TrainingRecord> counting = countingRecords(cc.trainingRecords());
    for (TrainingModule module : TrainingModule.values()) {
      TrainingRecord r = counting.get(module);
      facts.add(r == null
          ? new TrainingFact(cc.id(), module, false, null, null, null, null, null)
          : new TrainingFact(cc.id(), module, true, r.progress(), r.startedOn().orElse(null),
              r.completedOn().orElse(null), r.expiresOn().orElse(null), r.provider().orElse(null)));
    }
    facts.add(supervision(cc.id(), supervision));
    return facts;
  }

  /** The record that counts per item: the latest completed, else the latest started (a refresher in progress does not hide a valid completion). */
  private static Map<TrainingModule, TrainingRecord> countingRecords(List<TrainingRecord> records) {
    Comparator<TrainingRecord> better = Comparator
        .comparing((TrainingRecord r) -> r.progress() == TrainingProgress.COMPLETED)
        .thenComparing(r -> r.completedOn().orElse(LocalDate.MIN))
        .thenComparing(r -> r.startedOn().orElse(LocalDate.MIN));
    Map<TrainingModule, TrainingRecord> best = new EnumMap<>(TrainingModule.class);
    for (TrainingRecord r : records) {
      best.merge(r.module(), r, (a, b) -> better.compare(a, b) >= 0 ? a : b);
    }
    return best;
  }

  private static SupervisionFact supervision(String coordinatorId, Optional<SupervisionArrangement> s) {
    return new SupervisionFact(coordinatorId,
        s.flatMap(SupervisionArrangement::firstPointOfContact).map(NamedContact::name).orElse(null),
        s.flatMap(SupervisionArrangement::gpSupervisor).map(NamedContact::name).orElse(null));
  }

  private PatientFacts patient(Patient p, String coordinatorId, LocalDate asOf) {
    Set<ConditionCategory> categories = EnumSet.noneOf(ConditionCategory.class);
    int counted = 0;
    int physical = 0;
    int mental = 0;
    LocalDate latestCancer = null;
    for (LongTermCondition condition : p.conditions()) {
      Set<ConditionCategory> of = codeList.categoriesOf(condition.snomedCode());
      if (of.isEmpty()) {
        continue;
      }
      counted++;
      categories.addAll(of);
      physical += of.contains(ConditionCategory.PHYSICAL) ? 1 : 0;
      mental += of.contains(ConditionCategory.MENTAL_HEALTH) ? 1 : 0;
      if (of.contains(ConditionCategory.CANCER)) {
        LocalDate on = condition.diagnosedOn().orElse(null);
        if (on != null && (latestCancer == null || on.isAfter(latestCancer))) {
          latestCancer = on;
        }
      }
    }
    Optional<Frailty> frailty = p.frailty();
    return new PatientFacts(p.id(), p.ageOn(asOf), p.sex(), p.practiceCode(), coordinatorId,
        p.flags(), categories, counted, physical, mental, latestCancer,
        frailty.flatMap(Frailty::clinicalFrailtyScale).orElse(0),
        frailty.flatMap(Frailty::efiCategory).orElse(null),
        p.repeatMedicines(), p.serviceUse().aeAttendances(), p.serviceUse().emergencyAdmissions(),
        p.serviceUse().gpAppointments(), p.communicationNeeds(), p.consent());
  }

  private static Optional<PamFacts> pam(PamHistory history, LocalDate asOf) {
    if (history.assessments().isEmpty()) {
      return Optional.empty();
    }
    PamAssessment first = history.first().orElseThrow();
    PamAssessment latest = history.latest().orElseThrow();
    return Optional.of(new PamFacts(latest.score(), latest.level(), latest.assessedOn(),
        (int) ChronoUnit.MONTHS.between(latest.assessedOn(), asOf),
        first.score(), first.level(), first.assessedOn(), history.assessments().size()));
  }
}
