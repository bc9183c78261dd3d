package uk.nhs.carecoord.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.nhs.carecoord.model.Acknowledgement;
import uk.nhs.carecoord.model.AcknowledgementDecision;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.Carer;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.ClusterMeaning;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.CodedEntryStatus;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.DecisionConversation;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.MdtDiscussion;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PamLevel;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.PendingDecision;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.Referral;
import uk.nhs.carecoord.model.ReferralStatus;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * The floor: everything the built-in patient rule sets decide (cohorts.drl, safeguarding.drl,
 * recommendations.drl, acknowledgements.drl) written by hand in plain Java, from the same
 * {@link PatientCase}, reference date, thresholds and PCN. It produces what {@code
 * CareRules.evaluate(case, pcn)} produces, field for field: every cohort, obligation and
 * recommendation with its priority, text, due date, a decision record per rule (rule name, rule
 * set, reasons, facts), merged findings where several rules reach one output, the same facts
 * fingerprints, and declined recommendations moved to {@code suppressed}. So the benchmark's
 * ratio compares the engine with doing the same work directly, not with a subset of it.
 *
 * <p>Each block names the DRL rule it mirrors; {@code HandWrittenAgreesWithRulesTest} checks the
 * two agree on every field for generated people. Only for benchmarking.
 */
final class HandWritten {
  private static final String COHORTS = "cohorts";
  private static final String SAFEGUARDING = "safeguarding";
  private static final String RECOMMENDATIONS = "recommendations";
  private static final String ACKNOWLEDGEMENTS = "acknowledgements";

  private static final FindingKind COHORT = FindingKind.COHORT;
  private static final FindingKind OBLIGATION = FindingKind.OBLIGATION;
  private static final FindingKind RECOMMENDATION = FindingKind.RECOMMENDATION;

  private static final Set<GoalAchievementStatus> STALLED =
      EnumSet.of(GoalAchievementStatus.NO_CHANGE, GoalAchievementStatus.NO_PROGRESS, GoalAchievementStatus.WORSENING);

  private final Thresholds t;
  private static final Set<ClusterMeaning> COUNTED = EnumSet.of(ClusterMeaning.LONG_TERM_CONDITION_PHYSICAL,
      ClusterMeaning.LONG_TERM_CONDITION_MENTAL_HEALTH, ClusterMeaning.CANCER, ClusterMeaning.DEMENTIA, ClusterMeaning.LEARNING_DISABILITY);
  private static final Set<ClusterMeaning> PHYSICAL = EnumSet.of(ClusterMeaning.LONG_TERM_CONDITION_PHYSICAL, ClusterMeaning.CANCER);
  private static final Set<ClusterMeaning> MENTAL = EnumSet.of(ClusterMeaning.LONG_TERM_CONDITION_MENTAL_HEALTH, ClusterMeaning.DEMENTIA);

  private final CodeClusters codeList;
  private final LocalDate asOf;

  HandWritten(Thresholds thresholds, CodeClusters codeList, LocalDate asOf) {
    this.t = thresholds;
    this.codeList = codeList;
    this.asOf = asOf;
  }

  HandEvaluation evaluate(PatientCase c, Pcn pcn) {
    c.checkAsOf(asOf); // the rules path refuses a case recording anything after the reference date
    Patient p = c.patient();
    Raised out = new Raised();

    // Derived values, as FactAssembler derives them.
    int age = p.ageOn(asOf);
    Set<ClinicalFlag> flags = p.flags();
    // Coded entries (and conditions in the earlier form, active, dated when diagnosed or else at
    // birth) that count: active or inactive; conditions counted once each.
    Set<String> conditions = new HashSet<>();
    Set<String> physicalConditions = new HashSet<>();
    Set<String> mentalConditions = new HashSet<>();
    LocalDate latestCancer = null;
    List<CodedEntry> entries = new ArrayList<>(p.codedEntries());
    for (LongTermCondition condition : p.conditions()) {
      entries.add(CodedEntry.of(condition.snomedCode(), condition.diagnosedOn().orElse(p.dateOfBirth())));
    }
    for (CodedEntry e : entries) {
      if (e.status() != CodedEntryStatus.ACTIVE && e.status() != CodedEntryStatus.INACTIVE) {
        continue;
      }
      for (CodeCluster cluster : codeList.clustersOf(e.snomedCode())) {
        ClusterMeaning m = cluster.meaning();
        if (COUNTED.contains(m)) {
          conditions.add(cluster.condition());
        }
        if (PHYSICAL.contains(m)) {
          physicalConditions.add(cluster.condition());
        }
        if (MENTAL.contains(m)) {
          mentalConditions.add(cluster.condition());
        }
        if (m == ClusterMeaning.CANCER && (latestCancer == null || e.recordedOn().isAfter(latestCancer))) {
          latestCancer = e.recordedOn();
        }
      }
    }
    int counted = conditions.size();
    int physical = physicalConditions.size();
    int mental = mentalConditions.size();
    Optional<Frailty> frailty = p.frailty();
    int cfs = frailty.flatMap(Frailty::clinicalFrailtyScale).orElse(0);
    EfiCategory efi = frailty.flatMap(Frailty::efiCategory).orElse(null);

    cohorts(out, p, age, flags, counted, physical, mental, latestCancer, cfs, efi);
    // Recommendations that read the cohorts see all of them (salience -10 in the DRL).
    Set<String> cohorts = out.codesOf(COHORT);
    safeguarding(out, c, pcn);
    recommendations(out, c, p, flags, counted, cohorts);

    List<Suppression> holds = c.acknowledgements().isEmpty() ? List.of() : suppressions(c.acknowledgements());
    List<HandFinding> cohortFindings = new ArrayList<>(4);
    List<HandFinding> obligations = new ArrayList<>(2);
    List<HandFinding> recommendations = new ArrayList<>(8);
    List<HandFinding> suppressed = new ArrayList<>(holds.size());
    for (HandFinding f : out.findings()) {
      switch (f.kind()) {
        case COHORT -> cohortFindings.add(f);
        case OBLIGATION -> obligations.add(f);
        case RECOMMENDATION -> {
          Suppression hold = heldBy(holds, f);
          if (hold == null) {
            recommendations.add(f);
          } else {
            suppressed.add(f.heldBack(hold.record, hold.until));
          }
        }
        default -> throw new IllegalStateException("not a patient output: " + f.kind());
      }
    }
    return new HandEvaluation(p.id(), asOf, codeList.version(), cohortFindings, obligations, recommendations, suppressed);
  }

  // --- cohorts.drl ---

  private void cohorts(Raised out, Patient p, int age, Set<ClinicalFlag> flags,
      int counted, int physical, int mental, LocalDate latestCancer, int cfs, EfiCategory efi) {
    if (age >= t.getFrailtyAge() && cfs >= t.getFrailCfs()) {
      out.raise(COHORT, "FRAIL_ELDERLY", "", Priority.HIGH, "Frail older person", COHORTS,
              "Frail older person by Clinical Frailty Scale")
          .reason("Clinical Frailty Scale " + cfs + " (frail from " + t.getFrailCfs() + ") at age " + age)
          .fact("age", age)
          .fact("clinicalFrailtyScale", cfs);
    }
    if (age >= t.getFrailtyAge() && (efi == EfiCategory.MODERATE || efi == EfiCategory.SEVERE)) {
      out.raise(COHORT, "FRAIL_ELDERLY", "", Priority.HIGH, "Frail older person", COHORTS,
              "Frail older person by electronic frailty index")
          .reason("Electronic frailty index: " + efi.name().toLowerCase() + " frailty at age " + age)
          .fact("age", age)
          .fact("efiCategory", efi);
    }
    if (age >= t.getElderlyAge()) {
      out.raise(COHORT, "FRAIL_ELDERLY", "", Priority.MEDIUM, "Frail older person", COHORTS, "Elderly by age")
          .reason("Aged " + age + " (" + t.getElderlyAge() + " or over)")
          .fact("age", age);
    }
    if (counted >= t.getMultimorbidityConditions()) {
      out.raise(COHORT, "MULTIPLE_LONG_TERM_CONDITIONS", "", Priority.MEDIUM, "Multiple long-term conditions", COHORTS,
              "Multiple long-term conditions")
          .reason(counted + " long-term conditions (" + t.getMultimorbidityConditions() + " or more)")
          .fact("conditionCount", counted);
    }
    if (physical >= 1 && mental >= 1) {
      out.raise(COHORT, "MULTIPLE_LONG_TERM_CONDITIONS", "", Priority.HIGH, "Multiple long-term conditions", COHORTS,
              "Physical and mental health conditions together")
          .reason("Both physical (" + physical + ") and mental health (" + mental + ") conditions")
          .fact("physicalConditionCount", physical)
          .fact("mentalHealthConditionCount", mental);
    }
    if (flags.contains(ClinicalFlag.ACTIVE_CANCER)) {
      out.raise(COHORT, "CANCER", "", Priority.HIGH, "Living with cancer", COHORTS, "Active cancer flag")
          .reason("Flagged as having active cancer")
          .fact("activeCancer", true);
    }
    if (latestCancer != null && latestCancer.plusMonths(t.getCancerLookbackMonths()).isAfter(asOf)) {
      out.raise(COHORT, "CANCER", "", Priority.HIGH, "Living with cancer", COHORTS, "Recent cancer diagnosis")
          .reason("Cancer diagnosed on " + latestCancer + " (within " + t.getCancerLookbackMonths() + " months)")
          .fact("latestCancerDiagnosisOn", latestCancer);
    }
    if (flags.contains(ClinicalFlag.LEARNING_DISABILITY)) {
      out.raise(COHORT, "LEARNING_DISABILITY_AUTISM", "", Priority.HIGH, "Learning disability and autism", COHORTS,
              "Learning disability")
          .reason("Has a learning disability")
          .fact("learningDisability", true);
    }
    if (flags.contains(ClinicalFlag.AUTISM)) {
      out.raise(COHORT, "LEARNING_DISABILITY_AUTISM", "", Priority.HIGH, "Learning disability and autism", COHORTS,
              "Autism")
          .reason("Is autistic")
          .fact("autism", true);
    }
    if (flags.contains(ClinicalFlag.DEMENTIA)) {
      out.raise(COHORT, "DEMENTIA", "", Priority.HIGH, "Living with dementia", COHORTS, "Dementia")
          .reason("Has a dementia diagnosis or is on the dementia register")
          .fact("dementia", true);
    }
    if (flags.contains(ClinicalFlag.CARE_HOME_RESIDENT)) {
      out.raise(COHORT, "CARE_HOME", "", Priority.HIGH, "Care home resident", COHORTS, "Care home resident")
          .reason("Lives in a care home")
          .fact("careHomeResident", true);
    }
    int ae = p.serviceUse().aeAttendances();
    if (ae >= t.getHighRiskAeAttendances()) {
      out.raise(COHORT, "HIGH_RISK", "", Priority.HIGH, "At high risk of unplanned care", COHORTS,
              "High risk: frequent A&E attendance")
          .reason(ae + " A&E attendances in 12 months (" + t.getHighRiskAeAttendances() + " or more)")
          .fact("aeAttendances", ae);
    }
    int admissions = p.serviceUse().emergencyAdmissions();
    if (admissions >= t.getHighRiskEmergencyAdmissions()) {
      out.raise(COHORT, "HIGH_RISK", "", Priority.URGENT, "At high risk of unplanned care", COHORTS,
              "High risk: repeated emergency admissions")
          .reason(admissions + " emergency admissions in 12 months (" + t.getHighRiskEmergencyAdmissions() + " or more)")
          .fact("emergencyAdmissions", admissions);
    }
    if (p.repeatMedicines() >= t.getPolypharmacyMedicines()) {
      out.raise(COHORT, "HIGH_RISK", "", Priority.MEDIUM, "At high risk of unplanned care", COHORTS,
              "High risk: polypharmacy")
          .reason(p.repeatMedicines() + " repeat medicines (" + t.getPolypharmacyMedicines() + " or more)")
          .fact("repeatMedicines", p.repeatMedicines());
    }
  }

  // --- safeguarding.drl ---

  private void safeguarding(Raised out, PatientCase c, Pcn pcn) {
    if (c.safeguardingConcerns().isEmpty()) {
      return;
    }
    String gp = c.coordinatorId().flatMap(pcn::supervisionOf)
        .flatMap(SupervisionArrangement::gpSupervisor).map(NamedContact::name).orElse(null);
    int days = t.getSafeguardingDiscussionDays();
    for (SafeguardingConcern s : c.safeguardingConcerns()) {
      if (s.status() == ConcernStatus.CLOSED) {
        continue;
      }
      if (s.gpDiscussion().isEmpty()) {
        LocalDate due = s.raisedOn().plusDays(days);
        String category = capitalised(s.category().name().toLowerCase().replace('_', ' '));
        if (!due.isBefore(asOf)) {
          out.raise(OBLIGATION, "DISCUSS_SAFEGUARDING_CONCERN", s.id(), Priority.HIGH,
                  gp != null ? "Discuss the safeguarding concern with " + gp + " (GP supervisor)"
                      : "Discuss the safeguarding concern with a relevant GP (no GP supervisor named)",
                  SAFEGUARDING, "Safeguarding concern to discuss with a GP")
              .reason(category + " concern raised on " + s.raisedOn() + ", not yet discussed with a GP")
              .fact("category", s.category())
              .fact("raisedOn", s.raisedOn())
              .dueOn(due);
        } else {
          out.raise(OBLIGATION, "DISCUSS_SAFEGUARDING_CONCERN", s.id(), Priority.URGENT,
                  gp != null ? "Overdue: discuss the safeguarding concern with " + gp + " (GP supervisor) today"
                      : "Overdue: discuss the safeguarding concern with a relevant GP today (no GP supervisor named)",
                  SAFEGUARDING, "Safeguarding concern overdue for GP discussion")
              .reason(category + " concern raised on " + s.raisedOn() + ", discussion was due within " + days + " days")
              .fact("category", s.category())
              .fact("raisedOn", s.raisedOn())
              .dueOn(due);
        }
      } else {
        LocalDate discussedOn = s.gpDiscussion().get().discussedOn();
        out.raise(OBLIGATION, "FOLLOW_UP_SAFEGUARDING_CONCERN", s.id(), Priority.MEDIUM,
                "Keep the open safeguarding concern under review until it is closed",
                SAFEGUARDING, "Open safeguarding concern discussed, keep under review")
            .reason("Discussed with " + s.gpDiscussion().get().gpName() + " on " + discussedOn + "; status "
                + s.status().name().toLowerCase())
            .fact("category", s.category())
            .fact("status", s.status())
            .fact("discussedOn", discussedOn);
      }
    }
  }

  // --- recommendations.drl ---

  private void recommendations(Raised out, PatientCase c, Patient p, Set<ClinicalFlag> flags, int counted,
      Set<String> cohorts) {
    boolean inCohort = !cohorts.isEmpty();
    String cohortList = inCohort ? String.join(", ", cohorts) : "";

    // Active referrals (requested or accepted) stop the matching recommendation.
    boolean benefitsReferral = false;
    boolean phbReferral = false;
    boolean socialPrescribingReferral = false;
    boolean coachReferral = false;
    for (Referral r : c.referrals()) {
      if (r.status() != ReferralStatus.REQUESTED && r.status() != ReferralStatus.ACCEPTED) {
        continue;
      }
      switch (r.service()) {
        case BENEFITS_ADVICE -> benefitsReferral = true;
        case PERSONAL_HEALTH_BUDGET -> phbReferral = true;
        case SOCIAL_PRESCRIBING_LINK_WORKER -> socialPrescribingReferral = true;
        case HEALTH_AND_WELLBEING_COACH -> coachReferral = true;
        default -> { } // no rule reads other services
      }
    }

    // Activation (PAM): tailored to the latest level, measured and re-measured.
    PamAssessment pam = c.pamHistory().latest().orElse(null);
    if (pam != null) {
      PamLevel level = pam.level();
      double score = pam.score();
      LocalDate on = pam.assessedOn();
      switch (level) {
        case LEVEL_1 -> out.raise(RECOMMENDATION, "PAM_LEVEL_1_SMALL_STEPS", "", Priority.MEDIUM,
                "Help the person see the part they can play in their own health; agree one or two very small, "
                    + "achievable steps to build confidence",
                RECOMMENDATIONS, "PAM level 1: build self-awareness with very small steps")
            .reason("Latest PAM score " + score + " on " + on + " is activation level 1 (up to "
                + PamLevel.LEVEL_1.upperBound() + ")")
            .fact("pamLevel", level).fact("pamScore", score).fact("pamAssessedOn", on);
        case LEVEL_2 -> out.raise(RECOMMENDATION, "PAM_LEVEL_2_BUILD_SKILLS", "", Priority.MEDIUM,
                "Build the person's knowledge and skills about their conditions and set up simple self-monitoring "
                    + "(e.g. a symptom, activity or readings diary)",
                RECOMMENDATIONS, "PAM level 2: build knowledge, skills and self-monitoring")
            .reason("Latest PAM score " + score + " on " + on + " is activation level 2 ("
                + PamLevel.LEVEL_1.upperBound() + " to " + PamLevel.LEVEL_2.upperBound() + ")")
            .fact("pamLevel", level).fact("pamScore", score).fact("pamAssessedOn", on);
        case LEVEL_3 -> out.raise(RECOMMENDATION, "PAM_LEVEL_3_PROBLEM_SOLVING", "", Priority.LOW,
                "Support problem-solving when things get in the way, adjust goals with the person and celebrate progress",
                RECOMMENDATIONS, "PAM level 3: problem-solving, adjusting goals, celebrating progress")
            .reason("Latest PAM score " + score + " on " + on + " is activation level 3 ("
                + PamLevel.LEVEL_2.upperBound() + " to " + PamLevel.LEVEL_3.upperBound() + ")")
            .fact("pamLevel", level).fact("pamScore", score).fact("pamAssessedOn", on);
        case LEVEL_4 -> out.raise(RECOMMENDATION, "PAM_LEVEL_4_SUSTAIN", "", Priority.LOW,
                "Plan with the person for difficult situations (illness, stress, setbacks) so they keep up what works; "
                    + "consider peer support",
                RECOMMENDATIONS, "PAM level 4: sustain behaviours through difficult times")
            .reason("Latest PAM score " + score + " on " + on + " is activation level 4 (over "
                + PamLevel.LEVEL_3.upperBound() + ")")
            .fact("pamLevel", level).fact("pamScore", score).fact("pamAssessedOn", on);
      }
      LocalDate remeasure = on.plusMonths(t.getPamRemeasureMonths());
      if (remeasure.isBefore(asOf)) {
        out.raise(RECOMMENDATION, "PAM_REMEASURE", "", Priority.LOW,
                "Measure activation (PAM) again to see how the person's knowledge, skills and confidence have changed",
                RECOMMENDATIONS, "PAM older than the re-measure interval")
            .reason("Latest PAM on " + on + " is more than " + t.getPamRemeasureMonths()
                + " months old (re-measure due " + remeasure + ")")
            .fact("pamAssessedOn", on)
            .fact("pamLevel", level)
            .dueOn(remeasure);
      }
      if ((level == PamLevel.LEVEL_1 || level == PamLevel.LEVEL_2) && !socialPrescribingReferral) {
        out.raise(RECOMMENDATION, "REFER_SOCIAL_PRESCRIBING", "", Priority.MEDIUM, SOCIAL_PRESCRIBING_TEXT,
                RECOMMENDATIONS, "Social prescribing for low activation")
            .reason("Activation " + words(level) + " (PAM " + score + " on " + on
                + ") and no active referral to a social prescribing link worker")
            .fact("pamLevel", level)
            .fact("pamAssessedOn", on);
      }
      if ((level == PamLevel.LEVEL_2 || level == PamLevel.LEVEL_3) && !coachReferral) {
        out.raise(RECOMMENDATION, "REFER_HEALTH_COACH", "", Priority.MEDIUM,
                "Refer to a health and wellbeing coach to build the person's knowledge, skills and confidence to manage "
                    + "their health",
                RECOMMENDATIONS, "Health and wellbeing coach for moderate activation")
            .reason("Activation " + words(level) + " (PAM " + score + " on " + on
                + ") and no active referral to a health and wellbeing coach")
            .fact("pamLevel", level)
            .fact("pamAssessedOn", on);
      }
    } else if (inCohort) {
      out.raise(RECOMMENDATION, "PAM_MEASURE", "", Priority.MEDIUM,
              "Offer the Patient Activation Measure (PAM) to understand the person's knowledge, skills and "
                  + "confidence, and tailor support to it",
              RECOMMENDATIONS, "PAM missing for a person in a cohort")
          .reason("In care co-ordination cohort(s) " + cohortList + " with no PAM recorded")
          .fact("cohorts", cohortList)
          .fact("pamAssessments", 0);
    }

    // The personalised care and support plan, and its goals.
    PersonalisedCarePlan plan = c.plan().orElse(null);
    if (plan == null) {
      ConsentStatus consent = p.consent();
      if (inCohort && consent == ConsentStatus.GIVEN) {
        out.raise(RECOMMENDATION, "PLAN_CREATE", "", Priority.HIGH,
                "Start a personalised care and support plan with the person, based on what matters to them",
                RECOMMENDATIONS, "No care and support plan, consent given")
            .reason("In care co-ordination cohort(s) " + cohortList
                + "; has consented to personalised care and support planning but has no plan")
            .fact("cohorts", cohortList)
            .fact("consent", ConsentStatus.GIVEN);
      } else if (inCohort && consent == ConsentStatus.NOT_ASKED) {
        out.raise(RECOMMENDATION, "PLAN_CREATE", "", Priority.MEDIUM,
                "Talk with the person about personalised care and support planning and, with their consent, start a plan",
                RECOMMENDATIONS, "No care and support plan, consent not yet asked")
            .reason("In care co-ordination cohort(s) " + cohortList
                + "; has no plan and has not yet been asked about personalised care and support planning")
            .fact("cohorts", cohortList)
            .fact("consent", ConsentStatus.NOT_ASKED);
      }
    } else {
      plan(out, plan);
    }

    // Carers: their own needs, and what those needs call for.
    for (Carer k : p.carers()) {
      Set<CarerNeed> needs = k.ownNeeds();
      if (needs.isEmpty()) {
        continue; // every carer rule needs at least one need of their own
      }
      String relationship = words(k.relationship());
      String needList = joined(needs);
      out.raise(RECOMMENDATION, "CARER_SUPPORT", k.id(), Priority.MEDIUM,
              "Offer the carer a carer's assessment from the local authority and support for their own needs "
                  + "(e.g. carers' services, breaks, their own health)",
              RECOMMENDATIONS, "Carer with needs of their own")
          .reason(capitalised(relationship) + (k.mainCarer() ? " (main carer)" : "")
              + " has needs of their own: " + words(needList))
          .fact("carerId", k.id())
          .fact("relationship", k.relationship())
          .fact("mainCarer", k.mainCarer())
          .fact("ownNeeds", needList);
      if (needs.contains(CarerNeed.YOUNG_CARER)) {
        out.raise(RECOMMENDATION, "CARER_SUPPORT", k.id(), Priority.HIGH,
                "Refer the young carer to the local authority for a young carer's needs assessment and support",
                RECOMMENDATIONS, "Young carer")
            .reason("The " + relationship + " is a young carer")
            .fact("carerId", k.id())
            .fact("youngCarer", true);
      }
      if (inCohort && needs.contains(CarerNeed.FINANCIAL) && !benefitsReferral) {
        out.raise(RECOMMENDATION, "BENEFITS_ADVICE", "", Priority.MEDIUM, BENEFITS_TEXT,
                RECOMMENDATIONS, "Benefits advice: carer has money worries")
            .reason("The " + relationship + " who cares for the person has money worries; the person is in cohort(s) "
                + cohortList)
            .fact("carerId", k.id())
            .fact("carerNeed", CarerNeed.FINANCIAL)
            .fact("cohorts", cohortList);
      }
      if (inCohort && needs.contains(CarerNeed.RESPITE) && !phbReferral) {
        out.raise(RECOMMENDATION, "PERSONAL_HEALTH_BUDGET", "", Priority.LOW,
                "Explore whether a personal health budget could meet the person's needs more flexibly, "
                    + "including short breaks for their carer",
                RECOMMENDATIONS, "Personal health budget: carer needs a break")
            .reason("The " + relationship + " who cares for the person needs a break; the person is in cohort(s) "
                + cohortList)
            .fact("carerId", k.id())
            .fact("carerNeed", CarerNeed.RESPITE)
            .fact("cohorts", cohortList);
      }
      if (!socialPrescribingReferral) {
        out.raise(RECOMMENDATION, "REFER_SOCIAL_PRESCRIBING", "", Priority.MEDIUM, SOCIAL_PRESCRIBING_TEXT,
                RECOMMENDATIONS, "Social prescribing for a carer's needs")
            .reason("The " + relationship + " who cares for the person has needs of their own (" + words(needList)
                + ") and there is no active referral to a social prescribing link worker")
            .fact("carerId", k.id())
            .fact("ownNeeds", needList);
      }
    }
    if (cohorts.contains("FRAIL_ELDERLY") && flags.contains(ClinicalFlag.HOUSEBOUND) && !benefitsReferral) {
      out.raise(RECOMMENDATION, "BENEFITS_ADVICE", "", Priority.MEDIUM, BENEFITS_TEXT,
              RECOMMENDATIONS, "Benefits advice: frail or elderly and housebound")
          .reason("In the frail/elderly cohort and housebound: may be entitled to Attendance Allowance and help at home")
          .fact("cohort", "FRAIL_ELDERLY")
          .fact("housebound", true);
    }

    // Shared decision-making before a decision, unless a conversation is recorded for it.
    for (PendingDecision d : c.pendingDecisions()) {
      if (hasConversation(c.decisionConversations(), d.id())) {
        continue;
      }
      LocalDate decideBy = d.decideBy().orElse(null);
      if (decideBy == null) {
        out.raise(RECOMMENDATION, "SHARED_DECISION_SUPPORT", d.id(), Priority.MEDIUM, DECISION_TEXT,
                RECOMMENDATIONS, "Decision without a deadline and without shared decision-making support")
            .reason("Decision '" + d.topic() + "' is pending with no date set and no shared decision-making "
                + "conversation is recorded for it")
            .fact("decisionId", d.id())
            .fact("topic", d.topic());
      } else if (decideBy.isBefore(asOf)) {
        out.raise(RECOMMENDATION, "SHARED_DECISION_SUPPORT", d.id(), Priority.HIGH, DECISION_TEXT,
                RECOMMENDATIONS, "Decision deadline passed without shared decision-making support")
            .reason("Decision '" + d.topic() + "' was to be made by " + decideBy + ", which has passed; it is "
                + "still recorded as pending and no shared decision-making conversation is recorded for it")
            .fact("decisionId", d.id())
            .fact("topic", d.topic())
            .fact("decideBy", decideBy)
            .dueOn(decideBy);
      } else if (!decideBy.isAfter(asOf.plusDays(t.getDecisionSupportLeadDays()))) {
        out.raise(RECOMMENDATION, "SHARED_DECISION_SUPPORT", d.id(), Priority.HIGH, DECISION_TEXT,
                RECOMMENDATIONS, "Decision due soon without shared decision-making support")
            .reason("Decision '" + d.topic() + "' is to be made by " + decideBy + " (within "
                + t.getDecisionSupportLeadDays() + " days) and no shared decision-making conversation is recorded for it")
            .fact("decisionId", d.id())
            .fact("topic", d.topic())
            .fact("decideBy", decideBy)
            .dueOn(decideBy);
      }
    }

    // MDT discussion of a complex high-risk case, unless discussed recently.
    if (cohorts.contains("HIGH_RISK") && counted >= t.getMdtConditions() && !recentMdt(c.mdtDiscussions())) {
      out.raise(RECOMMENDATION, "MDT_DISCUSSION", "", Priority.HIGH,
              "Bring the person to the next multidisciplinary team meeting to agree co-ordinated care",
              RECOMMENDATIONS, "Complex high-risk case for MDT discussion")
          .reason(counted + " long-term conditions (" + t.getMdtConditions()
              + " or more), at high risk of unplanned care, and no MDT discussion in the last "
              + t.getMdtRecentDays() + " days")
          .fact("conditionCount", counted)
          .fact("cohort", "HIGH_RISK");
    }

    int gpAppointments = p.serviceUse().gpAppointments();
    if (gpAppointments >= t.getFrequentGpAppointments()) {
      out.raise(RECOMMENDATION, "REVIEW_APPOINTMENT_USE", "", Priority.MEDIUM,
              "Review with the person what their frequent GP appointments are for, and co-ordinate care so they "
                  + "avoid unnecessary appointments, procedures and tests",
              RECOMMENDATIONS, "Frequent GP appointments")
          .reason(gpAppointments + " GP appointments in 12 months (" + t.getFrequentGpAppointments() + " or more)")
          .fact("gpAppointmentsAtLeast", t.getFrequentGpAppointments());
    }

    if (!p.communicationNeeds().isEmpty()) {
      String needs = joined(p.communicationNeeds());
      out.raise(RECOMMENDATION, "ARRANGE_COMMUNICATION_SUPPORT", "", Priority.MEDIUM,
              "Arrange communication support before the next contact: " + words(needs),
              RECOMMENDATIONS, "Communication support before the next contact")
          .reason("Recorded communication needs: " + words(needs))
          .fact("communicationNeeds", needs);
    }
  }

  private void plan(Raised out, PersonalisedCarePlan plan) {
    PlanContent now = plan.current();
    CarePlanStatus status = now.status();
    int version = plan.versions().size();
    if (status == CarePlanStatus.ACTIVE && !now.sharedWithPatient()) {
      out.raise(RECOMMENDATION, "PLAN_SHARE", "", Priority.MEDIUM,
              "Give the person a copy of their care and support plan, in a format they can use",
              RECOMMENDATIONS, "Care and support plan not shared with the person")
          .reason("Plan " + plan.id() + " (version " + version + ", agreed " + now.agreedOn().orElse(null)
              + ") has not been shared with the person")
          .fact("planId", plan.id())
          .fact("planVersion", version);
    }
    if (status == CarePlanStatus.ACTIVE || status == CarePlanStatus.ON_HOLD) {
      LocalDate review = now.nextReviewOn().orElse(null);
      if (review == null) {
        out.raise(RECOMMENDATION, "PLAN_SET_REVIEW_DATE", "", Priority.MEDIUM,
                "Agree with the person when their care and support plan will be reviewed",
                RECOMMENDATIONS, "Care and support plan without a review date")
            .reason("Plan " + plan.id() + " (" + status.code() + ") has no review date")
            .fact("planId", plan.id())
            .fact("planVersion", version);
      } else if (review.isBefore(asOf)) {
        out.raise(RECOMMENDATION, "PLAN_REVIEW_OVERDUE", "", Priority.HIGH,
                "Review the care and support plan with the person: its review date has passed",
                RECOMMENDATIONS, "Care and support plan review overdue")
            .reason("Plan " + plan.id() + " was due for review on " + review)
            .fact("planId", plan.id())
            .fact("nextReviewOn", review)
            .dueOn(review);
      }
    }
    for (Goal g : now.goals()) {
      GoalAchievementStatus achievement = g.achievementStatus().orElse(null);
      LocalDate since = g.statusChangedOn().orElse(null);
      if (status == CarePlanStatus.ACTIVE && g.lifecycleStatus() == GoalLifecycleStatus.ACTIVE
          && achievement != null && STALLED.contains(achievement)
          && since != null && since.plusDays(t.getGoalStalledDays()).isBefore(asOf)) {
        out.raise(RECOMMENDATION, "GOAL_STALLED", g.id(), Priority.MEDIUM,
                "Talk with the person about the stalled goal: what is getting in the way, smaller steps, "
                    + "or a different goal",
                RECOMMENDATIONS, "Active goal stalled")
            .reason("Goal " + g.id() + " has been '" + achievement.code() + "' since " + since
                + " (more than " + t.getGoalStalledDays() + " days)")
            .fact("goalId", g.id())
            .fact("achievementStatus", achievement.code())
            .fact("statusChangedOn", since);
      }
    }
  }

  private boolean recentMdt(List<MdtDiscussion> discussions) {
    for (MdtDiscussion m : discussions) {
      if (!m.heldOn().plusDays(t.getMdtRecentDays()).isBefore(asOf)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasConversation(List<DecisionConversation> conversations, String decisionId) {
    for (DecisionConversation d : conversations) {
      if (decisionId.equals(d.pendingDecisionId().orElse(null))) {
        return true;
      }
    }
    return false;
  }

  // --- acknowledgements.drl ---

  /** A decline that holds back the recommendation with this code and fingerprint until a date. */
  private record Suppression(String code, String fingerprint, LocalDate until, HandRecord record) {}

  /**
   * The declines that hold something back: recorded with a fingerprint, within the snooze, not
   * replaced by a later answer to the same recommendation, and on a day with two declines the one
   * whose reason comes first.
   */
  private List<Suppression> suppressions(List<Acknowledgement> acks) {
    List<Suppression> holds = new ArrayList<>(acks.size());
    for (Acknowledgement a : acks) {
      String fp = a.factsFingerprint().orElse(null);
      if (a.decision() != AcknowledgementDecision.DECLINED || fp == null) {
        continue;
      }
      LocalDate on = a.recordedOn();
      LocalDate until = on.plusDays(t.getDeclinedSnoozeDays());
      if (until.isBefore(asOf) || replaced(acks, a, fp)) {
        continue;
      }
      String reason = a.reason().name().toLowerCase().replace('_', ' ');
      TreeMap<String, String> facts = new TreeMap<>();
      facts.put("declinedOn", on.toString());
      facts.put("declineReason", a.reason().name());
      facts.put("factsFingerprint", fp);
      facts.put("heldBackUntil", until.toString());
      holds.add(new Suppression(a.recommendationCode(), fp, until, new HandRecord(
          "Declined recommendation held back while its facts are unchanged", ACKNOWLEDGEMENTS,
          List.of("Declined on " + on + " (" + reason + "); held back until " + until
              + " unless the facts behind it change"),
          Collections.unmodifiableSortedMap(facts))));
    }
    return holds;
  }

  private static boolean replaced(List<Acknowledgement> acks, Acknowledgement a, String fp) {
    for (Acknowledgement b : acks) {
      if (!b.recommendationCode().equals(a.recommendationCode()) || !fp.equals(b.factsFingerprint().orElse(null))) {
        continue;
      }
      if (b.recordedOn().isAfter(a.recordedOn())) {
        return true; // a later answer replaces it
      }
      if (b.recordedOn().equals(a.recordedOn()) && b.decision() == AcknowledgementDecision.DECLINED
          && b.reason().ordinal() < a.reason().ordinal()) {
        return true; // same day: the first reason in code order counts
      }
    }
    return false;
  }

  private static Suppression heldBy(List<Suppression> holds, HandFinding f) {
    for (Suppression s : holds) {
      if (s.code.equals(f.code()) && s.fingerprint.equals(f.factsFingerprint())) {
        return s;
      }
    }
    return null;
  }

  // --- text helpers, as the DRL functions ---

  private static final String SOCIAL_PRESCRIBING_TEXT =
      "Refer to the social prescribing link worker to connect the person with community groups and "
          + "practical, social and emotional support";
  private static final String BENEFITS_TEXT =
      "Offer a benefits check or refer for welfare rights advice (e.g. Attendance Allowance, Carer's Allowance)";
  private static final String DECISION_TEXT =
      "Prepare the person for their decision: share a decision aid and help them think about what matters "
          + "to them before they talk with the clinician";

  /** Values sorted as text and joined with ", " (the DRL's {@code joined}). */
  private static String joined(Collection<?> values) {
    TreeSet<String> sorted = new TreeSet<>();
    for (Object v : values) {
      sorted.add(String.valueOf(v));
    }
    return String.join(", ", sorted);
  }

  /** An enum constant in words: SPOUSE_OR_PARTNER becomes "spouse or partner" (the DRL's {@code words}). */
  private static String words(Object value) {
    return String.valueOf(value).toLowerCase().replace('_', ' ');
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
