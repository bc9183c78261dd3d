package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.ImmutableSupervisionArrangement;
import uk.nhs.carecoord.model.ImmutableTrainingRecord;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.model.TrainingProgress;
import uk.nhs.carecoord.model.TrainingRecord;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.rules.authoring.CoordinatorFacts;
import uk.nhs.carecoord.rules.authoring.Scenario;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * Each rule of training.drl, firing and not firing at its boundary. Defaults: PCI course window
 * 12 months, PCI eLearning and minimum standards 6 months, safeguarding and MCA/DoLS renewed every
 * 36 months, due soon within 60 days (inclusive).
 */
class TrainingRulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  /** Started long enough ago that every first-completion window has passed. */
  static final LocalDate LONG_AGO = LocalDate.of(2025, 1, 6);
  /** When the baseline co-ordinator completed everything (renewals lapse 2028-03-01). */
  static final LocalDate DONE = LocalDate.of(2025, 3, 1);

  static final Set<TrainingModule> PCI = EnumSet.of(
      TrainingModule.PCI_CARE_COORDINATOR_COURSE,
      TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING,
      TrainingModule.PCI_ELEARNING_PERSONALISED_CARE_AND_SUPPORT_PLANNING);

  private static volatile CareRules compiled;

  static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = compiledRules();
  }

  /** Compiled once per class, shared by the JUnit tests and the jqwik properties. */
  static synchronized CareRules compiledRules() {
    if (compiled == null) {
      compiled = CareRules.builder().asOf(AS_OF).build();
    }
    return compiled;
  }

  // --- Building co-ordinators ----------------------------------------------------------------

  static TrainingRecord completed(TrainingModule m, LocalDate on) {
    return TrainingRecord.completed(m, on);
  }

  static TrainingRecord completed(TrainingModule m, LocalDate on, LocalDate expires) {
    return TrainingRecord.builder().module(m).progress(TrainingProgress.COMPLETED).completedOn(on).expiresOn(expires).build();
  }

  static TrainingRecord unfinished(TrainingModule m, TrainingProgress progress, LocalDate startedOn) {
    ImmutableTrainingRecord.Builder b = TrainingRecord.builder().module(m).progress(progress);
    if (startedOn != null) {
      b.startedOn(startedOn);
    }
    return b.build();
  }

  /** Everything completed on {@link #DONE} except the modules replaced or removed. */
  static CareCoordinator coordinator(LocalDate startedOn, Map<TrainingModule, List<TrainingRecord>> overrides) {
    List<TrainingRecord> records = new ArrayList<>();
    for (TrainingModule m : TrainingModule.values()) {
      records.addAll(overrides.getOrDefault(m, List.of(completed(m, DONE))));
    }
    return CareCoordinator.builder().id("cc-1").name("Alex Morgan").startedOn(startedOn).addAllTrainingRecords(records).build();
  }

  static CareCoordinator with(TrainingModule m, TrainingRecord... records) {
    return coordinator(LONG_AGO, Map.of(m, List.of(records)));
  }

  static CareCoordinator without(TrainingModule... modules) {
    Map<TrainingModule, List<TrainingRecord>> overrides = new EnumMap<>(TrainingModule.class);
    for (TrainingModule m : modules) {
      overrides.put(m, List.of());
    }
    return coordinator(LONG_AGO, overrides);
  }

  static CareCoordinator allComplete() {
    return coordinator(LONG_AGO, Map.of());
  }

  static Pcn pcn(CareCoordinator cc, UnaryOperator<ImmutableSupervisionArrangement.Builder> supervision) {
    ImmutableSupervisionArrangement.Builder s = SupervisionArrangement.builder().coordinatorId(cc.id());
    return Pcn.builder().code("U12345").name("Riverside PCN")
        .addPractices(Practice.of("Y00001", "Riverside Surgery"))
        .addCoordinators(cc)
        .addSupervision(supervision.apply(s).build())
        .build();
  }

  static Pcn supervised(CareCoordinator cc) {
    return pcn(cc, s -> s.firstPointOfContact(NamedContact.of("Priya Shah", "PCN manager"))
        .gpSupervisor(NamedContact.of("Dr A. Patel", "GP partner")));
  }

  static CoordinatorEvaluation evaluate(CareCoordinator cc) {
    return rules.evaluate(cc, supervised(cc));
  }

  static CoordinatorEvaluation evaluateOn(LocalDate asOf, CareCoordinator cc) {
    return rules.asOf(asOf).evaluate(cc, supervised(cc));
  }

  static TrainingStatus status(CoordinatorEvaluation e, TrainingModule m) {
    return e.statusOf(m.name()).orElseThrow(() -> new AssertionError(m + " not assessed: " + e.codes()));
  }

  static Finding training(CoordinatorEvaluation e, TrainingModule m) {
    return e.training().stream().filter(f -> f.code().equals(m.name())).findFirst().orElseThrow();
  }

  static String rule(Finding f) {
    assertEquals(1, f.decisions().size(), () -> "one rule per status: " + f.decisions());
    return f.decisions().get(0).rule();
  }

  // --- Which items are required ----------------------------------------------------------------

  @Test
  void everyRequiredItemGetsExactlyOneStatus() {
    CoordinatorEvaluation e = evaluate(allComplete());
    assertEquals(TrainingModule.values().length, e.training().size());
    for (TrainingModule m : TrainingModule.values()) {
      Finding f = training(e, m);
      assertEquals(Optional.of(TrainingStatus.COMPLETE), f.status(), m.name());
      assertEquals(1, f.decisions().size(), m.name());
      assertEquals("training", f.decisions().get(0).ruleSet());
      assertEquals("2026.11.1", f.decisions().get(0).ruleSetVersion());
      assertEquals(AS_OF, f.decisions().get(0).asOf());
    }
    assertTrue(e.compliant());
    assertEquals(Set.of("FIRST_POINT_OF_CONTACT_NAMED", "GP_SUPERVISOR_NAMED"),
        e.supervision().stream().map(Finding::code).collect(Collectors.toSet()));
  }

  @Test
  void windowsRunFromStartInPostPerKindOfItem() {
    // Started 2026-05-24: eLearning and standards due 2026-11-24 (today), course 2027-05-24.
    LocalDate start = AS_OF.minusMonths(6);
    CoordinatorEvaluation e = rules.evaluate(coordinator(start, Map.of(
        TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING, List.of(unfinished(TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING, TrainingProgress.IN_PROGRESS, start)),
        TrainingModule.MENTAL_CAPACITY_ACT, List.of(unfinished(TrainingModule.MENTAL_CAPACITY_ACT, TrainingProgress.ENROLLED, null)),
        TrainingModule.PCI_CARE_COORDINATOR_COURSE, List.of(unfinished(TrainingModule.PCI_CARE_COORDINATOR_COURSE, TrainingProgress.ENROLLED, start)))),
        supervised(allComplete()));
    assertEquals(Optional.of(AS_OF), training(e, TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING).dueOn());
    assertEquals(Optional.of(AS_OF), training(e, TrainingModule.MENTAL_CAPACITY_ACT).dueOn());
    assertEquals(Optional.of(AS_OF.plusMonths(6)), training(e, TrainingModule.PCI_CARE_COORDINATOR_COURSE).dueOn());
  }

  // --- Not yet completed: deadline day inclusive ---------------------------------------------

  @Test
  void inProgressIsDueSoonUpToAndIncludingTheDeadlineThenOverdue() {
    // Started 2026-05-24, so the 6-month eLearning deadline is 2026-11-24.
    LocalDate start = AS_OF.minusMonths(6);
    TrainingModule m = TrainingModule.PCI_ELEARNING_PERSONALISED_CARE_AND_SUPPORT_PLANNING;
    CareCoordinator cc = coordinator(start, Map.of(m, List.of(unfinished(m, TrainingProgress.IN_PROGRESS, start))));

    CoordinatorEvaluation onDeadline = evaluateOn(AS_OF, cc);
    assertEquals(TrainingStatus.DUE_SOON, status(onDeadline, m));
    assertEquals("Training under way before the deadline", rule(training(onDeadline, m)));
    assertTrue(onDeadline.compliant());

    CoordinatorEvaluation dayAfter = evaluateOn(AS_OF.plusDays(1), cc);
    assertEquals(TrainingStatus.OVERDUE, status(dayAfter, m));
    assertEquals("Training not completed by the deadline", rule(training(dayAfter, m)));
    assertFalse(dayAfter.compliant());
  }

  @Test
  void enrolledMinimumStandardIsDueSoonBeforeItsDeadlineOnly() {
    LocalDate start = AS_OF.minusMonths(6).plusDays(1); // deadline tomorrow
    TrainingModule m = TrainingModule.DEVELOPING_PARTNERSHIPS;
    CareCoordinator cc = coordinator(start, Map.of(m, List.of(unfinished(m, TrainingProgress.ENROLLED, null))));
    assertEquals(TrainingStatus.DUE_SOON, status(evaluate(cc), m));
    assertEquals(TrainingStatus.DUE_SOON, status(evaluateOn(AS_OF.plusDays(1), cc), m));
    assertEquals(TrainingStatus.OVERDUE, status(evaluateOn(AS_OF.plusDays(2), cc), m));
  }

  @Test
  void pciCourseEnrolledWithinItsWindowIsAcceptedForArrs() {
    // Started 2025-11-24: the 12-month course window ends today.
    LocalDate start = AS_OF.minusMonths(12);
    TrainingModule m = TrainingModule.PCI_CARE_COORDINATOR_COURSE;
    CareCoordinator cc = coordinator(start, Map.of(m, List.of(unfinished(m, TrainingProgress.ENROLLED, start.plusMonths(2)))));

    CoordinatorEvaluation within = evaluate(cc);
    Finding f = training(within, m);
    assertEquals(Optional.of(TrainingStatus.DUE_SOON), f.status());
    assertEquals("PCI course enrolled or under way within its window", rule(f));
    assertTrue(f.reasons().get(0).contains("enrolled in, undertaking or qualified from"), f.reasons().toString());
    assertTrue(within.compliant(), "an enrolled course does not make the co-ordinator non-compliant");

    CoordinatorEvaluation after = evaluateOn(AS_OF.plusDays(1), cc);
    assertEquals(TrainingStatus.OVERDUE, status(after, m));
    assertFalse(after.compliant());
  }

  @Test
  void pciCourseUnderWayWithinItsWindowIsAcceptedToo() {
    TrainingModule m = TrainingModule.PCI_CARE_COORDINATOR_COURSE;
    CareCoordinator cc = coordinator(AS_OF.minusMonths(3), Map.of(m, List.of(unfinished(m, TrainingProgress.IN_PROGRESS, AS_OF.minusMonths(1)))));
    CoordinatorEvaluation e = evaluate(cc);
    assertEquals(TrainingStatus.DUE_SOON, status(e, m));
    assertTrue(training(e, m).text().contains("under way"), training(e, m).text());
    assertTrue(e.compliant());
  }

  // --- Completed before / after the deadline -------------------------------------------------

  @Test
  void completedTheDayBeforeOrOnTheDeadlineIsComplete() {
    LocalDate start = AS_OF.minusMonths(8); // standards deadline two months ago
    LocalDate deadline = start.plusMonths(6);
    TrainingModule m = TrainingModule.PERSONALISED_CARE_CORE_SKILLS;
    for (LocalDate on : List.of(deadline.minusDays(1), deadline)) {
      CoordinatorEvaluation e = rules.evaluate(coordinator(start, Map.of(m, List.of(completed(m, on)))), supervised(allComplete()));
      Finding f = training(e, m);
      assertEquals(Optional.of(TrainingStatus.COMPLETE), f.status(), on.toString());
      assertEquals("Training complete, not renewed", rule(f));
      assertEquals(Optional.empty(), f.dueOn(), "an item that is not renewed has no due date");
    }
  }

  @Test
  void completedLateStillCountsAsComplete() {
    LocalDate start = AS_OF.minusMonths(8);
    TrainingModule m = TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING;
    CoordinatorEvaluation e = rules.evaluate(coordinator(start, Map.of(m, List.of(completed(m, start.plusMonths(6).plusDays(1))))), supervised(allComplete()));
    assertEquals(TrainingStatus.COMPLETE, status(e, m));
    assertTrue(e.compliant());
  }

  @Test
  void itemsThatAreNotRenewedNeverLapse() {
    for (TrainingModule m : List.of(TrainingModule.DEVELOPING_PARTNERSHIPS, TrainingModule.PERSONALISED_CARE_CORE_SKILLS,
        TrainingModule.PCI_CARE_COORDINATOR_COURSE, TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING)) {
      CareCoordinator cc = coordinator(AS_OF.minusYears(9), Map.of(m, List.of(completed(m, AS_OF.minusYears(8)))));
      assertEquals(TrainingStatus.COMPLETE, status(rules.evaluate(cc, supervised(cc)), m), m.name());
    }
  }

  // --- Renewal: computed from the renewal period ---------------------------------------------

  @Test
  void safeguardingLapsesOnItsRenewalDate() {
    for (TrainingModule m : List.of(TrainingModule.SAFEGUARDING_LEVEL_1, TrainingModule.SAFEGUARDING_LEVEL_2, TrainingModule.SAFEGUARDING_LEVEL_3)) {
      // Completed 36 months ago: lapses today.
      CoordinatorEvaluation lapsed = evaluate(with(m, completed(m, AS_OF.minusMonths(36))));
      assertEquals(TrainingStatus.OVERDUE, status(lapsed, m), m.name());
      assertEquals("Training expired", rule(training(lapsed, m)));
      assertFalse(lapsed.compliant());
      // One day later: lapses tomorrow, so due soon.
      CoordinatorEvaluation tomorrow = evaluate(with(m, completed(m, AS_OF.minusMonths(36).plusDays(1))));
      assertEquals(TrainingStatus.DUE_SOON, status(tomorrow, m), m.name());
      assertEquals(Optional.of(AS_OF), training(tomorrow, m).dueOn());
      assertTrue(tomorrow.compliant());
    }
  }

  @Test
  void mcaAndDolsLapseOnTheirRenewalDate() {
    for (TrainingModule m : List.of(TrainingModule.MENTAL_CAPACITY_ACT, TrainingModule.DEPRIVATION_OF_LIBERTY_SAFEGUARDS)) {
      assertEquals(TrainingStatus.OVERDUE, status(evaluate(with(m, completed(m, AS_OF.minusMonths(36)))), m), m.name());
      assertEquals(TrainingStatus.DUE_SOON, status(evaluate(with(m, completed(m, AS_OF.minusMonths(36).plusDays(1)))), m), m.name());
    }
  }

  @Test
  void renewalDueSoonWindowIsInclusive() {
    TrainingModule m = TrainingModule.SAFEGUARDING_LEVEL_2;
    // Lapses exactly 60 days after today: due soon.
    LocalDate lapses60 = AS_OF.plusDays(60);
    CoordinatorEvaluation exactly = evaluate(with(m, completed(m, lapses60.minusMonths(36))));
    assertEquals(TrainingStatus.DUE_SOON, status(exactly, m));
    assertEquals("Training renewal due soon", rule(training(exactly, m)));
    // Lapses 61 days after today: complete.
    CoordinatorEvaluation notYet = evaluate(with(m, completed(m, lapses60.plusDays(1).minusMonths(36))));
    assertEquals(TrainingStatus.COMPLETE, status(notYet, m));
    assertEquals("Training complete and in date", rule(training(notYet, m)));
    assertEquals(Optional.of(lapses60), training(notYet, m).dueOn(), "renew by the day before it lapses");
  }

  // --- Renewal: expiry stated on the record --------------------------------------------------

  @Test
  void expiryOnTheReferenceDateIsOverdueAndTheDayAfterIsDueSoon() {
    TrainingModule m = TrainingModule.SAFEGUARDING_LEVEL_3;
    LocalDate on = AS_OF.minusMonths(6);
    CoordinatorEvaluation expired = evaluate(with(m, completed(m, on, AS_OF)));
    assertEquals(TrainingStatus.OVERDUE, status(expired, m));
    assertTrue(training(expired, m).reasons().get(0).contains("stated on the record"));
    assertEquals(TrainingStatus.DUE_SOON, status(evaluate(with(m, completed(m, on, AS_OF.plusDays(1)))), m));
    assertEquals(TrainingStatus.DUE_SOON, status(evaluate(with(m, completed(m, on, AS_OF.plusDays(60)))), m));
    assertEquals(TrainingStatus.COMPLETE, status(evaluate(with(m, completed(m, on, AS_OF.plusDays(61)))), m));
  }

  @Test
  void statedExpiryWinsOverTheRenewalPeriod() {
    TrainingModule m = TrainingModule.SAFEGUARDING_LEVEL_1;
    // Completed four years ago (renewal would have lapsed) but the certificate runs another year.
    assertEquals(TrainingStatus.COMPLETE, status(evaluate(with(m, completed(m, AS_OF.minusYears(4), AS_OF.plusYears(1)))), m));
    // Completed a year ago (renewal would run two more years) but the certificate ran out today.
    assertEquals(TrainingStatus.OVERDUE, status(evaluate(with(m, completed(m, AS_OF.minusYears(1), AS_OF))), m));
    // MCA likewise.
    TrainingModule mca = TrainingModule.MENTAL_CAPACITY_ACT;
    assertEquals(TrainingStatus.COMPLETE, status(evaluate(with(mca, completed(mca, AS_OF.minusYears(5), AS_OF.plusDays(61)))), mca));
  }

  @Test
  void statedExpiryAppliesEvenToItemsThatAreNotRenewed() {
    TrainingModule m = TrainingModule.DEVELOPING_PARTNERSHIPS;
    assertEquals(TrainingStatus.OVERDUE, status(evaluate(with(m, completed(m, AS_OF.minusYears(2), AS_OF))), m));
    assertEquals(TrainingStatus.DUE_SOON, status(evaluate(with(m, completed(m, AS_OF.minusYears(2), AS_OF.plusDays(1)))), m));
  }

  @Test
  void refresherInProgressDoesNotHideAValidCompletion() {
    TrainingModule m = TrainingModule.SAFEGUARDING_LEVEL_3;
    CoordinatorEvaluation e = evaluate(with(m,
        completed(m, AS_OF.minusYears(1)),
        unfinished(m, TrainingProgress.IN_PROGRESS, AS_OF.minusDays(10))));
    assertEquals(TrainingStatus.COMPLETE, status(e, m));
    assertTrue(e.compliant());
    // ...but it does not rescue a lapsed one either.
    CoordinatorEvaluation lapsed = evaluate(with(m,
        completed(m, AS_OF.minusYears(4)),
        unfinished(m, TrainingProgress.IN_PROGRESS, AS_OF.minusDays(10))));
    assertEquals(TrainingStatus.OVERDUE, status(lapsed, m));
  }

  // --- Missing --------------------------------------------------------------------------------

  @Test
  void noRecordIsMissingAfterTheDeadline() {
    for (TrainingModule m : TrainingModule.values()) {
      CoordinatorEvaluation e = evaluate(without(m));
      Finding f = training(e, m);
      assertEquals(Optional.of(TrainingStatus.MISSING), f.status(), m.name());
      assertEquals("Training missing after the deadline", rule(f));
      assertEquals(Priority.URGENT, f.priority());
      assertFalse(e.compliant(), m.name());
    }
  }

  @Test
  void noRecordIsMissingEvenBeforeTheDeadline() {
    // New starter: nothing recorded at all, every window still open.
    CareCoordinator starter = CareCoordinator.builder().id("cc-1").name("Tom Evans").startedOn(AS_OF.minusDays(1)).build();
    CoordinatorEvaluation e = rules.evaluate(starter, supervised(starter));
    for (TrainingModule m : TrainingModule.values()) {
      Finding f = training(e, m);
      assertEquals(Optional.of(TrainingStatus.MISSING), f.status(), m.name());
      assertEquals("Training missing before the deadline", rule(f));
      assertEquals(Priority.HIGH, f.priority());
    }
    assertFalse(e.compliant());
    // The deadline day is the last day before it counts as past.
    LocalDate deadlineToday = AS_OF.minusMonths(6);
    CoordinatorEvaluation onDeadline = rules.evaluate(coordinator(deadlineToday, Map.of(TrainingModule.MENTAL_CAPACITY_ACT, List.of())), supervised(allComplete()));
    assertEquals("Training missing before the deadline", rule(training(onDeadline, TrainingModule.MENTAL_CAPACITY_ACT)));
    CoordinatorEvaluation dayAfter = evaluateOn(AS_OF.plusDays(1), coordinator(deadlineToday, Map.of(TrainingModule.MENTAL_CAPACITY_ACT, List.of())));
    assertEquals("Training missing after the deadline", rule(training(dayAfter, TrainingModule.MENTAL_CAPACITY_ACT)));
  }

  // --- Supervision ----------------------------------------------------------------------------

  @Test
  void supervisionNamedOrMissing() {
    CareCoordinator cc = allComplete();
    CoordinatorEvaluation both = rules.evaluate(cc, supervised(cc));
    assertTrue(both.codes().containsAll(Set.of("FIRST_POINT_OF_CONTACT_NAMED", "GP_SUPERVISOR_NAMED")));
    assertTrue(both.supervision().stream().allMatch(f -> f.priority() == Priority.LOW));

    CoordinatorEvaluation gpOnly = rules.evaluate(cc, pcn(cc, s -> s.gpSupervisor(NamedContact.of("Dr A. Patel", "GP partner"))));
    assertTrue(gpOnly.codes().containsAll(Set.of("FIRST_POINT_OF_CONTACT_MISSING", "GP_SUPERVISOR_NAMED")), gpOnly.codes().toString());
    assertFalse(gpOnly.codes().contains("FIRST_POINT_OF_CONTACT_NAMED"));
    assertFalse(gpOnly.compliant());

    CoordinatorEvaluation contactOnly = rules.evaluate(cc, pcn(cc, s -> s.firstPointOfContact(NamedContact.of("Priya Shah", "PCN manager"))));
    assertTrue(contactOnly.codes().containsAll(Set.of("FIRST_POINT_OF_CONTACT_NAMED", "GP_SUPERVISOR_MISSING")), contactOnly.codes().toString());
    assertFalse(contactOnly.codes().contains("GP_SUPERVISOR_NAMED"));
    assertFalse(contactOnly.compliant());

    Pcn none = Pcn.builder().code("U12345").name("Riverside PCN").addPractices(Practice.of("Y00001", "Riverside Surgery")).addCoordinators(cc).build();
    CoordinatorEvaluation unnamed = rules.evaluate(cc, none);
    assertEquals(Set.of("FIRST_POINT_OF_CONTACT_MISSING", "GP_SUPERVISOR_MISSING"),
        unnamed.supervision().stream().map(Finding::code).collect(Collectors.toSet()));
    assertEquals(List.of("No first point of contact named", "No GP supervisor named"), unnamed.verdict().orElseThrow().reasons());
  }

  // --- Verdict --------------------------------------------------------------------------------

  @Test
  void compliantWhenAllCompleteOrDueSoonAndSupervisionNamed() {
    Map<TrainingModule, List<TrainingRecord>> mixed = new EnumMap<>(TrainingModule.class);
    LocalDate start = AS_OF.minusMonths(4);
    mixed.put(TrainingModule.PCI_CARE_COORDINATOR_COURSE, List.of(unfinished(TrainingModule.PCI_CARE_COORDINATOR_COURSE, TrainingProgress.ENROLLED, start)));
    mixed.put(TrainingModule.SAFEGUARDING_LEVEL_3, List.of(completed(TrainingModule.SAFEGUARDING_LEVEL_3, AS_OF.minusYears(2), AS_OF.plusDays(30))));
    CareCoordinator cc = coordinator(start, mixed);
    CoordinatorEvaluation e = rules.evaluate(cc, supervised(cc));
    assertTrue(e.compliant());
    Finding verdict = e.verdict().orElseThrow();
    assertEquals("ARRS_COMPLIANT", verdict.code());
    assertEquals(FindingKind.VERDICT, verdict.kind());
    assertEquals(1, verdict.decisions().size());
    assertEquals("ARRS compliant", verdict.decisions().get(0).rule());
    List<String> dueSoon = verdict.reasons().stream().filter(r -> r.startsWith("Due soon: ")).toList();
    assertEquals(2, dueSoon.size(), verdict.reasons().toString());
    assertTrue(dueSoon.get(0).contains(TrainingModule.PCI_CARE_COORDINATOR_COURSE.title()));
    assertTrue(dueSoon.get(1).contains(TrainingModule.SAFEGUARDING_LEVEL_3.title()));
    assertFalse(e.codes().contains("ARRS_NOT_COMPLIANT"));
  }

  @Test
  void notCompliantListsEveryFailingItemOnce() {
    Map<TrainingModule, List<TrainingRecord>> failing = new EnumMap<>(TrainingModule.class);
    failing.put(TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING, List.of());
    failing.put(TrainingModule.SAFEGUARDING_LEVEL_2, List.of(completed(TrainingModule.SAFEGUARDING_LEVEL_2, AS_OF.minusYears(3).minusDays(1))));
    failing.put(TrainingModule.DEPRIVATION_OF_LIBERTY_SAFEGUARDS, List.of(unfinished(TrainingModule.DEPRIVATION_OF_LIBERTY_SAFEGUARDS, TrainingProgress.IN_PROGRESS, LONG_AGO)));
    // Due soon is not a failure.
    failing.put(TrainingModule.MENTAL_CAPACITY_ACT, List.of(completed(TrainingModule.MENTAL_CAPACITY_ACT, AS_OF.minusYears(1), AS_OF.plusDays(5))));
    CareCoordinator cc = coordinator(LONG_AGO, failing);
    CoordinatorEvaluation e = rules.evaluate(cc, pcn(cc, s -> s.firstPointOfContact(NamedContact.of("Priya Shah", "PCN manager"))));

    assertFalse(e.compliant());
    Finding verdict = e.verdict().orElseThrow();
    assertEquals("ARRS_NOT_COMPLIANT", verdict.code());
    assertEquals(1, verdict.decisions().size(), "exactly one verdict rule fired");
    assertEquals("ARRS not compliant", verdict.decisions().get(0).rule());
    List<String> reasons = verdict.reasons();
    assertEquals(4, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("MISSING: " + TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING.title()), reasons.get(0));
    assertTrue(reasons.get(1).startsWith("OVERDUE: " + TrainingModule.SAFEGUARDING_LEVEL_2.title()), reasons.get(1));
    assertTrue(reasons.get(2).startsWith("OVERDUE: " + TrainingModule.DEPRIVATION_OF_LIBERTY_SAFEGUARDS.title()), reasons.get(2));
    assertEquals("No GP supervisor named", reasons.get(3));
    assertEquals("MISSING", verdict.decisions().get(0).facts().get("PCI_ELEARNING_SHARED_DECISION_MAKING"));
    assertEquals(TrainingStatus.DUE_SOON, status(e, TrainingModule.MENTAL_CAPACITY_ACT));
    assertFalse(e.codes().contains("ARRS_COMPLIANT"));
  }

  @Test
  void exactlyOneVerdictWhateverTheFacts() {
    for (CareCoordinator cc : List.of(allComplete(), without(TrainingModule.PCI_CARE_COORDINATOR_COURSE), without(TrainingModule.values()))) {
      CoordinatorEvaluation e = rules.evaluate(cc, supervised(cc));
      assertTrue(e.verdict().isPresent());
      assertEquals(1, e.codes().stream().filter(c -> c.startsWith("ARRS_")).count(), e.codes().toString());
    }
    CoordinatorEvaluation nothing = evaluate(without(TrainingModule.values()));
    assertEquals(TrainingModule.values().length, nothing.verdict().orElseThrow().reasons().size());
  }

  @Test
  void verdictFollowsTheReferenceDate() {
    CareCoordinator cc = with(TrainingModule.SAFEGUARDING_LEVEL_1, completed(TrainingModule.SAFEGUARDING_LEVEL_1, LocalDate.of(2024, 1, 15)));
    assertTrue(evaluateOn(LocalDate.of(2027, 1, 14), cc).compliant());
    assertFalse(evaluateOn(LocalDate.of(2027, 1, 15), cc).compliant());
  }

  // --- Thresholds -----------------------------------------------------------------------------

  @Test
  void thresholdsAreTakenFromConfiguration() {
    TrainingModule sg = TrainingModule.SAFEGUARDING_LEVEL_1;
    CareCoordinator lapsing45 = with(sg, completed(sg, AS_OF.minusYears(1), AS_OF.plusDays(45)));
    assertEquals(TrainingStatus.DUE_SOON, status(evaluate(lapsing45), sg));
    CareRules shortNotice = rules.withThresholds(Thresholds.builder().trainingDueSoonDays(30).build());
    assertEquals(TrainingStatus.COMPLETE, status(shortNotice.evaluate(lapsing45, supervised(lapsing45)), sg));
    CareRules noNotice = rules.withThresholds(Thresholds.builder().trainingDueSoonDays(0).build());
    assertEquals(TrainingStatus.COMPLETE, status(noNotice.evaluate(lapsing45, supervised(lapsing45)), sg));

    // Renewal every 12 months instead of 36.
    CareCoordinator doneLastYear = with(sg, completed(sg, AS_OF.minusMonths(12)));
    assertEquals(TrainingStatus.COMPLETE, status(evaluate(doneLastYear), sg));
    CareRules yearly = rules.withThresholds(Thresholds.builder().safeguardingRenewalMonths(12).build());
    assertEquals(TrainingStatus.OVERDUE, status(yearly.evaluate(doneLastYear, supervised(doneLastYear)), sg));
    // A renewal period of 0 means not renewed.
    CareRules never = rules.withThresholds(Thresholds.builder().safeguardingRenewalMonths(0).mcaDolsRenewalMonths(0).build());
    CareCoordinator old = with(sg, completed(sg, AS_OF.minusYears(7)));
    assertEquals(TrainingStatus.OVERDUE, status(evaluate(old), sg));
    assertEquals(TrainingStatus.COMPLETE, status(never.evaluate(old, supervised(old)), sg));

    // An 18-month course window keeps an enrolled course acceptable after 14 months.
    TrainingModule course = TrainingModule.PCI_CARE_COORDINATOR_COURSE;
    CareCoordinator enrolled = coordinator(AS_OF.minusMonths(14), Map.of(course, List.of(unfinished(course, TrainingProgress.ENROLLED, AS_OF.minusMonths(13)))));
    assertEquals(TrainingStatus.OVERDUE, status(evaluate(enrolled), course));
    CareRules longer = rules.withThresholds(Thresholds.builder().pciCourseWindowMonths(18).build());
    CoordinatorEvaluation e = longer.evaluate(enrolled, supervised(enrolled));
    assertEquals(TrainingStatus.DUE_SOON, status(e, course));
    assertEquals(Optional.of(AS_OF.plusMonths(4)), training(e, course).dueOn());
    assertTrue(e.compliant());

    // Shorter eLearning window: in progress after 4 months becomes overdue.
    TrainingModule sdm = TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING;
    CareCoordinator learning = coordinator(AS_OF.minusMonths(4), Map.of(sdm, List.of(unfinished(sdm, TrainingProgress.IN_PROGRESS, AS_OF.minusMonths(3)))));
    assertEquals(TrainingStatus.DUE_SOON, status(evaluate(learning), sdm));
    CareRules quick = rules.withThresholds(Thresholds.builder().pciElearningWindowMonths(3).minimumStandardsWindowMonths(3).build());
    assertEquals(TrainingStatus.OVERDUE, status(quick.evaluate(learning, supervised(learning)), sdm));
  }

  // --- Co-ordinator rules stay out of patient evaluations ---------------------------------------

  @Test
  void patientEvaluationsRaiseNoTrainingOutputs() {
    CareCoordinator cc = allComplete();
    uk.nhs.carecoord.model.PatientCase c = uk.nhs.carecoord.model.PatientCase.builder()
        .patient(uk.nhs.carecoord.model.Patient.builder()
            .id("p-1")
            .nhsNumber(uk.nhs.carecoord.model.NhsNumber.fromFirstNineDigits("999000001"))
            .dateOfBirth(AS_OF.minusYears(70))
            .sex(uk.nhs.carecoord.model.Sex.FEMALE)
            .practiceCode("Y00001")
            .build())
        .coordinatorId(cc.id())
        .build();
    // The supervision fact is also present for patients: the co-ordinator rules must not trip
    // over it (they all require CoordinatorFacts), and no co-ordinator code leaks into the result.
    PatientEvaluation e = rules.evaluate(c, supervised(cc));
    assertTrue(e.codes().stream().noneMatch(code -> code.startsWith("ARRS_") || code.startsWith("GP_SUPERVISOR_")
        || code.startsWith("FIRST_POINT_OF_CONTACT_") || Arrays.stream(TrainingModule.values()).anyMatch(m -> m.name().equals(code))));
  }

  // --- Scenarios ------------------------------------------------------------------------------

  static Path scenarioDirectory() throws URISyntaxException {
    return Path.of(TrainingRulesTest.class.getResource("/scenarios/training").toURI());
  }

  @Test
  void trainingScenariosParseAndPass() throws Exception {
    List<Path> files = Scenario.find(scenarioDirectory());
    assertTrue(files.size() >= 10, "at least 10 training scenarios, found " + files.size());
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = CareJson.mapper().readTree(Files.readString(file));
      // The co-ordinator part must be valid CareJson on its own.
      Pcn pcn = CareJson.mapper().treeToValue(root.get("pcn"), Pcn.class);
      String id = root.get("coordinatorId").asText();
      assertTrue(pcn.coordinators().stream().anyMatch(c -> c.id().equals(id)), file + ": no co-ordinator " + id);
      assertTrue(root.get("expect").has("training") || root.get("expect").has("compliant"), file + ": expects nothing about training");
      Scenario.Result result = Scenario.read(file).run(rules);
      if (!result.passed()) {
        problems.add(file.getFileName() + ": " + result.problems() + " (actual " + result.actualCodes() + ")");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void scenarioJsonIsWhatCareJsonWrites() throws IOException, URISyntaxException {
    // Round trip: reading then writing a scenario's PCN gives the same tree (dates ISO, enums by
    // name, optional fields omitted), so the files stay in the format CareJson produces.
    for (Path file : Scenario.find(scenarioDirectory())) {
      JsonNode pcnNode = CareJson.mapper().readTree(Files.readString(file)).get("pcn");
      Pcn pcn = CareJson.mapper().treeToValue(pcnNode, Pcn.class);
      JsonNode written = CareJson.mapper().readTree(CareJson.write(pcn));
      assertEquals(withoutDefaults(pcnNode), withoutDefaults(written), file.getFileName().toString());
    }
  }

  /** Drops fields whose value is the model default (engagement EMPLOYED, empty lists), which CareJson may write or not. */
  private static JsonNode withoutDefaults(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      var obj = (com.fasterxml.jackson.databind.node.ObjectNode) node;
      List<String> drop = new ArrayList<>();
      obj.fields().forEachRemaining(e -> {
        if ((e.getValue().isArray() && e.getValue().isEmpty())
            || (e.getKey().equals("engagement") && e.getValue().asText().equals("EMPLOYED"))) {
          drop.add(e.getKey());
        } else {
          strip(e.getValue());
        }
      });
      obj.remove(drop);
    } else if (node.isArray()) {
      node.forEach(TrainingRulesTest::strip);
    }
  }

  // --- Properties -----------------------------------------------------------------------------

  @Provide
  Arbitrary<Pcn> pcnsMissingAPciItem() {
    return Combinators.combine(
            CareArbitraries.careCoordinators(AS_OF),
            Arbitraries.of(PCI),
            CareArbitraries.supervisionArrangementsFor("cc-any").optional(0.7))
        .as((cc, missing, supervision) -> {
          CareCoordinator stripped = CareCoordinator.builder().from(cc)
              .trainingRecords(cc.trainingRecords().stream().filter(r -> r.module() != missing).toList())
              .build();
          var b = Pcn.builder().code("U00001").name("Riverside PCN")
              .addPractices(Practice.of("Y00001", "Riverside Surgery"))
              .addCoordinators(stripped);
          supervision.ifPresent(s -> b.addSupervision(SupervisionArrangement.builder().from(s).coordinatorId(stripped.id()).build()));
          return b.build();
        });
  }

  @Property(tries = 200)
  void aCoordinatorMissingAnyMandatoryPciItemIsNeverCompliant(@ForAll("pcnsMissingAPciItem") Pcn pcn) {
    CareCoordinator cc = pcn.coordinators().get(0);
    CoordinatorEvaluation e = compiledRules().evaluate(cc, pcn);
    assertFalse(e.compliant(), () -> "compliant without " + missingPci(cc) + ": " + e.codes());
    assertTrue(e.verdict().isPresent());
    for (TrainingModule m : missingPci(cc)) {
      assertEquals(Optional.of(TrainingStatus.MISSING), e.statusOf(m.name()));
      assertTrue(e.verdict().get().reasons().stream().anyMatch(r -> r.contains(m.title())), e.verdict().get().reasons().toString());
    }
  }

  @Provide
  Arbitrary<Pcn> pcns() {
    return CareArbitraries.pcns(AS_OF).filter(p -> !p.coordinators().isEmpty());
  }

  @Property(tries = 100)
  void verdictAgreesWithTheStatusesAndSupervision(@ForAll("pcns") Pcn pcn) {
    for (CareCoordinator cc : pcn.coordinators()) {
      CoordinatorEvaluation e = compiledRules().evaluate(cc, pcn);
      assertEquals(TrainingModule.values().length, e.training().size(), "one status per required item");
      for (Finding f : e.training()) {
        assertEquals(1, f.decisions().size(), () -> "statuses are mutually exclusive: " + f);
      }
      assertEquals(2, e.supervision().size());
      boolean failing = e.training().stream().anyMatch(f -> f.status().get() == TrainingStatus.MISSING || f.status().get() == TrainingStatus.OVERDUE)
          || e.codes().contains("FIRST_POINT_OF_CONTACT_MISSING") || e.codes().contains("GP_SUPERVISOR_MISSING");
      assertEquals(!failing, e.compliant(), e.codes().toString());
      assertEquals(1, e.verdict().orElseThrow().decisions().size());
    }
  }

  private static Set<TrainingModule> missingPci(CareCoordinator cc) {
    Set<TrainingModule> recorded = cc.trainingRecords().stream().map(TrainingRecord::module).collect(Collectors.toSet());
    return PCI.stream().filter(m -> !recorded.contains(m)).collect(Collectors.toCollection(() -> EnumSet.noneOf(TrainingModule.class)));
  }
}
