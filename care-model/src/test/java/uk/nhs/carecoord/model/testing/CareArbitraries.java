package uk.nhs.carecoord.model.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import uk.nhs.carecoord.model.Acknowledgement;
import uk.nhs.carecoord.model.AcknowledgementDecision;
import uk.nhs.carecoord.model.AcknowledgementReason;
import uk.nhs.carecoord.model.ActionOwner;
import uk.nhs.carecoord.model.ActionOwnerKind;
import uk.nhs.carecoord.model.ArrsEngagement;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.Carer;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.CarerRelationship;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.CommunicationNeed;
import uk.nhs.carecoord.model.ConcernCategory;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.Contact;
import uk.nhs.carecoord.model.ContactMode;
import uk.nhs.carecoord.model.DecisionConversation;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;
import uk.nhs.carecoord.model.GpDiscussion;
import uk.nhs.carecoord.model.ImmutableActionOwner;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.MdtDiscussion;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PamHistory;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.PendingDecision;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanAction;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.PlanVersion;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.model.Referral;
import uk.nhs.carecoord.model.ReferralStatus;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.model.ServiceType;
import uk.nhs.carecoord.model.ServiceUse;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.SupportContact;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.model.TrainingProgress;
import uk.nhs.carecoord.model.TrainingRecord;

/**
 * jqwik arbitraries for every care-model value, published in the {@code care-model} test-jar so
 * that other modules' property tests can generate realistic, valid cases:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>uk.nhs.carecoord</groupId>
 *   <artifactId>care-model</artifactId>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 *
 * @Provide Arbitrary<PatientCase> cases() { return CareArbitraries.patientCases(AS_OF); }
 * }</pre>
 *
 * <p><b>Every generated value is valid</b>: it builds without a {@code ModelValidationException}
 * (unique identifiers, cross-references that resolve, dates in order, plan versions numbered 1, 2,
 * 3…) and passes {@code checkAsOf(asOf)} where the type has one. Dated values fall in a window of
 * {@value #HISTORY_YEARS} years ending on the reference date {@code asOf} (inclusive; {@code asOf}
 * itself is an edge case); only forward-looking dates (review, target and due dates, decide-by
 * dates, training expiry) may fall after it. Methods without an {@code asOf} parameter use {@link
 * #DEFAULT_AS_OF}.
 *
 * <p>Variety: SNOMED CT codes come mostly from the built-in code clusters ({@link
 * CodeClusters#builtIn()}) with about one in ten in none of them; free text is mostly realistic phrases with some arbitrary text (accents, quotes,
 * backslashes, new lines) to exercise JSON escaping; PAM scores favour the level boundaries. All
 * NHS numbers of people are from the never-issued 999 range ({@link #syntheticNhsNumbers()}).
 *
 * <p>Enumerations need no method here: use {@code Arbitraries.of(Sex.class)} and so on.
 */
public final class CareArbitraries {

  /** The reference date used by the methods that take none: 24 November 2026. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 24);

  /** How many years of history end at the reference date. */
  public static final int HISTORY_YEARS = 5;

  /** The ends of the PAM range, the inclusive upper bounds of levels 1 to 3 and the scores just above. */
  private static final List<Double> PAM_BOUNDARIES =
      List.of(0.0, 47.0, 47.1, 55.1, 55.2, 67.0, 67.1, 100.0);

  private CareArbitraries() {}

  // ---------------------------------------------------------------------------------------------
  // Building blocks

  /** First day of the history window that ends on {@code asOf}. */
  public static LocalDate windowStart(LocalDate asOf) {
    return asOf.minusYears(HISTORY_YEARS);
  }

  /**
   * Dates from {@code from} to {@code to}, both inclusive (and both edge cases).
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("empty date range " + from + " to " + to);
    }
    return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
  }

  /** Dates in the history window ending on {@code asOf}. */
  public static Arbitrary<LocalDate> datesUpTo(LocalDate asOf) {
    return dates(windowStart(asOf), asOf);
  }

  /**
   * Any valid NHS number (any 9-digit prefix that has a check digit). For people, use {@link
   * #syntheticNhsNumbers()} instead.
   */
  public static Arbitrary<NhsNumber> nhsNumbers() {
    return Arbitraries.integers()
        .between(0, 999_999_999)
        .map(n -> String.format("%09d", n))
        .filter(CareArbitraries::hasCheckDigit)
        .map(NhsNumber::fromFirstNineDigits);
  }

  /** Valid NHS numbers from the never-issued 999 range; used for every generated person. */
  public static Arbitrary<NhsNumber> syntheticNhsNumbers() {
    return Arbitraries.integers()
        .between(0, 999_999)
        .map(n -> String.format("999%06d", n))
        .filter(CareArbitraries::hasCheckDigit)
        .map(NhsNumber::fromFirstNineDigits);
  }

  private static boolean hasCheckDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    return 11 - sum % 11 != 10;
  }

  /**
   * SNOMED CT codes: nine in ten from the built-in code clusters (a cluster chosen first, so the
   * large cancer lists do not crowd out the small ones), the rest well-formed codes (6 to 18 digits)
   * in no cluster.
   */
  public static Arbitrary<String> snomedCodes() {
    CodeClusters clusters = CodeClusters.builtIn();
    Arbitrary<String> known =
        Arbitraries.of(clusters.clusters()).flatMap(k -> Arbitraries.of(List.copyOf(k.codes().keySet())));
    Arbitrary<String> unknown =
        Arbitraries.strings()
            .numeric()
            .ofMinLength(6)
            .ofMaxLength(18)
            .filter(s -> s.charAt(0) != '0' && clusters.clustersOf(s).isEmpty());
    return Arbitraries.frequencyOf(Tuple.of(9, known), Tuple.of(1, unknown));
  }

  /** The published term of a code, from the first built-in cluster listing it. */
  private static Optional<String> termOf(String code) {
    List<CodeCluster> in = CodeClusters.builtIn().clustersOf(code);
    return in.isEmpty() ? Optional.empty() : Optional.of(in.get(0).codes().get(code));
  }

  /**
   * PAM scores from 0.0 to 100.0: mostly to one decimal place as reported (and mostly 35 or more, as
   * real scores are), often exactly on or next to a level boundary (47.0/47.1, 55.1/55.2,
   * 67.0/67.1), sometimes at full precision.
   */
  public static Arbitrary<Double> pamScores() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.doubles().between(35.0, 100.0).ofScale(1)),
        Tuple.of(2, Arbitraries.doubles().between(0.0, 100.0).ofScale(1)),
        Tuple.of(2, Arbitraries.of(PAM_BOUNDARIES)),
        Tuple.of(1, Arbitraries.doubles().between(0.0, 100.0).ofScale(6)));
  }

  /** Identifiers of care co-ordinators, {@code cc-1} to {@code cc-40}, shared by cases and PCNs. */
  public static Arbitrary<String> coordinatorIds() {
    return Arbitraries.integers().between(1, 40).map(n -> "cc-" + n);
  }

  /** ODS-style practice codes, {@code Y00001} to {@code Y00999} (fictitious). */
  public static Arbitrary<String> practiceCodes() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(1, 12).map(n -> String.format("Y%05d", n))),
        Tuple.of(1, Arbitraries.integers().between(1, 999).map(n -> String.format("Y%05d", n))));
  }

  // ---------------------------------------------------------------------------------------------
  // Patients

  /** Adult patients with {@link #DEFAULT_AS_OF} as the reference date. */
  public static Arbitrary<Patient> patients() {
    return patients(DEFAULT_AS_OF);
  }

  /**
   * Adult patients (18 to 104 on {@code asOf}, mostly over 65) with synthetic NHS numbers,
   * conditions, frailty, flags, carers, communication needs and consent; nothing recorded about
   * them is dated after {@code asOf} or before their birth.
   */
  public static Arbitrary<Patient> patients(LocalDate asOf) {
    Arbitrary<LocalDate> born =
        Arbitraries.frequencyOf(
            Tuple.of(1, dates(asOf.minusYears(65).plusDays(1), asOf.minusYears(18))),
            Tuple.of(3, dates(asOf.minusYears(105).plusDays(1), asOf.minusYears(65))));
    return born.flatMap(dob -> patientsBorn(dob, asOf));
  }

  private static Arbitrary<Patient> patientsBorn(LocalDate dob, LocalDate asOf) {
    LocalDate from = later(dob, windowStart(asOf));
    Arbitrary<Tuple.Tuple2<ConsentStatus, Optional<LocalDate>>> consent =
        Arbitraries.of(ConsentStatus.class)
            .flatMap(
                c ->
                    c == ConsentStatus.NOT_ASKED
                        ? Arbitraries.just(Tuple.of(c, Optional.<LocalDate>empty()))
                        : dates(from, asOf).map(d -> Tuple.of(c, Optional.of(d))));
    return Builders.withBuilder(Patient::builder)
        .use(Arbitraries.integers().between(1, 9_999_999).map(n -> "pt-" + n)).in((b, v) -> b.id(v))
        .use(syntheticNhsNumbers()).in((b, v) -> b.nhsNumber(v))
        .use(Arbitraries.just(dob)).in((b, v) -> b.dateOfBirth(v))
        .use(sexes()).in((b, v) -> b.sex(v))
        .use(practiceCodes()).in((b, v) -> b.practiceCode(v))
        .use(
            conditions(dob, asOf)
                .list()
                .ofMaxSize(6)
                .withSizeDistribution(RandomDistribution.uniform())
                .uniqueElements(LongTermCondition::snomedCode))
        .in((b, v) -> b.addAllConditions(v))
        .use(frailties(dob, asOf).optional(0.5)).in((b, v) -> b.frailty(v))
        .use(Arbitraries.of(ClinicalFlag.class).set().ofMaxSize(3)).in((b, v) -> b.addAllFlags(v))
        .use(Arbitraries.integers().between(0, 20)).in((b, v) -> b.repeatMedicines(v))
        .use(serviceUses()).in((b, v) -> b.serviceUse(v))
        .use(carers().list().ofMaxSize(3).uniqueElements(Carer::id)).in((b, v) -> b.addAllCarers(v))
        .use(Arbitraries.of(CommunicationNeed.class).set().ofMaxSize(2))
        .in((b, v) -> b.addAllCommunicationNeeds(v))
        .use(text(LANGUAGES).optional(0.15)).in((b, v) -> b.preferredLanguage(v))
        .use(consent).in((b, v) -> b.consent(v.get1()).consentRecordedOn(v.get2()))
        .build(b -> b.build());
  }

  private static Arbitrary<Sex> sexes() {
    return Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.of(Sex.FEMALE, Sex.MALE)),
        Tuple.of(1, Arbitraries.of(Sex.OTHER, Sex.UNKNOWN)));
  }

  /** Long-term conditions diagnosed within the history window ending on {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<LongTermCondition> conditions() {
    return conditions(DEFAULT_AS_OF);
  }

  /** Long-term conditions with codes from {@link #snomedCodes()}, diagnosed by {@code asOf}. */
  public static Arbitrary<LongTermCondition> conditions(LocalDate asOf) {
    return conditions(windowStart(asOf), asOf);
  }

  private static Arbitrary<LongTermCondition> conditions(LocalDate from, LocalDate asOf) {
    return snomedCodes()
        .flatMap(
            code -> {
              Optional<String> term = termOf(code);
              Arbitrary<Optional<String>> display =
                  term.isPresent()
                      ? Arbitraries.just(term.get()).optional(0.8)
                      : text(List.of("Unlisted long-term condition", "Rare disorder (locally coded)")).optional(0.3);
              return Combinators.combine(display, dates(from, asOf).optional(0.7))
                  .as(
                      (d, on) ->
                          (LongTermCondition)
                              LongTermCondition.builder().snomedCode(code).display(d).diagnosedOn(on).build());
            });
  }

  /** Frailty assessments dated within the window ending on {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<Frailty> frailties() {
    return frailties(DEFAULT_AS_OF);
  }

  /**
   * Frailty assessments: a Clinical Frailty Scale score (1 to 9), an eFI category, or both, with an
   * optional assessment date by {@code asOf}.
   */
  public static Arbitrary<Frailty> frailties(LocalDate asOf) {
    return frailties(windowStart(asOf), asOf);
  }

  private static Arbitrary<Frailty> frailties(LocalDate from, LocalDate asOf) {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(1, 9),
            Arbitraries.of(EfiCategory.class),
            dates(later(from, windowStart(asOf)), asOf).optional(0.8))
        .as(
            (which, cfs, efi, on) -> {
              var b = Frailty.builder().assessedOn(on);
              if (which != 1) {
                b.clinicalFrailtyScale(cfs);
              }
              if (which != 0) {
                b.efiCategory(efi);
              }
              return (Frailty) b.build();
            });
  }

  /** Service use in the last 12 months: small non-negative counts. */
  public static Arbitrary<ServiceUse> serviceUses() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 8),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 30))
        .as(
            (ae, admissions, gp) ->
                (ServiceUse)
                    ServiceUse.builder().aeAttendances(ae).emergencyAdmissions(admissions).gpAppointments(gp).build());
  }

  /** Carers and family members, with needs of their own. */
  public static Arbitrary<Carer> carers() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 99).map(n -> "carer-" + n),
            Arbitraries.of(CarerRelationship.class),
            Arbitraries.of(true, false),
            Arbitraries.of(CarerNeed.class).set().ofMaxSize(3))
        .as(
            (id, rel, main, needs) ->
                (Carer) Carer.builder().id(id).relationship(rel).mainCarer(main).addAllOwnNeeds(needs).build());
  }

  // ---------------------------------------------------------------------------------------------
  // PAM

  /** PAM assessments dated within the window ending on {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<PamAssessment> pamAssessments() {
    return pamAssessments(DEFAULT_AS_OF);
  }

  /** PAM assessments with {@link #pamScores()}, dated within the window ending on {@code asOf}. */
  public static Arbitrary<PamAssessment> pamAssessments(LocalDate asOf) {
    return pamAssessments(windowStart(asOf), asOf);
  }

  private static Arbitrary<PamAssessment> pamAssessments(LocalDate from, LocalDate asOf) {
    return Combinators.combine(pamScores(), dates(from, asOf)).as(PamAssessment::of);
  }

  /** PAM histories of up to six assessments (at most one a day), by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<PamHistory> pamHistories() {
    return pamHistories(DEFAULT_AS_OF);
  }

  /** PAM histories of up to six assessments (at most one a day), by {@code asOf}. */
  public static Arbitrary<PamHistory> pamHistories(LocalDate asOf) {
    return pamAssessments(asOf)
        .list()
        .ofMaxSize(6)
        .uniqueElements(PamAssessment::assessedOn)
        .map(PamHistory::of);
  }

  // ---------------------------------------------------------------------------------------------
  // Personalised care and support plans

  /** Plans with up to four versions, recorded by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<PersonalisedCarePlan> plans() {
    return plans(DEFAULT_AS_OF);
  }

  /**
   * Personalised care and support plans with one to four versions, numbered 1, 2, 3… and recorded
   * in date order within the window ending on {@code asOf}; every amendment has a reason, and each
   * version's content has no agreement, completion or status change after that version was
   * recorded. Built with {@link PersonalisedCarePlan#create} and {@link PersonalisedCarePlan#amend}.
   */
  public static Arbitrary<PersonalisedCarePlan> plans(LocalDate asOf) {
    return plans(windowStart(asOf), asOf);
  }

  private static Arbitrary<PersonalisedCarePlan> plans(LocalDate from, LocalDate asOf) {
    Arbitrary<List<LocalDate>> recorded =
        dates(from, asOf).list().ofMinSize(1).ofMaxSize(4).map(ds -> ds.stream().sorted().toList());
    // Each version's content is as it stood when recorded: its past events are no later.
    return recorded.flatMap(
        ds ->
            Combinators.combine(
                    Arbitraries.integers().between(1, 9999).map(n -> "pcsp-" + n),
                    Combinators.combine(ds.stream().map(d -> planContents(from, d)).toList()).as(l -> l),
                    amendmentReasons().list().ofSize(ds.size()))
                .as(
                    (id, contents, reasons) -> {
                      PersonalisedCarePlan plan = PersonalisedCarePlan.create(id, ds.get(0), contents.get(0));
                      for (int i = 1; i < ds.size(); i++) {
                        plan = plan.amend(ds.get(i), reasons.get(i), contents.get(i));
                      }
                      return plan;
                    }));
  }

  /** Single plan versions (numbered 1 to 5) recorded by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<PlanVersion> planVersions() {
    return planVersions(DEFAULT_AS_OF);
  }

  /**
   * Single plan versions numbered 1 to 5, recorded by {@code asOf}; versions after the first carry
   * an amendment reason.
   */
  public static Arbitrary<PlanVersion> planVersions(LocalDate asOf) {
    LocalDate from = windowStart(asOf);
    return Combinators.combine(Arbitraries.integers().between(1, 5), dates(from, asOf), amendmentReasons())
        .flatAs((n, on, reason) -> planContents(from, on).map(content -> versionOf(n, on, reason, content)));
  }

  private static PlanVersion versionOf(int n, LocalDate on, String reason, PlanContent content) {
    return PlanVersion.builder()
        .number(n)
        .recordedOn(on)
        .amendmentReason(n == 1 ? Optional.empty() : Optional.of(reason))
        .content(content)
        .build();
  }

  private static Arbitrary<String> amendmentReasons() {
    return text(
        List.of(
            "Annual review",
            "Goals updated after review",
            "Discharged from hospital; plan revised",
            "New diagnosis",
            "Person asked to change their goals",
            "Carer circumstances changed"));
  }

  /** Plan content with dates around {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<PlanContent> planContents() {
    return planContents(DEFAULT_AS_OF);
  }

  /**
   * The content of one plan version: status, what matters, up to four goals, up to five actions
   * (some serving a goal of the same plan), support contacts; an active plan is always agreed, and
   * the next review is never before the agreement.
   */
  public static Arbitrary<PlanContent> planContents(LocalDate asOf) {
    return planContents(windowStart(asOf), asOf);
  }

  private static Arbitrary<PlanContent> planContents(LocalDate from, LocalDate asOf) {
    Arbitrary<List<Goal>> goals = goals(from, asOf).list().ofMaxSize(4).uniqueElements(Goal::id);
    return goals.flatMap(
        gs -> {
          List<String> goalIds = gs.stream().map(Goal::id).toList();
          Arbitrary<List<PlanAction>> actions =
              planActions(from, asOf, goalIds).list().ofMaxSize(5).uniqueElements(PlanAction::id);
          Arbitrary<Tuple.Tuple3<CarePlanStatus, Optional<LocalDate>, Optional<LocalDate>>> statusAndDates =
              Arbitraries.of(CarePlanStatus.class)
                  .flatMap(
                      status -> {
                        Arbitrary<Optional<LocalDate>> agreed =
                            status == CarePlanStatus.ACTIVE
                                ? dates(from, asOf).map(Optional::of)
                                : dates(from, asOf).optional(status == CarePlanStatus.DRAFT ? 0.1 : 0.7);
                        return agreed.flatMap(
                            a ->
                                dates(a.orElse(from), a.orElse(asOf).plusYears(1))
                                    .optional(0.7)
                                    .map(review -> Tuple.of(status, a, review)));
                      });
          return Builders.withBuilder(PlanContent::builder)
              .use(statusAndDates)
              .in((b, v) -> b.status(v.get1()).agreedOn(v.get2()).nextReviewOn(v.get3()))
              .use(text(WHAT_MATTERS)).in((b, v) -> b.whatMattersToMe(v))
              .use(Arbitraries.just(gs)).in((b, v) -> b.addAllGoals(v))
              .use(actions).in((b, v) -> b.addAllActions(v))
              .use(supportContacts().list().ofMaxSize(3)).in((b, v) -> b.addAllSupportContacts(v))
              .use(Arbitraries.of(true, false)).in((b, v) -> b.sharedWithPatient(v))
              .build(b -> (PlanContent) b.build());
        });
  }

  /** Goals with dates around {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<Goal> goals() {
    return goals(DEFAULT_AS_OF);
  }

  /**
   * Goals in the person's words with FHIR statuses; the target is never before the start, and the
   * status is never changed after {@code asOf}.
   */
  public static Arbitrary<Goal> goals(LocalDate asOf) {
    return goals(windowStart(asOf), asOf);
  }

  private static Arbitrary<Goal> goals(LocalDate from, LocalDate asOf) {
    Arbitrary<Tuple.Tuple2<Optional<LocalDate>, Optional<LocalDate>>> startAndTarget =
        dates(from, asOf)
            .optional(0.7)
            .flatMap(
                start ->
                    dates(start.orElse(from), start.orElse(asOf).plusYears(2))
                        .optional(0.6)
                        .map(target -> Tuple.of(start, target)));
    return Builders.withBuilder(Goal::builder)
        .use(Arbitraries.integers().between(1, 99).map(n -> "goal-" + n)).in((b, v) -> b.id(v))
        .use(text(GOALS)).in((b, v) -> b.description(v))
        .use(Arbitraries.of(GoalLifecycleStatus.class)).in((b, v) -> b.lifecycleStatus(v))
        .use(Arbitraries.of(GoalAchievementStatus.class).optional(0.6)).in((b, v) -> b.achievementStatus(v))
        .use(startAndTarget).in((b, v) -> b.startOn(v.get1()).targetOn(v.get2()))
        .use(dates(from, asOf).optional(0.5)).in((b, v) -> b.statusChangedOn(v))
        .build(b -> (Goal) b.build());
  }

  /** Plan actions (not tied to any goal) with dates around {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<PlanAction> planActions() {
    return planActions(DEFAULT_AS_OF);
  }

  /** Plan actions not tied to any goal; completed, if at all, by {@code asOf}. */
  public static Arbitrary<PlanAction> planActions(LocalDate asOf) {
    return planActions(windowStart(asOf), asOf, List.of());
  }

  private static Arbitrary<PlanAction> planActions(LocalDate from, LocalDate asOf, List<String> goalIds) {
    Arbitrary<Optional<String>> goalId =
        goalIds.isEmpty() ? Arbitraries.just(Optional.empty()) : Arbitraries.of(goalIds).optional(0.7);
    return Builders.withBuilder(PlanAction::builder)
        .use(Arbitraries.integers().between(1, 999).map(n -> "action-" + n)).in((b, v) -> b.id(v))
        .use(text(ACTIONS)).in((b, v) -> b.description(v))
        .use(actionOwners()).in((b, v) -> b.owner(v))
        .use(dates(from, asOf.plusYears(1)).optional(0.7)).in((b, v) -> b.dueOn(v))
        .use(goalId).in((b, v) -> b.goalId(v))
        .use(dates(from, asOf).optional(0.4)).in((b, v) -> b.completedOn(v))
        .build(b -> (PlanAction) b.build());
  }

  /** Who does an action; a service is always named. */
  public static Arbitrary<ActionOwner> actionOwners() {
    return Arbitraries.of(ActionOwnerKind.class)
        .flatMap(
            kind ->
                kind == ActionOwnerKind.SERVICE
                    ? text(SERVICES).map(ActionOwner::service)
                    : text(List.of("Mrs Jones (daughter)", "Sam", "Care co-ordinator (Alex)"))
                        .optional(0.2)
                        .map(name -> (ActionOwner) 
                            ImmutableActionOwner.builder().kind(kind).name(name).build()));
  }

  /** Support contacts with fictitious (Ofcom drama-range) telephone numbers. */
  public static Arbitrary<SupportContact> supportContacts() {
    return Combinators.combine(
            text(List.of("Alex Morgan", "District nursing team", "Riverside Surgery", "Age UK Riverside", "Sam Patel")),
            text(List.of("Care co-ordinator", "District nurses", "GP practice", "Voluntary sector", "Social worker")),
            Arbitraries.integers().between(0, 999).map(n -> String.format("01632 960%03d", n)).optional(0.7))
        .as((name, role, tel) -> (SupportContact) SupportContact.builder().name(name).role(role).telephone(tel).build());
  }

  // ---------------------------------------------------------------------------------------------
  // Patient cases and their parts

  /** Patient cases with {@link #DEFAULT_AS_OF} as the reference date. */
  public static Arbitrary<PatientCase> patientCases() {
    return patientCases(DEFAULT_AS_OF);
  }

  /**
   * Whole patient cases: a {@linkplain #patients(LocalDate) patient}, maybe an allocated
   * co-ordinator, up to five PAM assessments (at most one a day), maybe a plan, contacts,
   * referrals, pending decisions with conversations that name them, MDT discussions, safeguarding
   * concerns and acknowledgements. Identifiers are unique within each list; every event falls
   * between the patient's birth (or the start of the window) and {@code asOf}, so {@code
   * checkAsOf(asOf)} passes.
   */
  public static Arbitrary<PatientCase> patientCases(LocalDate asOf) {
    return patients(asOf).flatMap(p -> casesOf(p, asOf));
  }

  /**
   * Cases of the given patient: everything but the patient is generated as for {@link
   * #patientCases(LocalDate)}.
   *
   * @throws IllegalArgumentException if the patient was born after {@code asOf}
   */
  public static Arbitrary<PatientCase> patientCasesOf(Patient patient, LocalDate asOf) {
    return casesOf(patient, asOf);
  }

  private static Arbitrary<PatientCase> casesOf(Patient patient, LocalDate asOf) {
    LocalDate from = later(patient.dateOfBirth(), windowStart(asOf));
    Arbitrary<Tuple.Tuple2<List<PendingDecision>, List<DecisionConversation>>> decisions =
        pendingDecisions(asOf)
            .list()
            .ofMaxSize(2)
            .uniqueElements(PendingDecision::id)
            .flatMap(
                pds ->
                    decisionConversations(from, asOf, pds.stream().map(PendingDecision::id).toList())
                        .list()
                        .ofMaxSize(3)
                        .uniqueElements(DecisionConversation::id)
                        .map(dcs -> Tuple.of(pds, dcs)));
    return Builders.withBuilder(PatientCase::builder)
        .use(Arbitraries.just(patient)).in((b, v) -> b.patient(v))
        .use(coordinatorIds().optional(0.8)).in((b, v) -> b.coordinatorId(v))
        .use(
            pamAssessments(from, asOf)
                .list()
                .ofMaxSize(5)
                .withSizeDistribution(RandomDistribution.uniform())
                .uniqueElements(PamAssessment::assessedOn))
        .in((b, v) -> b.addAllPamAssessments(v))
        .use(plans(from, asOf).optional(0.6)).in((b, v) -> b.plan(v))
        .use(contacts(from, asOf).list().ofMaxSize(6).uniqueElements(Contact::id)).in((b, v) -> b.addAllContacts(v))
        .use(referrals(from, asOf).list().ofMaxSize(3).uniqueElements(Referral::id))
        .in((b, v) -> b.addAllReferrals(v))
        .use(decisions)
        .in((b, v) -> b.addAllPendingDecisions(v.get1()).addAllDecisionConversations(v.get2()))
        .use(mdtDiscussions(from, asOf).list().ofMaxSize(2).uniqueElements(MdtDiscussion::id))
        .in((b, v) -> b.addAllMdtDiscussions(v))
        .use(safeguardingConcerns(from, asOf).list().ofMaxSize(2).uniqueElements(SafeguardingConcern::id))
        .in((b, v) -> b.addAllSafeguardingConcerns(v))
        .use(acknowledgements(from, asOf).list().ofMaxSize(3)).in((b, v) -> b.addAllAcknowledgements(v))
        .build(b -> (PatientCase) b.build());
  }

  /**
   * Populations: up to {@code maxSize} patient cases whose patients have distinct identifiers and
   * distinct NHS numbers.
   */
  public static Arbitrary<List<PatientCase>> populations(LocalDate asOf, int maxSize) {
    return patientCases(asOf)
        .list()
        .ofMaxSize(maxSize)
        .uniqueElements(c -> c.patient().id())
        .filter(cs -> cs.stream().map(c -> c.patient().nhsNumber()).distinct().count() == cs.size());
  }

  /** Contacts dated within the window ending on {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<Contact> contacts() {
    return contacts(DEFAULT_AS_OF);
  }

  /** Contacts with a documented outcome, dated within the window ending on {@code asOf}. */
  public static Arbitrary<Contact> contacts(LocalDate asOf) {
    return contacts(windowStart(asOf), asOf);
  }

  private static Arbitrary<Contact> contacts(LocalDate from, LocalDate asOf) {
    return Combinators.combine(
            Arbitraries.integers().between(1, 9999).map(n -> "contact-" + n),
            dates(from, asOf),
            Arbitraries.of(ContactMode.class),
            text(OUTCOMES),
            coordinatorIds().optional(0.7))
        .as(
            (id, on, mode, outcome, cc) ->
                (Contact) Contact.builder().id(id).on(on).mode(mode).outcome(outcome).coordinatorId(cc).build());
  }

  /** Referrals dated within the window ending on {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<Referral> referrals() {
    return referrals(DEFAULT_AS_OF);
  }

  /** Referrals to services (a named agency always named), made within the window to {@code asOf}. */
  public static Arbitrary<Referral> referrals(LocalDate asOf) {
    return referrals(windowStart(asOf), asOf);
  }

  private static Arbitrary<Referral> referrals(LocalDate from, LocalDate asOf) {
    Arbitrary<Tuple.Tuple2<ServiceType, Optional<String>>> service =
        Arbitraries.of(ServiceType.class)
            .flatMap(
                s ->
                    s == ServiceType.NAMED_AGENCY
                        ? text(AGENCIES).map(a -> Tuple.of(s, Optional.of(a)))
                        : text(AGENCIES).optional(0.1).map(a -> Tuple.of(s, a)));
    return Combinators.combine(
            Arbitraries.integers().between(1, 9999).map(n -> "referral-" + n),
            dates(from, asOf),
            service,
            Arbitraries.of(ReferralStatus.class))
        .as(
            (id, on, s, status) ->
                (Referral)
                    Referral.builder()
                        .id(id)
                        .referredOn(on)
                        .service(s.get1())
                        .agencyName(s.get2())
                        .status(status)
                        .build());
  }

  /** Pending decisions, some with a decide-by date up to a year after {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<PendingDecision> pendingDecisions() {
    return pendingDecisions(DEFAULT_AS_OF);
  }

  /** Pending decisions, some with a decide-by date (which may be after {@code asOf}). */
  public static Arbitrary<PendingDecision> pendingDecisions(LocalDate asOf) {
    return Combinators.combine(
            Arbitraries.integers().between(1, 999).map(n -> "decision-" + n),
            text(DECISIONS),
            dates(windowStart(asOf), asOf.plusYears(1)).optional(0.5))
        .as((id, topic, by) -> (PendingDecision) PendingDecision.builder().id(id).topic(topic).decideBy(by).build());
  }

  /** Decision conversations naming no pending decision, held by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<DecisionConversation> decisionConversations() {
    return decisionConversations(DEFAULT_AS_OF);
  }

  /** Shared decision-making conversations naming no pending decision, held by {@code asOf}. */
  public static Arbitrary<DecisionConversation> decisionConversations(LocalDate asOf) {
    return decisionConversations(windowStart(asOf), asOf, List.of());
  }

  private static Arbitrary<DecisionConversation> decisionConversations(
      LocalDate from, LocalDate asOf, List<String> pendingDecisionIds) {
    Arbitrary<Optional<String>> decisionId =
        pendingDecisionIds.isEmpty()
            ? Arbitraries.just(Optional.empty())
            : Arbitraries.of(pendingDecisionIds).optional(0.8);
    return Combinators.combine(
            Arbitraries.integers().between(1, 999).map(n -> "sdm-" + n),
            dates(from, asOf),
            text(DECISIONS),
            text(List.of("NHS decision support tool", "Option grid", "BRAN questions")).optional(0.6),
            decisionId)
        .as(
            (id, on, topic, aid, pd) ->
                (DecisionConversation)
                    DecisionConversation.builder()
                        .id(id)
                        .heldOn(on)
                        .topic(topic)
                        .decisionAid(aid)
                        .pendingDecisionId(pd)
                        .build());
  }

  /** MDT discussions held by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<MdtDiscussion> mdtDiscussions() {
    return mdtDiscussions(DEFAULT_AS_OF);
  }

  /** MDT discussions held within the window ending on {@code asOf}. */
  public static Arbitrary<MdtDiscussion> mdtDiscussions(LocalDate asOf) {
    return mdtDiscussions(windowStart(asOf), asOf);
  }

  private static Arbitrary<MdtDiscussion> mdtDiscussions(LocalDate from, LocalDate asOf) {
    return Combinators.combine(
            Arbitraries.integers().between(1, 999).map(n -> "mdt-" + n), dates(from, asOf), text(OUTCOMES))
        .as((id, on, outcome) -> (MdtDiscussion) MdtDiscussion.builder().id(id).heldOn(on).outcome(outcome).build());
  }

  /** Safeguarding concerns raised by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<SafeguardingConcern> safeguardingConcerns() {
    return safeguardingConcerns(DEFAULT_AS_OF);
  }

  /**
   * Safeguarding concerns raised within the window ending on {@code asOf}, some discussed with a
   * GP on or after the day raised (and by {@code asOf}).
   */
  public static Arbitrary<SafeguardingConcern> safeguardingConcerns(LocalDate asOf) {
    return safeguardingConcerns(windowStart(asOf), asOf);
  }

  private static Arbitrary<SafeguardingConcern> safeguardingConcerns(LocalDate from, LocalDate asOf) {
    Arbitrary<Tuple.Tuple2<LocalDate, Optional<GpDiscussion>>> raisedAndDiscussed =
        dates(from, asOf)
            .flatMap(raised -> gpDiscussions(raised, asOf).optional(0.6).map(d -> Tuple.of(raised, d)));
    return Combinators.combine(
            Arbitraries.integers().between(1, 999).map(n -> "concern-" + n),
            Arbitraries.of(ConcernCategory.class),
            raisedAndDiscussed,
            Arbitraries.of(ConcernStatus.class))
        .as(
            (id, category, rd, status) ->
                (SafeguardingConcern)
                    SafeguardingConcern.builder()
                        .id(id)
                        .category(category)
                        .raisedOn(rd.get1())
                        .gpDiscussion(rd.get2())
                        .status(status)
                        .build());
  }

  /** Discussions with a GP held by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<GpDiscussion> gpDiscussions() {
    return gpDiscussions(DEFAULT_AS_OF);
  }

  /** Discussions with a GP held within the window ending on {@code asOf}. */
  public static Arbitrary<GpDiscussion> gpDiscussions(LocalDate asOf) {
    return gpDiscussions(windowStart(asOf), asOf);
  }

  private static Arbitrary<GpDiscussion> gpDiscussions(LocalDate from, LocalDate asOf) {
    return Combinators.combine(text(GPS), dates(from, asOf)).as(GpDiscussion::of);
  }

  /** Acknowledgements recorded by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<Acknowledgement> acknowledgements() {
    return acknowledgements(DEFAULT_AS_OF);
  }

  /**
   * Acknowledgements of recommendations recorded within the window ending on {@code asOf}; a
   * declined one never gives {@code WILL_ACT} as its reason.
   */
  public static Arbitrary<Acknowledgement> acknowledgements(LocalDate asOf) {
    return acknowledgements(windowStart(asOf), asOf);
  }

  private static Arbitrary<Acknowledgement> acknowledgements(LocalDate from, LocalDate asOf) {
    Arbitrary<Tuple.Tuple2<AcknowledgementDecision, AcknowledgementReason>> decisionAndReason =
        Arbitraries.of(AcknowledgementDecision.class)
            .flatMap(
                d ->
                    (d == AcknowledgementDecision.ACCEPTED
                            ? Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.just(AcknowledgementReason.WILL_ACT)),
                                Tuple.of(1, Arbitraries.of(AcknowledgementReason.class)))
                            : Arbitraries.of(AcknowledgementReason.class)
                                .filter(r -> r != AcknowledgementReason.WILL_ACT))
                        .map(r -> Tuple.of(d, r)));
    return Combinators.combine(
            recommendationCodes(),
            decisionAndReason,
            dates(from, asOf),
            coordinatorIds().optional(0.8),
            Arbitraries.strings().withChars("0123456789abcdef").ofLength(16).optional(0.5))
        .as(
            (code, dr, on, cc, fingerprint) ->
                (Acknowledgement)
                    Acknowledgement.builder()
                        .recommendationCode(code)
                        .decision(dr.get1())
                        .reason(dr.get2())
                        .recordedOn(on)
                        .coordinatorId(cc)
                        .factsFingerprint(fingerprint)
                        .build());
  }

  /**
   * Recommendation codes as acknowledgements carry them: upper-case codes, mostly from a small set
   * of plausible ones, otherwise arbitrary ({@code [A-Z][A-Z0-9_]{2,30}}).
   */
  public static Arbitrary<String> recommendationCodes() {
    Arbitrary<String> other =
        Combinators.combine(
                Arbitraries.chars().range('A', 'Z'),
                Arbitraries.strings().withCharRange('A', 'Z').withChars("0123456789_").ofMinLength(2).ofMaxLength(30))
            .as((first, rest) -> first + rest);
    return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(RECOMMENDATIONS)), Tuple.of(1, other));
  }

  // ---------------------------------------------------------------------------------------------
  // Workforce and PCNs

  /** Care co-ordinators with training recorded by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<CareCoordinator> careCoordinators() {
    return careCoordinators(DEFAULT_AS_OF);
  }

  /**
   * Care co-ordinators who started within eight years before {@code asOf}, with up to eight
   * training records (refreshers allowed) started and completed by {@code asOf}, so {@code
   * checkAsOf(asOf)} passes.
   */
  public static Arbitrary<CareCoordinator> careCoordinators(LocalDate asOf) {
    return Combinators.combine(
            coordinatorIds(),
            text(NAMES),
            Arbitraries.of(ArrsEngagement.class),
            dates(asOf.minusYears(8), asOf),
            trainingRecords(asOf).list().ofMaxSize(8))
        .as(
            (id, name, engagement, started, training) ->
                (CareCoordinator)
                    CareCoordinator.builder()
                        .id(id)
                        .name(name)
                        .engagement(engagement)
                        .startedOn(started)
                        .addAllTrainingRecords(training)
                        .build());
  }

  /** Training records dated by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<TrainingRecord> trainingRecords() {
    return trainingRecords(DEFAULT_AS_OF);
  }

  /**
   * Training records: enrolled or in progress (no completion or expiry date), or completed by
   * {@code asOf} on or after the start, some with an expiry after completion (which may be before
   * or after {@code asOf}).
   */
  public static Arbitrary<TrainingRecord> trainingRecords(LocalDate asOf) {
    LocalDate from = asOf.minusYears(8);
    Arbitrary<TrainingRecord> unfinished =
        Combinators.combine(
                Arbitraries.of(TrainingModule.class),
                Arbitraries.of(TrainingProgress.ENROLLED, TrainingProgress.IN_PROGRESS),
                dates(from, asOf).optional(0.8),
                text(PROVIDERS).optional(0.5))
            .as(
                (module, progress, started, provider) ->
                    (TrainingRecord)
                        TrainingRecord.builder()
                            .module(module)
                            .progress(progress)
                            .startedOn(started)
                            .provider(provider)
                            .build());
    Arbitrary<TrainingRecord> completed =
        Combinators.combine(Arbitraries.of(TrainingModule.class), dates(from, asOf), text(PROVIDERS).optional(0.5))
            .flatAs(
                (module, done, provider) ->
                    Combinators.combine(
                            dates(from, done).optional(0.7),
                            dates(done.plusDays(1), done.plusYears(3)).optional(0.5))
                        .as(
                            (started, expires) ->
                                (TrainingRecord)
                                    TrainingRecord.builder()
                                        .module(module)
                                        .progress(TrainingProgress.COMPLETED)
                                        .startedOn(started)
                                        .completedOn(done)
                                        .expiresOn(expires)
                                        .provider(provider)
                                        .build()));
    return Arbitraries.frequencyOf(Tuple.of(1, unfinished), Tuple.of(2, completed));
  }

  /** PCNs whose co-ordinators' training is recorded by {@link #DEFAULT_AS_OF}. */
  public static Arbitrary<Pcn> pcns() {
    return pcns(DEFAULT_AS_OF);
  }

  /**
   * PCNs with one to six practices (distinct ODS codes), up to five co-ordinators (distinct ids,
   * each passing {@code checkAsOf(asOf)}) and supervision arrangements for some of those
   * co-ordinators (at most one each, never for anyone else).
   */
  public static Arbitrary<Pcn> pcns(LocalDate asOf) {
    Arbitrary<List<CareCoordinator>> coordinators =
        careCoordinators(asOf).list().ofMaxSize(5).uniqueElements(CareCoordinator::id);
    return coordinators.flatMap(
        ccs -> {
          List<String> ids = ccs.stream().map(CareCoordinator::id).toList();
          Arbitrary<List<SupervisionArrangement>> supervision =
              Arbitraries.subsetOf(ids)
                  .flatMap(
                      chosen -> {
                        List<Arbitrary<SupervisionArrangement>> each = new ArrayList<>();
                        for (String id : ids) {
                          if (chosen.contains(id)) {
                            each.add(supervisionArrangementsFor(id));
                          }
                        }
                        return Combinators.combine(each).as(l -> l);
                      });
          return Combinators.combine(
                  Arbitraries.integers().between(1, 99999).map(n -> String.format("U%05d", n)),
                  text(PCN_NAMES),
                  practices().list().ofMinSize(1).ofMaxSize(6).uniqueElements(Practice::odsCode),
                  supervision)
              .as(
                  (code, name, practices, sup) ->
                      (Pcn)
                          Pcn.builder()
                              .code(code)
                              .name(name)
                              .addAllPractices(practices)
                              .addAllCoordinators(ccs)
                              .addAllSupervision(sup)
                              .build());
        });
  }

  /** Member practices with ODS-style codes from {@link #practiceCodes()}. */
  public static Arbitrary<Practice> practices() {
    return Combinators.combine(practiceCodes(), text(PRACTICE_NAMES)).as(Practice::of);
  }

  /** Supervision arrangements for co-ordinators from {@link #coordinatorIds()}. */
  public static Arbitrary<SupervisionArrangement> supervisionArrangements() {
    return coordinatorIds().flatMap(CareArbitraries::supervisionArrangementsFor);
  }

  /** Supervision arrangements for the given co-ordinator. */
  public static Arbitrary<SupervisionArrangement> supervisionArrangementsFor(String coordinatorId) {
    return Combinators.combine(
            namedContacts(List.of("PCN manager", "Clinical lead", "Social prescribing lead")).optional(0.8),
            namedContacts(List.of("GP partner", "Salaried GP", "Clinical director")).optional(0.8))
        .as(
            (first, gp) ->
                (SupervisionArrangement)
                    SupervisionArrangement.builder()
                        .coordinatorId(coordinatorId)
                        .firstPointOfContact(first)
                        .gpSupervisor(gp)
                        .build());
  }

  /** Named members of PCN staff. */
  public static Arbitrary<NamedContact> namedContacts() {
    return namedContacts(List.of("PCN manager", "GP partner", "Clinical director", "Practice nurse"));
  }

  private static Arbitrary<NamedContact> namedContacts(List<String> roles) {
    return Combinators.combine(text(NAMES), text(roles)).as(NamedContact::of);
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  /**
   * Non-blank text: nine in ten from the given realistic phrases, otherwise arbitrary text with
   * accents, quotes, backslashes, tabs and new lines.
   */
  public static Arbitrary<String> text(Collection<String> phrases) {
    return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(phrases)), Tuple.of(1, freeText()));
  }

  /** Arbitrary non-blank text of up to 60 characters, including characters JSON must escape. */
  public static Arbitrary<String> freeText() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars("éèüöñçøåßŁżğ’“”–—£€\"\\\n\t")
        .ofMinLength(1)
        .ofMaxLength(60)
        .filter(s -> !s.isBlank());
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static final List<String> LANGUAGES =
      List.of("Polish", "Urdu", "Bengali", "Punjabi", "Gujarati", "Arabic", "Romanian", "Welsh", "Somali");

  private static final List<String> WHAT_MATTERS =
      List.of(
          "Staying in my own home",
          "Getting out to the allotment again",
          "Seeing my grandchildren every week",
          "Not going back into hospital",
          "Being able to walk to the shops",
          "Keeping my independence",
          "Looking after my wife",
          "Feeling less lonely");

  private static final List<String> GOALS =
      List.of(
          "Walk to the post office and back",
          "Join the Tuesday lunch club",
          "Understand my medicines",
          "Sleep through the night",
          "Lose a stone by the summer",
          "Check my blood sugar every day",
          "Get back to swimming");

  private static final List<String> ACTIONS =
      List.of(
          "Refer to falls prevention class",
          "Arrange a medication review with the pharmacist",
          "Book a carer's assessment",
          "Phone to check how the first week went",
          "Find a walking group nearby",
          "Apply for attendance allowance");

  private static final List<String> SERVICES =
      List.of("Community pharmacy", "Falls prevention service", "Age UK Riverside", "District nursing team");

  private static final List<String> OUTCOMES =
      List.of(
          "Discussed goals; follow up in two weeks",
          "No answer; will try again",
          "Agreed referral to link worker",
          "Plan reviewed and shared",
          "Carer present; concerns about respite");

  private static final List<String> AGENCIES =
      List.of("Age UK Riverside", "Citizens Advice Riverside", "Riverside Carers Centre", "Local Mind");

  private static final List<String> DECISIONS =
      List.of("Knee replacement", "Moving into extra-care housing", "Starting dialysis", "Stopping a statin");

  private static final List<String> GPS = List.of("Dr A. Patel", "Dr R. Hughes", "Dr S. Okafor", "Dr M. Nowak");

  private static final List<String> RECOMMENDATIONS =
      List.of(
          "PAM_REMEASURE_DUE",
          "PCSP_REVIEW_OVERDUE",
          "CARER_ASSESSMENT",
          "REFER_SOCIAL_PRESCRIBING",
          "SAFEGUARDING_DISCUSS_WITH_GP",
          "SHARED_DECISION_CONVERSATION");

  private static final List<String> NAMES =
      List.of("Alex Morgan", "Priya Shah", "Tom Evans", "Grace Adeyemi", "Jo Williams", "Kasia Nowak");

  private static final List<String> PROVIDERS =
      List.of("Personalised Care Institute", "NHS e-Learning for Healthcare", "Local training hub");

  private static final List<String> PCN_NAMES =
      List.of("Riverside PCN", "North Hills PCN", "Canal Side PCN", "Market Towns PCN");

  private static final List<String> PRACTICE_NAMES =
      List.of("Riverside Surgery", "Meadow Lane Medical Centre", "The Old Mill Practice", "Castle Street Surgery");
}
