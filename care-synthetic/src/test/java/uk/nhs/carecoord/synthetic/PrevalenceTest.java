package uk.nhs.carecoord.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodeList;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.ConditionCategory;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.model.ServiceType;

/**
 * Prevalence in a population of 20 000 lies in loose bands around the figures the generator aims
 * at (sampling error at this size is a few tenths of a percentage point for the common
 * conditions). Run with {@code -Dsynthetic.report=true} to print the figures.
 */
class PrevalenceTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  private static final CodeList CODES = CodeList.bundled();

  private static List<PatientCase> cases;

  @BeforeAll
  static void generate() {
    cases = SyntheticPopulation.builder().seed(2026).patients(20_000).practices(4).coordinators(5).asOf(AS_OF).build().cases();
  }

  @Test
  void theAgePyramidIsRoughlyThatOfAGpList() {
    assertShare("aged 65 and over", 0.15, 0.21, cases, c -> age(c) >= 65);
    assertShare("aged 85 and over", 0.018, 0.033, cases, c -> age(c) >= 85);
    assertShare("children under 18", 0.17, 0.25, cases, c -> age(c) < 18);
    assertShare("female", 0.47, 0.54, cases, c -> c.patient().sex().code().equals("female"));
  }

  @Test
  void longTermConditionsHavePlausiblePrevalence() {
    assertShare("hypertension", 0.11, 0.17, cases, hasCode(Epidemiology.HYPERTENSION));
    assertShare("diabetes", 0.055, 0.085, cases, hasAnyCode(Epidemiology.DIABETES_CODES));
    assertShare("asthma", 0.045, 0.075, cases, hasCode(Epidemiology.ASTHMA));
    assertShare("COPD", 0.013, 0.028, cases, hasCode(Epidemiology.COPD));
    assertShare("depression", 0.095, 0.145, cases, hasCode(Epidemiology.DEPRESSION));
    assertShare("dementia", 0.005, 0.011, cases, inCategory(ConditionCategory.DEMENTIA));
    assertShare("learning disability", 0.003, 0.0075, cases, inCategory(ConditionCategory.LEARNING_DISABILITY));
    assertShare("autism", 0.0065, 0.014, cases, inCategory(ConditionCategory.AUTISM));
    assertShare("cancer", 0.022, 0.038, cases, inCategory(ConditionCategory.CANCER));
    assertShare("two or more conditions", 0.18, 0.32, cases, c -> c.patient().conditions().size() >= 2);
    assertShare("every code on the bundled list", 1.0, 1.0, cases, c -> c.patient().conditions().stream().allMatch(l -> !CODES.categoriesOf(l.snomedCode()).isEmpty()));
  }

  @Test
  void conditionsRiseWithAge() {
    List<PatientCase> under40 = cases.stream().filter(c -> age(c) < 40).toList();
    List<PatientCase> over70 = cases.stream().filter(c -> age(c) >= 70).toList();
    double young = share(under40, hasCode(Epidemiology.HYPERTENSION));
    double old = share(over70, hasCode(Epidemiology.HYPERTENSION));
    assertTrue(old > 10 * young, "hypertension " + young + " under 40, " + old + " at 70+");
    List<PatientCase> dementia = cases.stream().filter(inCategory(ConditionCategory.DEMENTIA)).toList();
    assertShare("people with dementia aged 75+", 0.7, 1.0, dementia, c -> age(c) >= 75);
  }

  @Test
  void registersAndPlaceOfLivingArePlausible() {
    assertShare("care home residents", 0.004, 0.010, cases, flag(ClinicalFlag.CARE_HOME_RESIDENT));
    List<PatientCase> careHome = cases.stream().filter(flag(ClinicalFlag.CARE_HOME_RESIDENT)).toList();
    assertShare("care home residents aged 80+", 0.7, 1.0, careHome, c -> age(c) >= 80);
    assertShare("housebound", 0.005, 0.025, cases, flag(ClinicalFlag.HOUSEBOUND));
    assertShare("learning disability register", 0.003, 0.0075, cases, flag(ClinicalFlag.LEARNING_DISABILITY));
    assertShare("dementia register", 0.005, 0.011, cases, flag(ClinicalFlag.DEMENTIA));
  }

  @Test
  void frailtyIsRecordedForMostOlderPeopleAndSevereForAMinority() {
    List<PatientCase> older = cases.stream().filter(c -> age(c) >= 65).toList();
    assertShare("65+ with frailty recorded", 0.6, 0.95, older, c -> c.patient().frailty().isPresent());
    assertShare("65+ with moderate or severe eFI", 0.08, 0.25, older, c -> c.patient().frailty().flatMap(f -> f.efiCategory()).filter(e -> e == EfiCategory.MODERATE || e == EfiCategory.SEVERE).isPresent());
    assertShare("65+ with severe eFI", 0.01, 0.08, older, c -> c.patient().frailty().flatMap(f -> f.efiCategory()).filter(e -> e == EfiCategory.SEVERE).isPresent());
    assertShare("65+ with a Clinical Frailty Scale score", 0.1, 0.45, older, c -> c.patient().frailty().flatMap(f -> f.clinicalFrailtyScale()).isPresent());
  }

  @Test
  void serviceUseAndMedicinesAreSkewed() {
    assertShare("10 or more repeat medicines", 0.01, 0.05, cases, c -> c.patient().repeatMedicines() >= 10);
    assertShare("no A&E attendance", 0.75, 0.92, cases, c -> c.patient().serviceUse().aeAttendances() == 0);
    assertShare("3 or more A&E attendances", 0.005, 0.04, cases, c -> c.patient().serviceUse().aeAttendances() >= 3);
    assertShare("2 or more emergency admissions", 0.003, 0.025, cases, c -> c.patient().serviceUse().emergencyAdmissions() >= 2);
  }

  @Test
  void coordinatorsHoldSomeCasesAndManyHaveNone() {
    assertShare("cases with a co-ordinator", 0.12, 0.35, cases, c -> c.coordinatorId().isPresent());
    List<PatientCase> held = cases.stream().filter(c -> c.coordinatorId().isPresent()).toList();
    assertShare("held cases with contacts", 0.8, 1.0, held, c -> !c.contacts().isEmpty());
    assertShare("held cases with referrals", 0.3, 0.6, held, c -> !c.referrals().isEmpty());
    assertShare("held cases with MDT discussion", 0.05, 0.3, held, c -> !c.mdtDiscussions().isEmpty());
    assertShare("held cases with a pending decision", 0.06, 0.2, held, c -> !c.pendingDecisions().isEmpty());
    List<PatientCase> deciding = held.stream().filter(c -> !c.pendingDecisions().isEmpty()).toList();
    assertShare("pending decisions with an SDM conversation", 0.35, 0.8, deciding, c -> c.decisionConversations().stream().anyMatch(d -> d.pendingDecisionId().isPresent()));
    assertShare("referrals to social prescribing", 0.01, 0.2, held, c -> c.referrals().stream().anyMatch(r -> r.service() == ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER));
    assertShare("referrals to a health and wellbeing coach", 0.01, 0.2, held, c -> c.referrals().stream().anyMatch(r -> r.service() == ServiceType.HEALTH_AND_WELLBEING_COACH));
  }

  @Test
  void pamScoresAreSpreadAndRepeatedMonthsApart() {
    assertShare("people with a PAM score", 0.04, 0.14, cases, c -> !c.pamAssessments().isEmpty());
    List<PatientCase> assessed = cases.stream().filter(c -> !c.pamAssessments().isEmpty()).toList();
    assertShare("assessed more than once", 0.35, 0.75, assessed, c -> c.pamAssessments().size() > 1);
    for (PatientCase c : assessed) {
      List<PamAssessment> history = c.pamHistory().assessments();
      assertTrue(history.size() <= 4);
      for (int i = 0; i < history.size(); i++) {
        double score = history.get(i).score();
        assertTrue(score >= 30 && score <= 85, "score " + score);
        if (i > 0) {
          assertTrue(history.get(i - 1).assessedOn().plusDays(89).isBefore(history.get(i).assessedOn()));
        }
      }
    }
    assertShare("assessed at level 1", 0.1, 0.4, assessed, c -> c.pamHistory().latest().orElseThrow().level().number() == 1);
    assertShare("assessed at level 4", 0.1, 0.5, assessed, c -> c.pamHistory().latest().orElseThrow().level().number() == 4);
  }

  @Test
  void plansVaryInStatusReviewAndSharing() {
    List<PersonalisedCarePlan> plans = cases.stream().flatMap(c -> c.plan().stream()).toList();
    assertShare("people with a plan", 0.05, 0.15, cases, c -> c.plan().isPresent());
    assertShare("plans amended", 0.15, 0.45, plans, p -> p.versions().size() > 1);
    assertShare("plans active", 0.55, 0.85, plans, p -> p.current().status() == CarePlanStatus.ACTIVE);
    assertShare("plans with a review overdue", 0.1, 0.4, plans, p -> p.current().nextReviewOn().filter(AS_OF::isAfter).isPresent());
    assertShare("plans not shared", 0.1, 0.4, plans, p -> !p.current().sharedWithPatient());
    assertShare("plans with an overdue action", 0.1, 0.7, plans, p -> p.current().actions().stream().anyMatch(a -> a.completedOn().isEmpty() && a.dueOn().filter(AS_OF::isAfter).isPresent()));
    for (PersonalisedCarePlan p : plans) {
      PlanContent content = p.current();
      assertTrue(!content.goals().isEmpty() && !content.actions().isEmpty(), p.id());
      for (int i = 1; i < p.versions().size(); i++) {
        assertTrue(p.versions().get(i).amendmentReason().isPresent());
      }
    }
    Set<String> owners = Set.copyOf(plans.stream().flatMap(p -> p.current().actions().stream()).map(a -> a.owner().kind().name()).toList());
    assertTrue(owners.containsAll(Set.of("PATIENT", "CARER", "CARE_COORDINATOR", "SERVICE")), owners.toString());
  }

  @Test
  void safeguardingConcernsAreRareAndVaried() {
    assertShare("people with a safeguarding concern", 0.006, 0.016, cases, c -> !c.safeguardingConcerns().isEmpty());
    List<SafeguardingConcern> concerns = cases.stream().flatMap(c -> c.safeguardingConcerns().stream()).toList();
    assertShare("concerns discussed with a GP", 0.55, 0.95, concerns, s -> s.gpDiscussion().isPresent());
    assertShare("concerns closed", 0.2, 0.55, concerns, s -> s.status() == ConcernStatus.CLOSED);
    assertShare("open concerns not discussed", 0.02, 0.4, concerns, s -> s.status() == ConcernStatus.OPEN && s.gpDiscussion().isEmpty());
  }

  private static int age(PatientCase c) {
    return c.patient().ageOn(AS_OF);
  }

  private static Predicate<PatientCase> hasCode(String code) {
    return c -> c.patient().conditions().stream().anyMatch(l -> l.snomedCode().equals(code));
  }

  private static Predicate<PatientCase> hasAnyCode(Collection<String> codes) {
    return c -> c.patient().conditions().stream().map(LongTermCondition::snomedCode).anyMatch(codes::contains);
  }

  private static Predicate<PatientCase> inCategory(ConditionCategory category) {
    return c -> CODES.categoriesOf(c.patient().conditions()).contains(category);
  }

  private static Predicate<PatientCase> flag(ClinicalFlag flag) {
    return c -> c.patient().has(flag);
  }

  private static <T> double share(List<T> items, Predicate<? super T> p) {
    return items.isEmpty() ? 0 : (double) items.stream().filter(p).count() / items.size();
  }

  private static <T> void assertShare(String what, double min, double max, List<T> items, Predicate<? super T> p) {
    double share = share(items, p);
    if (Boolean.getBoolean("synthetic.report")) {
      System.out.printf("synthetic prevalence: %-45s %6.2f%% of %d%n", what, 100 * share, items.size());
    }
    assertTrue(
        share >= min && share <= max,
        String.format("%s: %.2f%% of %d, expected %.1f%%–%.1f%%", what, 100 * share, items.size(), 100 * min, 100 * max));
  }
}
