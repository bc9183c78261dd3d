package uk.nhs.carecoord.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodeList;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.ConditionCategory;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.Thresholds;

/**
 * The floor: the cohort, safeguarding and core recommendation decisions of the built-in DRL
 * (cohorts.drl, safeguarding.drl, the PAM and care-plan rules of recommendations.drl) written by
 * hand in plain Java, from the same model input. It builds a reason text per decision, like the
 * rules do, but no fingerprints, decision records or suppression by acknowledgements. Only for
 * benchmarking: {@code HandWrittenAgreesWithRulesTest} checks it decides the same codes.
 */
final class HandWritten {
  /** One decision: kind is COHORT, OBLIGATION or RECOMMENDATION as in FindingKind. */
  record Decision(String kind, String code, String subject, Priority priority, String reason) {}

  private final Thresholds t;
  private final CodeList codeList;
  private final LocalDate asOf;

  HandWritten(Thresholds thresholds, CodeList codeList, LocalDate asOf) {
    this.t = thresholds;
    this.codeList = codeList;
    this.asOf = asOf;
  }

  List<Decision> evaluate(PatientCase c, Pcn pcn) {
    List<Decision> out = new ArrayList<>(8);
    Patient p = c.patient();
    int age = p.ageOn(asOf);
    Set<ClinicalFlag> flags = p.flags();

    // Derived values, as FactAssembler derives them.
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
      if (of.contains(ConditionCategory.PHYSICAL)) {
        physical++;
      }
      if (of.contains(ConditionCategory.MENTAL_HEALTH)) {
        mental++;
      }
      if (of.contains(ConditionCategory.CANCER)) {
        LocalDate on = condition.diagnosedOn().orElse(null);
        if (on != null && (latestCancer == null || on.isAfter(latestCancer))) {
          latestCancer = on;
        }
      }
    }
    Optional<Frailty> frailty = p.frailty();
    int cfs = frailty.flatMap(Frailty::clinicalFrailtyScale).orElse(0);
    EfiCategory efi = frailty.flatMap(Frailty::efiCategory).orElse(null);

    // --- cohorts.drl ---
    if (age >= t.getFrailtyAge() && cfs >= t.getFrailCfs()) {
      cohort(out, "FRAIL_ELDERLY", Priority.HIGH, "Clinical Frailty Scale " + cfs + " (frail from " + t.getFrailCfs() + ") at age " + age);
    }
    if (age >= t.getFrailtyAge() && (efi == EfiCategory.MODERATE || efi == EfiCategory.SEVERE)) {
      cohort(out, "FRAIL_ELDERLY", Priority.HIGH, "Electronic frailty index: " + efi.name().toLowerCase() + " frailty at age " + age);
    }
    if (age >= t.getElderlyAge()) {
      cohort(out, "FRAIL_ELDERLY", Priority.MEDIUM, "Aged " + age + " (" + t.getElderlyAge() + " or over)");
    }
    if (counted >= t.getMultimorbidityConditions()) {
      cohort(out, "MULTIPLE_LONG_TERM_CONDITIONS", Priority.MEDIUM, counted + " long-term conditions (" + t.getMultimorbidityConditions() + " or more)");
    }
    if (physical >= 1 && mental >= 1) {
      cohort(out, "MULTIPLE_LONG_TERM_CONDITIONS", Priority.HIGH, "Both physical (" + physical + ") and mental health (" + mental + ") conditions");
    }
    if (flags.contains(ClinicalFlag.ACTIVE_CANCER)) {
      cohort(out, "CANCER", Priority.HIGH, "Flagged as having active cancer");
    }
    if (latestCancer != null && latestCancer.plusMonths(t.getCancerLookbackMonths()).isAfter(asOf)) {
      cohort(out, "CANCER", Priority.HIGH, "Cancer diagnosed on " + latestCancer + " (within " + t.getCancerLookbackMonths() + " months)");
    }
    if (flags.contains(ClinicalFlag.LEARNING_DISABILITY) || categories.contains(ConditionCategory.LEARNING_DISABILITY)) {
      cohort(out, "LEARNING_DISABILITY_AUTISM", Priority.HIGH, "Has a learning disability");
    }
    if (flags.contains(ClinicalFlag.AUTISM) || categories.contains(ConditionCategory.AUTISM)) {
      cohort(out, "LEARNING_DISABILITY_AUTISM", Priority.HIGH, "Is autistic");
    }
    if (flags.contains(ClinicalFlag.DEMENTIA) || categories.contains(ConditionCategory.DEMENTIA)) {
      cohort(out, "DEMENTIA", Priority.HIGH, "Has a dementia diagnosis or is on the dementia register");
    }
    if (flags.contains(ClinicalFlag.CARE_HOME_RESIDENT)) {
      cohort(out, "CARE_HOME", Priority.HIGH, "Lives in a care home");
    }
    int ae = p.serviceUse().aeAttendances();
    if (ae >= t.getHighRiskAeAttendances()) {
      cohort(out, "HIGH_RISK", Priority.HIGH, ae + " A&E attendances in 12 months (" + t.getHighRiskAeAttendances() + " or more)");
    }
    int admissions = p.serviceUse().emergencyAdmissions();
    if (admissions >= t.getHighRiskEmergencyAdmissions()) {
      cohort(out, "HIGH_RISK", Priority.URGENT, admissions + " emergency admissions in 12 months (" + t.getHighRiskEmergencyAdmissions() + " or more)");
    }
    if (p.repeatMedicines() >= t.getPolypharmacyMedicines()) {
      cohort(out, "HIGH_RISK", Priority.MEDIUM, p.repeatMedicines() + " repeat medicines (" + t.getPolypharmacyMedicines() + " or more)");
    }
    boolean inCohort = !out.isEmpty();

    // --- safeguarding.drl ---
    String gp = c.coordinatorId().flatMap(pcn::supervisionOf)
        .flatMap(SupervisionArrangement::gpSupervisor).map(NamedContact::name).orElse(null);
    for (SafeguardingConcern s : c.safeguardingConcerns()) {
      if (s.status() == ConcernStatus.CLOSED) {
        continue;
      }
      if (s.gpDiscussion().isEmpty()) {
        LocalDate due = s.raisedOn().plusDays(t.getSafeguardingDiscussionDays());
        boolean overdue = due.isBefore(asOf);
        out.add(new Decision("OBLIGATION", "DISCUSS_SAFEGUARDING_CONCERN", s.id(),
            overdue ? Priority.URGENT : Priority.HIGH,
            (overdue ? "Overdue: " : "") + "discuss with " + (gp != null ? gp : "a relevant GP")
                + "; " + s.category() + " concern raised on " + s.raisedOn()));
      } else {
        out.add(new Decision("OBLIGATION", "FOLLOW_UP_SAFEGUARDING_CONCERN", s.id(), Priority.MEDIUM,
            "Discussed with " + s.gpDiscussion().get().gpName() + " on " + s.gpDiscussion().get().discussedOn()
                + "; status " + s.status().name().toLowerCase()));
      }
    }

    // --- recommendations.drl: activation (PAM) and the care and support plan ---
    Optional<PamAssessment> pam = c.pamHistory().latest();
    if (pam.isPresent()) {
      PamAssessment latest = pam.get();
      switch (latest.level()) {
        case LEVEL_1 -> recommend(out, "PAM_LEVEL_1_SMALL_STEPS", Priority.MEDIUM, "PAM level 1");
        case LEVEL_2 -> recommend(out, "PAM_LEVEL_2_BUILD_SKILLS", Priority.MEDIUM, "PAM level 2");
        case LEVEL_3 -> recommend(out, "PAM_LEVEL_3_PROBLEM_SOLVING", Priority.LOW, "PAM level 3");
        case LEVEL_4 -> recommend(out, "PAM_LEVEL_4_SUSTAIN", Priority.LOW, "PAM level 4");
      }
      if (latest.assessedOn().plusMonths(t.getPamRemeasureMonths()).isBefore(asOf)) {
        recommend(out, "PAM_REMEASURE", Priority.LOW, "Last PAM on " + latest.assessedOn());
      }
    } else if (inCohort) {
      recommend(out, "PAM_MEASURE", Priority.MEDIUM, "In a cohort and never PAM-assessed");
    }
    if (c.plan().isEmpty()) {
      ConsentStatus consent = p.consent();
      if (inCohort && consent == ConsentStatus.GIVEN) {
        recommend(out, "PLAN_CREATE", Priority.HIGH, "In a cohort, consented, no plan");
      } else if (inCohort && consent == ConsentStatus.NOT_ASKED) {
        recommend(out, "PLAN_CREATE", Priority.MEDIUM, "In a cohort, not yet asked, no plan");
      }
    } else {
      PlanContent now = c.plan().get().current();
      CarePlanStatus status = now.status();
      if (status == CarePlanStatus.ACTIVE && !now.sharedWithPatient()) {
        recommend(out, "PLAN_SHARE", Priority.MEDIUM, "Plan agreed on " + now.agreedOn().orElse(null) + " not shared");
      }
      if (status == CarePlanStatus.ACTIVE || status == CarePlanStatus.ON_HOLD) {
        LocalDate review = now.nextReviewOn().orElse(null);
        if (review == null) {
          recommend(out, "PLAN_SET_REVIEW_DATE", Priority.MEDIUM, "Plan has no review date");
        } else if (review.isBefore(asOf)) {
          recommend(out, "PLAN_REVIEW_OVERDUE", Priority.HIGH, "Plan review was due on " + review);
        }
      }
    }
    return out;
  }

  private static void cohort(List<Decision> out, String code, Priority priority, String reason) {
    out.add(new Decision("COHORT", code, null, priority, reason));
  }

  private static void recommend(List<Decision> out, String code, Priority priority, String reason) {
    out.add(new Decision("RECOMMENDATION", code, null, priority, reason));
  }
}
