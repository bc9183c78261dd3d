package uk.nhs.carecoord.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.CodedEntryStatus;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.EfiCategory;
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
    assertShare("hypertension", 0.11, 0.17, cases, active("HYP_COD"));
    assertShare("diabetes", 0.055, 0.085, cases, active("DM_COD"));
    assertShare("asthma", 0.045, 0.075, cases, coded("AST_COD"));
    assertShare("COPD", 0.013, 0.028, cases, active("COPD_COD"));
    assertShare("depression ever coded", 0.095, 0.145, cases, coded("DEPR_COD"));
    assertShare("depression current", 0.06, 0.11, cases, active("DEPR_COD"));
    assertShare("dementia", 0.005, 0.011, cases, active("DEM_COD"));
    assertShare("learning disability", 0.003, 0.0075, cases, active("LD_COD"));
    assertShare("autism", 0.0065, 0.014, cases, active("AUTISM_COD"));
    assertShare("cancer", 0.022, 0.038, cases, active("C19CAN_COD").or(active("C19HAEMCAN_COD")));
    assertShare("two or more clustered conditions", 0.10, 0.25, cases, c -> conditionsOf(c).size() >= 2);
  }

  @Test
  void recordsHoldRealCodesTheWayGpSystemsRecordThem() {
    List<CodedEntry> all = cases.stream().flatMap(c -> c.patient().codedEntries().stream()).toList();
    // Every code is real: in a built-in cluster, or one of the few unclustered concepts the
    // generator knows, whose term it records (display from the published list).
    for (CodedEntry e : all) {
      assertTrue(e.display().isPresent(), e.snomedCode());
      if (!Coding.CLUSTERS.clustersOf(e.snomedCode()).isEmpty()) {
        assertTrue(Coding.CLUSTERS.clustersOf(e.snomedCode()).stream().anyMatch(k -> k.codes().get(e.snomedCode()).equals(e.display().get())), e.snomedCode());
      } else {
        assertTrue(Coding.unclustered(e.snomedCode()).equals(e.snomedCode()));
      }
    }
    assertShare("people with a code in no cluster", 0.1, 0.45, cases, c -> c.patient().codedEntries().stream().anyMatch(e -> Coding.CLUSTERS.clustersOf(e.snomedCode()).isEmpty()));
    List<CodedEntry> diabetes = all.stream().filter(e -> cluster("DM_COD").contains(e.snomedCode())).toList();
    assertShare("diabetes entries with a specific child concept", 0.05, 0.3, diabetes, e -> !Set.of(Epidemiology.DIABETES, Epidemiology.TYPE_1_DIABETES, Epidemiology.TYPE_2_DIABETES, Epidemiology.TYPE_2_DIABETES_NO_COMPLICATION).contains(e.snomedCode()));
    assertShare("people with one condition coded twice", 0.02, 0.12, cases, c -> c.patient().codedEntries().stream().filter(e -> e.status() == CodedEntryStatus.ACTIVE).flatMap(e -> Coding.CLUSTERS.clustersOf(e.snomedCode()).stream()).map(CodeCluster::condition).distinct().count() < c.patient().codedEntries().stream().filter(e -> e.status() == CodedEntryStatus.ACTIVE).filter(e -> Coding.CLUSTERS.clustersOf(e.snomedCode()).stream().anyMatch(k -> k.meaning().name().startsWith("LONG_TERM"))).count());
    List<CodedEntry> depression = all.stream().filter(e -> cluster("DEPR_COD").contains(e.snomedCode())).toList();
    assertShare("depression entries resolved", 0.15, 0.35, depression, e -> e.status() == CodedEntryStatus.RESOLVED);
    assertShare("no condition in the older form", 1.0, 1.0, cases, c -> c.patient().conditions().isEmpty());
  }

  @Test
  void conditionsRiseWithAge() {
    List<PatientCase> under40 = cases.stream().filter(c -> age(c) < 40).toList();
    List<PatientCase> over70 = cases.stream().filter(c -> age(c) >= 70).toList();
    double young = share(under40, active("HYP_COD"));
    double old = share(over70, active("HYP_COD"));
    assertTrue(old > 10 * young, "hypertension " + young + " under 40, " + old + " at 70+");
    List<PatientCase> dementia = cases.stream().filter(active("DEM_COD")).toList();
    assertShare("people with dementia aged 75+", 0.7, 1.0, dementia, c -> age(c) >= 75);
  }

  @Test
  void registersAndPlaceOfLivingArePlausible() {
    Predicate<PatientCase> careHome = flag(ClinicalFlag.CARE_HOME_RESIDENT).or(active("CAREHOME_COD")).or(active("TEMPCARHOME_COD"));
    assertShare("care home residents", 0.004, 0.011, cases, careHome);
    assertShare("care home residents coded", 0.003, 0.010, cases, active("CAREHOME_COD"));
    assertShare("care home residents aged 80+", 0.7, 1.0, cases.stream().filter(careHome).toList(), c -> age(c) >= 80);
    assertShare("housebound coded or flagged", 0.005, 0.025, cases, flag(ClinicalFlag.HOUSEBOUND).or(active("HOUSEBOUND_OS")));
    assertShare("coded no longer housebound", 0.0003, 0.005, cases, active("NO_LONGER_HOUSEBOUND_OS"));
    List<PatientCase> adults = cases.stream().filter(c -> age(c) >= 18).toList();
    assertShare("adults coded as unpaid carers", 0.02, 0.08, adults, active("PRIMIS_CARER"));
    assertShare("palliative care coded", 0.0003, 0.008, cases, active("PALCARE_COD"));
    assertShare("frailty coded", 0.01, 0.08, cases, active("MILDFRAIL_COD").or(active("MODFRAIL_COD")).or(active("SEVFRAIL_COD")));
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

  private static CodeCluster cluster(String id) {
    return Coding.CLUSTERS.cluster(id).orElseThrow();
  }

  /** Has an active entry in the cluster. */
  private static Predicate<PatientCase> active(String clusterId) {
    CodeCluster cluster = cluster(clusterId);
    return c -> c.patient().codedEntries().stream().anyMatch(e -> e.status() == CodedEntryStatus.ACTIVE && cluster.contains(e.snomedCode()));
  }

  /** Has an entry in the cluster, of any status. */
  private static Predicate<PatientCase> coded(String clusterId) {
    CodeCluster cluster = cluster(clusterId);
    return c -> c.patient().codedEntries().stream().anyMatch(e -> cluster.contains(e.snomedCode()));
  }

  /** The distinct long-term conditions (by cluster condition) of active entries. */
  private static Set<String> conditionsOf(PatientCase c) {
    return c.patient().codedEntries().stream()
        .filter(e -> e.status() == CodedEntryStatus.ACTIVE)
        .flatMap(e -> Coding.CLUSTERS.clustersOf(e.snomedCode()).stream())
        .filter(k -> k.meaning().name().startsWith("LONG_TERM") || k.meaning().name().equals("CANCER") || k.meaning().name().equals("DEMENTIA") || k.meaning().name().equals("LEARNING_DISABILITY"))
        .map(CodeCluster::condition)
        .collect(java.util.stream.Collectors.toSet());
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
