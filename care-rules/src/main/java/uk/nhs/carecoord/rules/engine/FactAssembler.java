package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.CodedEntry;
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
import uk.nhs.carecoord.rules.authoring.AcknowledgementFact;
import uk.nhs.carecoord.rules.authoring.ActionFact;
import uk.nhs.carecoord.rules.authoring.CarerFact;
import uk.nhs.carecoord.rules.authoring.CodedEntryFact;
import uk.nhs.carecoord.rules.authoring.ConcernFact;
import uk.nhs.carecoord.rules.authoring.ContactFact;
import uk.nhs.carecoord.rules.authoring.CoordinatorFacts;
import uk.nhs.carecoord.rules.authoring.DecisionConversationFact;
import uk.nhs.carecoord.rules.authoring.GoalFact;
import uk.nhs.carecoord.rules.authoring.MdtFact;
import uk.nhs.carecoord.rules.authoring.PamFacts;
import uk.nhs.carecoord.rules.authoring.PatientFacts;
import uk.nhs.carecoord.rules.authoring.PendingDecisionFact;
import uk.nhs.carecoord.rules.authoring.PlanFacts;
import uk.nhs.carecoord.rules.authoring.ReferralFact;
import uk.nhs.carecoord.rules.authoring.SupervisionFact;
import uk.nhs.carecoord.rules.authoring.TrainingFact;

/**
 * Turns model values into the flat facts the DRL is written against. It derives values (age,
 * months since) and looks codes up in the code clusters, but decides nothing: every threshold, and
 * what a coded entry counts towards, is applied in the rules.
 */
final class FactAssembler {
  /** Coded entries in a fixed order, so facts never depend on the order a record lists them. */
  static final Comparator<CodedEntry> ENTRY_ORDER = Comparator.comparing(CodedEntry::snomedCode)
      .thenComparing(CodedEntry::recordedOn)
      .thenComparing(CodedEntry::status)
      .thenComparing(e -> e.display().orElse(""))
      .thenComparing(e -> e.id().orElse(""));

  private final CodeClusters clusters;

  FactAssembler(CodeClusters clusters) {
    this.clusters = clusters;
  }

  List<Object> patientFacts(PatientCase c, Optional<SupervisionArrangement> supervision, LocalDate asOf) {
    return patientFacts(c, supervision, asOf, new ArrayList<>());
  }

  /**
   * The facts of one evaluation; adds the coded entries that are in no cluster to {@code
   * unrecognised}, in {@link #ENTRY_ORDER}, and returns them with the facts.
   */
  List<Object> patientFacts(PatientCase c, Optional<SupervisionArrangement> supervision, LocalDate asOf, List<CodedEntry> unrecognised) {
    List<Object> facts = new ArrayList<>();
    Patient p = c.patient();
    facts.add(patient(p, c.coordinatorId().orElse(null), asOf));
    codedEntries(p, facts, unrecognised);
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

  /**
   * One {@link CodedEntryFact} per coded entry and cluster it is in; an entry recorded twice alike
   * (same code, date and status) gives its facts once. Entries in no cluster go to {@code
   * unrecognised}, every one of them.
   */
  private void codedEntries(Patient p, List<Object> facts, List<CodedEntry> unrecognised) {
    List<CodedEntry> entries = codedEntriesOf(p);
    CodedEntry previous = null;
    for (CodedEntry e : entries) {
      List<CodeCluster> in = clusters.clustersOf(e.snomedCode());
      if (in.isEmpty()) {
        unrecognised.add(e);
      } else if (previous == null || !sameFacts(previous, e)) {
        for (CodeCluster cluster : in) {
          facts.add(new CodedEntryFact(e.snomedCode(), cluster.id(), cluster.condition(), cluster.meaning(), e.recordedOn(), e.status()));
        }
      }
      previous = e;
    }
  }

  /**
   * The person's coded entries in {@link #ENTRY_ORDER}, with conditions in the earlier form as
   * active entries dated when diagnosed (or, undated, from birth: present, but never recent).
   */
  static List<CodedEntry> codedEntriesOf(Patient p) {
    List<CodedEntry> entries = p.codedEntries();
    if (!p.conditions().isEmpty()) {
      entries = new ArrayList<>(entries);
      for (LongTermCondition condition : p.conditions()) {
        entries.add(CodedEntry.builder().snomedCode(condition.snomedCode()).display(condition.display())
            .recordedOn(condition.diagnosedOn().orElse(p.dateOfBirth())).build());
      }
    }
    if (entries.size() > 1) {
      entries = new ArrayList<>(entries);
      entries.sort(ENTRY_ORDER);
    }
    return entries;
  }

  private static boolean sameFacts(CodedEntry a, CodedEntry b) {
    return a.snomedCode().equals(b.snomedCode()) && a.recordedOn().equals(b.recordedOn()) && a.status() == b.status();
  }

  private PatientFacts patient(Patient p, String coordinatorId, LocalDate asOf) {
    Optional<Frailty> frailty = p.frailty();
    return new PatientFacts(p.id(), p.ageOn(asOf), p.sex(), p.practiceCode(), coordinatorId,
        p.flags(),
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
