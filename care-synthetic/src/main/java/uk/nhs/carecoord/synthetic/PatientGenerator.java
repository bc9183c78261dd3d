package uk.nhs.carecoord.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.nhs.carecoord.model.Carer;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.CarerRelationship;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.CodedEntryStatus;
import uk.nhs.carecoord.model.CommunicationNeed;
import uk.nhs.carecoord.model.ConcernCategory;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.Contact;
import uk.nhs.carecoord.model.ContactMode;
import uk.nhs.carecoord.model.DecisionConversation;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.GpDiscussion;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.MdtDiscussion;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PendingDecision;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.Referral;
import uk.nhs.carecoord.model.ReferralStatus;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.model.ServiceType;
import uk.nhs.carecoord.model.ServiceUse;
import uk.nhs.carecoord.model.Sex;

/**
 * Generates one person's case from (seed, index) alone, so a population is generated in one pass
 * and its first k cases do not depend on how many follow. The draws happen in a fixed order for
 * every person: first the record (age, sex, practice, conditions, frailty, service use), then
 * whether a co-ordinator holds the case, then the case's history.
 */
final class PatientGenerator {
  // How a GP system codes place of living, caring, frailty and end-of-life care (Coding checks each
  // concept is in its built-in cluster when the class loads).
  private static final Coding.Choice CARE_HOME_CODES = Coding.choice("CAREHOME_COD", 0.9, "248171000000108", "160734000");
  private static final Coding.Choice TEMPORARY_CARE_HOME_CODES = Coding.choice("TEMPCARHOME_COD", 0);
  private static final Coding.Choice HOUSEBOUND_CODES = Coding.choice("HOUSEBOUND_OS", 0.8, "160689007");
  private static final Coding.Choice NO_LONGER_HOUSEBOUND_CODES = Coding.choice("NO_LONGER_HOUSEBOUND_OS", 0);
  private static final Coding.Choice CARER_CODES = Coding.choice("PRIMIS_CARER", 0.6, "224484003");
  private static final Coding.Choice NO_LONGER_CARER_CODES = Coding.choice("PRIMIS_NOTCARER", 0.8, "199361000000101");
  private static final Coding.Choice PALLIATIVE_CARE_CODES = Coding.choice("PALCARE_COD", 0.5, "103735009");
  private static final String MILD_FRAILTY = Coding.code("MILDFRAIL_COD", "925791000000100");
  private static final String MODERATE_FRAILTY = Coding.code("MODFRAIL_COD", "925831000000107");
  private static final String SEVERE_FRAILTY = Coding.code("SEVFRAIL_COD", "925861000000102");
  /** Clinical Frailty Scale levels 4–8 as coded (index 0 is level 4). */
  private static final List<String> CFS_LEVEL_CODES =
      List.of(
          Coding.code("MILDFRAIL_COD", "1129361000000106"),
          Coding.code("MILDFRAIL_COD", "1129371000000104"),
          Coding.code("MODFRAIL_COD", "1129381000000102"),
          Coding.code("SEVFRAIL_COD", "1129391000000100"),
          Coding.code("SEVFRAIL_COD", "1129401000000102"));

  /** Share of people with complex needs whose case a co-ordinator holds; and of everyone else. */
  private static final double COMPLEX_ALLOCATED = 0.75;

  private static final double OTHER_ALLOCATED = 0.02;

  // The generator's own model of the people a practice refers to its co-ordinators ("complex
  // needs"). Deliberately not the cohort rules nor their Thresholds: the rules decide cohorts and a
  // rule author changes them without touching this; the population then only holds a different
  // share of allocated people inside each cohort, which is what real data looks like too.
  private static final int FRAILTY_AGE = 65;
  private static final int VERY_OLD_AGE = 85;
  private static final int FRAIL_CFS = 5;
  private static final int RECENT_CANCER_MONTHS = 60;
  private static final int FREQUENT_AE = 3;
  private static final int REPEATED_ADMISSIONS = 2;
  private static final int MANY_MEDICINES = 10;

  private static final double[] CARE_HOME =
      Epidemiology.calibrate(0.0045, Epidemiology.curve(4, 0.03, 0.03, 0.03, 0.03, 0.03, 0.04, 0.05, 0.07, 0.1, 0.3, 0.8, 2.5, 7, 15, 26, 35));

  private static final double[] HOUSEBOUND =
      Epidemiology.calibrate(0.009, Epidemiology.curve(4, 0.1, 0.1, 0.1, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 3.5, 6, 10, 15, 20, 24));

  private static final ServiceType[] SERVICES = ServiceType.values();
  private static final double[] SERVICE_WEIGHTS = weightsFor(SERVICES);

  private static final ContactMode[] MODES = {
    ContactMode.TELEPHONE, ContactMode.FACE_TO_FACE, ContactMode.HOME_VISIT, ContactMode.VIDEO, ContactMode.MESSAGE
  };

  private static final ConcernCategory[] CONCERNS = {
    ConcernCategory.SELF_NEGLECT, ConcernCategory.ABUSE, ConcernCategory.DOMESTIC_ABUSE, ConcernCategory.MENTAL_HEALTH, ConcernCategory.OTHER
  };
  private static final double[] CONCERN_WEIGHTS = {30, 20, 20, 20, 10};

  private static final ConcernStatus[] CONCERN_STATUSES = {ConcernStatus.OPEN, ConcernStatus.REFERRED, ConcernStatus.CLOSED};
  private static final double[] CONCERN_STATUS_WEIGHTS = {30, 30, 40};

  private static final ReferralStatus[] NEW_REFERRAL_STATUSES = {
    ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED
  };
  private static final double[] NEW_REFERRAL_WEIGHTS = {70, 25, 5};
  private static final ReferralStatus[] REFERRAL_STATUSES = {
    ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.COMPLETED, ReferralStatus.CANCELLED
  };
  private static final double[] REFERRAL_WEIGHTS = {10, 30, 10, 40, 10};

  private static final ConsentStatus[] CONSENTS = {ConsentStatus.GIVEN, ConsentStatus.DECLINED, ConsentStatus.NOT_ASKED};
  private static final double[] HELD_CONSENT_WEIGHTS = {60, 8, 32};

  private static final CarerRelationship[] OLDER_CARERS = {
    CarerRelationship.CHILD, CarerRelationship.OTHER_FAMILY, CarerRelationship.FRIEND_OR_NEIGHBOUR, CarerRelationship.PAID_CARER
  };
  private static final double[] OLDER_CARER_WEIGHTS = {50, 15, 15, 20};
  private static final CarerRelationship[] ADULT_CARERS = {
    CarerRelationship.SPOUSE_OR_PARTNER, CarerRelationship.PARENT, CarerRelationship.SIBLING, CarerRelationship.CHILD, CarerRelationship.PAID_CARER
  };

  private final long seed;
  private final LocalDate asOf;
  private final PcnGenerator.Layout layout;

  PatientGenerator(long seed, LocalDate asOf, PcnGenerator.Layout layout) {
    this.seed = seed;
    this.asOf = asOf;
    this.layout = layout;
  }

  /** The case of the person with this index (0-based) and NHS number. */
  PatientCase generate(int index, NhsNumber nhsNumber) {
    return new Person(Rng.of(seed, Rng.PATIENT, index), index, nhsNumber).build();
  }

  /** One person being generated: the record first, then the case around it. */
  private final class Person {
    private final Rng r;
    private final int index;
    private final NhsNumber nhsNumber;

    private int age;
    private Sex sex;
    private LocalDate born;
    /** The record's coded entries, in the order drawn. */
    private final List<CodedEntry> entries = new ArrayList<>();
    /** Conditions drawn and not resolved, by kind (the generator's model, not the rules'). */
    private int conditionCount;
    private final Set<Epidemiology.Kind> kinds = EnumSet.noneOf(Epidemiology.Kind.class);
    private final Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
    private boolean careHome;
    private boolean housebound;
    private boolean recentCancer;
    private boolean severelyFrail;
    private boolean frail;
    private int medicines;
    private ServiceUse serviceUse;
    private final List<Carer> carers = new ArrayList<>();
    private String coordinatorId;
    private int coordinatorIndex = -1;

    Person(Rng r, int index, NhsNumber nhsNumber) {
      this.r = r;
      this.index = index;
      this.nhsNumber = nhsNumber;
    }

    PatientCase build() {
      age = Epidemiology.sampleAge(r);
      sex = sex();
      born = asOf.minusYears(age).minusDays(r.between(0, 364));
      String practice = layout.practiceCodes().get(r.weighted(layout.practiceWeights()));
      conditions();
      placeOfLiving();
      Optional<Frailty> frailty = frailty();
      endOfLifeCare();
      caring();
      useOfServices();
      carers();
      boolean complex = hasComplexNeeds(frailty);

      // Always two draws: the same people are allocated whatever the number of co-ordinators (if any).
      double allocated = r.unit();
      double which = r.unit();
      if (!layout.coordinatorIds().isEmpty() && allocated < (complex ? COMPLEX_ALLOCATED : OTHER_ALLOCATED)) {
        coordinatorIndex = (int) (which * layout.coordinatorIds().size());
        coordinatorId = layout.coordinatorIds().get(coordinatorIndex);
      }
      boolean held = coordinatorId != null;

      ImmutablePatientCase.Builder c = PatientCase.builder();
      Optional<PersonalisedCarePlan> plan =
          r.chance(held ? (complex ? 0.45 : 0.25) : 0.01) ? Optional.of(plan()) : Optional.empty();
      plan.ifPresent(c::plan);
      if (age >= 18 && r.chance(held ? (complex ? 0.36 : 0.3) : (complex ? 0.1 : 0.0))) {
        c.pamAssessments(pam());
      }
      if (held) {
        c.coordinatorId(coordinatorId);
        c.contacts(contacts(plan.isPresent()));
        c.referrals(referrals());
        decisions(c);
        if (r.chance(hasHeavyServiceUse() || conditionCount >= 4 ? 0.35 : 0.05)) {
          c.mdtDiscussions(mdt());
        }
      }
      if (r.chance(held ? 0.042 : 0.0015)) {
        c.safeguardingConcerns(concerns());
      }
      return c.patient(patient(practice, frailty, plan, held)).build();
    }

    private Sex sex() {
      double u = r.unit();
      if (u < 0.001) {
        return Sex.UNKNOWN;
      }
      if (u < 0.002) {
        return Sex.OTHER;
      }
      double female = age >= 85 ? 0.63 : age >= 65 ? 0.53 : 0.5;
      return r.chance(female) ? Sex.FEMALE : Sex.MALE;
    }

    private void conditions() {
      for (Epidemiology.Condition condition : Epidemiology.CONDITIONS) {
        if (!r.chance(condition.probability(age, sex))) {
          continue;
        }
        String code = condition.chooser().code(r, age, sex);
        Epidemiology.Kind kind = condition.kind();
        boolean cancer = kind == Epidemiology.Kind.CANCER;
        LocalDate recorded = r.daysAgo(asOf, 0, cancer ? 12 * 365 : Math.min(age, 30) * 365 + 364, born);
        if (r.chance(condition.resolvedShare())) {
          entries.add(entry(code, recorded, CodedEntryStatus.RESOLVED)); // an episode that ended
          continue;
        }
        entries.add(entry(code, recorded, CodedEntryStatus.ACTIVE));
        if (r.chance(0.12)) {
          // The same condition coded again later, often more specifically (a review, a clinic letter).
          entries.add(entry(condition.chooser().code(r, age, sex), r.dateBetween(recorded, asOf), CodedEntryStatus.ACTIVE));
        }
        conditionCount++;
        kinds.add(kind);
        if (kind == Epidemiology.Kind.LEARNING_DISABILITY && r.chance(0.95)) {
          flags.add(ClinicalFlag.LEARNING_DISABILITY);
        }
        if (kind == Epidemiology.Kind.AUTISM && r.chance(0.9)) {
          flags.add(ClinicalFlag.AUTISM);
        }
        if (kind == Epidemiology.Kind.DEMENTIA && r.chance(0.95)) {
          flags.add(ClinicalFlag.DEMENTIA);
        }
        if (cancer) {
          if (recorded.isAfter(asOf.minusYears(2)) || r.chance(0.2)) {
            flags.add(ClinicalFlag.ACTIVE_CANCER);
          }
          if (recorded.isAfter(asOf.minusMonths(RECENT_CANCER_MONTHS))) {
            recentCancer = true;
          }
        }
      }
    }

    private CodedEntry entry(String code, LocalDate recordedOn, CodedEntryStatus status) {
      return CodedEntry.builder().snomedCode(code).display(Coding.display(code)).recordedOn(recordedOn).status(status).build();
    }

    /**
     * Care home or housebound, recorded as a code, as a flag from the host, or both; some people were
     * housebound once and are coded as no longer housebound since (latest wins in the rules).
     */
    private void placeOfLiving() {
      int band = Epidemiology.band(age);
      double uplift = (flags.contains(ClinicalFlag.DEMENTIA) ? 4 : 1) * (flags.contains(ClinicalFlag.LEARNING_DISABILITY) ? 4 : 1);
      if (r.chance(Math.min(0.9, CARE_HOME[band] * uplift))) {
        careHome = true;
        boolean coded = r.chance(0.85);
        if (coded) {
          entries.add(entry(CARE_HOME_CODES.draw(r), r.daysAgo(asOf, 0, 6 * 365, born), CodedEntryStatus.ACTIVE));
        }
        if (!coded || r.chance(0.5)) {
          flags.add(ClinicalFlag.CARE_HOME_RESIDENT);
        }
      } else if (age >= 75 && r.chance(0.002)) {
        careHome = true; // a respite or step-down stay
        entries.add(entry(TEMPORARY_CARE_HOME_CODES.draw(r), r.daysAgo(asOf, 0, 60, born), CodedEntryStatus.ACTIVE));
      } else if (r.chance(Math.min(0.9, HOUSEBOUND[band] * (1 + 0.3 * conditionCount)))) {
        LocalDate since = r.daysAgo(asOf, 30, 5 * 365, born);
        boolean coded = r.chance(0.8);
        if (coded && r.chance(0.15)) {
          entries.add(entry(HOUSEBOUND_CODES.draw(r), since, CodedEntryStatus.ACTIVE));
          entries.add(entry(NO_LONGER_HOUSEBOUND_CODES.draw(r), r.dateBetween(since.plusDays(1), asOf), CodedEntryStatus.ACTIVE));
          return;
        }
        housebound = true;
        if (coded) {
          entries.add(entry(HOUSEBOUND_CODES.draw(r), since, CodedEntryStatus.ACTIVE));
        }
        if (!coded || r.chance(0.5)) {
          flags.add(ClinicalFlag.HOUSEBOUND);
        }
      }
    }

    private Optional<Frailty> frailty() {
      boolean assessed = age >= FRAILTY_AGE || (age >= 50 && conditionCount >= 3 && r.chance(0.1));
      if (!assessed) {
        return Optional.empty();
      }
      double mean =
          0.5
              + 0.2 * Math.max(0, age - 65)
              + 1.2 * conditionCount
              + (flags.contains(ClinicalFlag.DEMENTIA) ? 3 : 0)
              + (careHome ? 4 : 0)
              + (housebound ? 3 : 0);
      int deficits = r.skewedCount(mean, 0.35);
      EfiCategory efi =
          deficits <= 4 ? EfiCategory.FIT : deficits <= 8 ? EfiCategory.MILD : deficits <= 13 ? EfiCategory.MODERATE : EfiCategory.SEVERE;
      int cfs = (int) Math.round(2 + deficits * 0.36 + 0.7 * r.gaussian());
      cfs = Math.max(1, Math.min(8, cfs));
      if (flags.contains(ClinicalFlag.ACTIVE_CANCER) && deficits >= 14 && r.chance(0.2)) {
        cfs = 9;
      }
      boolean recordEfi = r.chance(0.75);
      boolean recordCfs = r.chance(deficits >= 9 ? 0.45 : 0.2);
      LocalDate assessedOn = r.daysAgo(asOf, 0, 540, born);
      boolean codeEfi = efi != EfiCategory.FIT && r.chance(recordEfi ? 0.35 : 0.3);
      if (codeEfi) {
        String code = efi == EfiCategory.MILD ? MILD_FRAILTY : efi == EfiCategory.MODERATE ? MODERATE_FRAILTY : SEVERE_FRAILTY;
        entries.add(entry(code, assessedOn, CodedEntryStatus.ACTIVE));
      }
      if (!recordEfi && !recordCfs) {
        // Only the code, if anything, is on the record: the rules read frailty from it.
        frail = codeEfi && (efi == EfiCategory.MODERATE || efi == EfiCategory.SEVERE);
        severelyFrail = codeEfi && efi == EfiCategory.SEVERE;
        return Optional.empty();
      }
      if (recordCfs && cfs >= 4 && r.chance(0.3)) {
        entries.add(entry(CFS_LEVEL_CODES.get(Math.min(cfs, 8) - 4), assessedOn, CodedEntryStatus.ACTIVE));
      }
      var frailty = Frailty.builder().assessedOn(assessedOn);
      if (recordEfi) {
        frailty.efiCategory(efi);
      }
      if (recordCfs) {
        frailty.clinicalFrailtyScale(cfs);
      }
      boolean moderateOrWorse = recordEfi && (efi == EfiCategory.MODERATE || efi == EfiCategory.SEVERE);
      frail = moderateOrWorse || (recordCfs && cfs >= FRAIL_CFS);
      severelyFrail = (recordEfi && efi == EfiCategory.SEVERE) || (recordCfs && cfs >= 7);
      return Optional.of(frailty.build());
    }

    /** Palliative care coded for some people with advanced cancer or severe frailty in old age. */
    private void endOfLifeCare() {
      double p = flags.contains(ClinicalFlag.ACTIVE_CANCER) && severelyFrail ? 0.35 : severelyFrail && age >= 85 ? 0.08 : 0;
      if (r.chance(p)) {
        entries.add(entry(PALLIATIVE_CARE_CODES.draw(r), r.daysAgo(asOf, 0, 180, born), CodedEntryStatus.ACTIVE));
      }
    }

    /** Whether the person is an unpaid carer themselves, as coded; some have stopped caring since. */
    private void caring() {
      if (age < 18 || age > 85 || !r.chance(age >= 50 ? 0.07 : 0.04)) {
        return;
      }
      LocalDate since = r.daysAgo(asOf, 30, 8 * 365, born.plusYears(16));
      entries.add(entry(CARER_CODES.draw(r), since, CodedEntryStatus.ACTIVE));
      if (r.chance(0.15)) {
        entries.add(entry(NO_LONGER_CARER_CODES.draw(r), r.dateBetween(since.plusDays(1), asOf), CodedEntryStatus.ACTIVE));
      }
    }

    private void useOfServices() {
      int n = conditionCount;
      medicines =
          r.poisson(0.1 + 1.5 * n + 0.03 * Math.max(0, age - 50) + (severelyFrail ? 3 : frail ? 1.5 : 0));
      int gp = r.skewedCount(1.5 + 1.3 * n + (age >= 75 ? 2 : 0) + (age < 5 ? 2 : 0), 0.5);
      int ae =
          r.skewedCount(
              0.18 + 0.08 * n + (frail ? 0.5 : 0) + (age < 5 ? 0.2 : 0) + (kinds.contains(Epidemiology.Kind.SUBSTANCE_MISUSE) ? 0.8 : 0), 1.0);
      int admissions =
          r.skewedCount(0.03 + 0.04 * n + (frail ? 0.3 : 0) + (age >= 80 ? 0.08 : 0) + (kinds.contains(Epidemiology.Kind.SUBSTANCE_MISUSE) ? 0.2 : 0), 1.0);
      serviceUse = ServiceUse.builder().gpAppointments(gp).aeAttendances(ae).emergencyAdmissions(admissions).build();
    }

    private void carers() {
      boolean needsCare =
          flags.contains(ClinicalFlag.DEMENTIA)
              || flags.contains(ClinicalFlag.LEARNING_DISABILITY)
              || (flags.contains(ClinicalFlag.AUTISM) && age < 18)
              || (frail && age >= 75);
      if (!(needsCare ? r.chance(0.7) : age >= 65 && r.chance(0.06))) {
        return;
      }
      int count = r.chance(0.3) ? 2 : 1;
      for (int i = 0; i < count; i++) {
        CarerRelationship relationship;
        if (age < 25) {
          relationship = i == 0 ? CarerRelationship.PARENT : CarerRelationship.SIBLING;
        } else if (age >= 65) {
          relationship =
              i == 0 && r.chance(0.55)
                  ? CarerRelationship.SPOUSE_OR_PARTNER
                  : r.weighted(OLDER_CARERS, OLDER_CARER_WEIGHTS);
        } else {
          relationship = r.pick(ADULT_CARERS);
        }
        Set<CarerNeed> needs = EnumSet.noneOf(CarerNeed.class);
        if (relationship != CarerRelationship.PAID_CARER) {
          if (r.chance(0.35)) {
            needs.add(CarerNeed.CARER_ASSESSMENT);
          }
          if (r.chance(0.2)) {
            needs.add(r.pick(CarerNeed.RESPITE, CarerNeed.FINANCIAL, CarerNeed.EMOTIONAL_SUPPORT, CarerNeed.OWN_HEALTH));
          }
          if (relationship == CarerRelationship.CHILD && age < 60 && r.chance(0.3)) {
            needs.add(CarerNeed.YOUNG_CARER);
          }
        }
        carers.add(
            Carer.builder()
                .id("carer-" + (i + 1))
                .relationship(relationship)
                .mainCarer(i == 0 && relationship != CarerRelationship.PAID_CARER)
                .ownNeeds(needs)
                .build());
      }
    }

    /** Whether a practice would likely refer this person to a co-ordinator (the model above). */
    private boolean hasComplexNeeds(Optional<Frailty> frailty) {
      return age >= VERY_OLD_AGE
          || (age >= FRAILTY_AGE && frailty.isPresent() && frail)
          || conditionCount >= 2
          || (kinds.stream().anyMatch(Epidemiology.Kind::physical) && kinds.stream().anyMatch(Epidemiology.Kind::mentalHealth))
          || recentCancer
          || flags.contains(ClinicalFlag.ACTIVE_CANCER)
          || flags.contains(ClinicalFlag.LEARNING_DISABILITY)
          || flags.contains(ClinicalFlag.AUTISM)
          || flags.contains(ClinicalFlag.DEMENTIA)
          || careHome
          || hasHeavyServiceUse();
    }

    private boolean hasHeavyServiceUse() {
      return serviceUse.aeAttendances() >= FREQUENT_AE
          || serviceUse.emergencyAdmissions() >= REPEATED_ADMISSIONS
          || medicines >= MANY_MEDICINES;
    }

    private ImmutablePatient patient(
        String practice, Optional<Frailty> frailty, Optional<PersonalisedCarePlan> plan, boolean held) {
      Set<CommunicationNeed> needs = EnumSet.noneOf(CommunicationNeed.class);
      if (flags.contains(ClinicalFlag.LEARNING_DISABILITY)) {
        addIf(needs, CommunicationNeed.EASY_READ, 0.7);
        addIf(needs, CommunicationNeed.ADVOCATE, 0.2);
        addIf(needs, CommunicationNeed.LONGER_APPOINTMENT, 0.5);
      }
      if (flags.contains(ClinicalFlag.DEMENTIA) || flags.contains(ClinicalFlag.AUTISM)) {
        addIf(needs, CommunicationNeed.LONGER_APPOINTMENT, 0.4);
      }
      if (has(Epidemiology.HEARING_LOSS)) {
        addIf(needs, CommunicationNeed.HEARING_LOOP, 0.4);
        addIf(needs, CommunicationNeed.BSL_INTERPRETER, 0.03);
      }
      if (has(Epidemiology.VISUAL_IMPAIRMENT)) {
        addIf(needs, CommunicationNeed.LARGE_PRINT, 0.5);
        addIf(needs, CommunicationNeed.BRAILLE, 0.05);
      }
      Optional<String> language = Optional.empty();
      if (r.chance(0.04)) {
        language = Optional.of(r.pick(Phrases.LANGUAGES));
        addIf(needs, CommunicationNeed.INTERPRETER, 0.6);
      }
      ImmutablePatient.Builder p =
          ImmutablePatient.builder()
              .id(patientId(index))
              .nhsNumber(nhsNumber)
              .dateOfBirth(born)
              .sex(sex)
              .practiceCode(practice)
              .codedEntries(entries)
              .frailty(frailty)
              .flags(flags)
              .repeatMedicines(medicines)
              .serviceUse(serviceUse)
              .carers(carers)
              .communicationNeeds(needs)
              .preferredLanguage(language);
      ConsentStatus consent;
      LocalDate consentOn = null;
      if (plan.isPresent()) {
        consent = r.chance(0.97) ? ConsentStatus.GIVEN : ConsentStatus.NOT_ASKED;
        consentOn = earliest(plan.get().versions().get(0).recordedOn().minusDays(r.between(0, 30)));
      } else if (held) {
        consent = r.weighted(CONSENTS, HELD_CONSENT_WEIGHTS);
        consentOn = r.daysAgo(asOf, 0, 700, born);
      } else {
        consent = r.chance(0.02) ? ConsentStatus.GIVEN : ConsentStatus.NOT_ASKED;
        consentOn = r.daysAgo(asOf, 0, 1500, born);
      }
      p.consent(consent);
      if (consent != ConsentStatus.NOT_ASKED) {
        p.consentRecordedOn(consentOn);
      }
      return p.build();
    }

    private boolean has(String code) {
      for (CodedEntry e : entries) {
        if (e.snomedCode().equals(code) && e.status() == CodedEntryStatus.ACTIVE) {
          return true;
        }
      }
      return false;
    }

    private <T> void addIf(Set<T> set, T value, double p) {
      if (r.chance(p)) {
        set.add(value);
      }
    }

    /** A date no earlier than birth. */
    private LocalDate earliest(LocalDate date) {
      return date.isBefore(born) ? born : date;
    }

    /** {@code count} dates within {@code maxDaysAgo} days before the reference date, oldest first. */
    private LocalDate[] datesOldestFirst(int count, int maxDaysAgo) {
      LocalDate[] dates = new LocalDate[count];
      for (int i = 0; i < count; i++) {
        dates[i] = r.daysAgo(asOf, 0, maxDaysAgo, born);
      }
      Arrays.sort(dates);
      return dates;
    }

    // --- PAM ---

    private List<PamAssessment> pam() {
      int count = 1 + r.weighted(45, 30, 15, 10);
      LocalDate adult = born.plusYears(18);
      LocalDate date = r.daysAgo(asOf, 0, 1000, adult.isAfter(asOf) ? asOf : adult);
      double score = clampScore(55 + 12 * r.gaussian());
      List<PamAssessment> assessments = new ArrayList<>();
      for (int i = 0; i < count && !date.isAfter(asOf); i++) {
        assessments.add(PamAssessment.of(Math.round(score * 10) / 10.0, date));
        date = date.plusDays(r.between(90, 270));
        score = clampScore(score + 2.5 + 5 * r.gaussian());
      }
      return assessments;
    }

    private double clampScore(double score) {
      return Math.max(30, Math.min(85, score));
    }

    // --- Personalised care and support plan ---

    private PersonalisedCarePlan plan() {
      return new CarePlanGenerator(r, asOf, index, born, coordinatorIndex, layout.coordinatorNames(), !carers.isEmpty())
          .generate();
    }

    // --- Interactions ---

    private List<Contact> contacts(boolean hasPlan) {
      int count = Math.min(12, r.poisson(hasPlan ? 4 : 2.5));
      boolean housebound = flags.contains(ClinicalFlag.HOUSEBOUND) || flags.contains(ClinicalFlag.CARE_HOME_RESIDENT);
      double[] modeWeights = {45, housebound ? 5 : 20, housebound ? 30 : 5, 5, 18};
      LocalDate[] dates = datesOldestFirst(count, 365);
      List<Contact> contacts = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        double who = r.unit();
        Optional<String> by =
            who < 0.9
                ? Optional.of(coordinatorId)
                : who < 0.95 ? Optional.of(r.pick(layout.coordinatorIds())) : Optional.empty();
        contacts.add(
            Contact.builder()
                .id("contact-" + (i + 1))
                .on(dates[i])
                .mode(r.weighted(MODES, modeWeights))
                .outcome(r.pick(Phrases.CONTACT_OUTCOMES))
                .coordinatorId(by)
                .build());
      }
      return contacts;
    }

    private List<Referral> referrals() {
      int count = r.weighted(55, 28, 12, 5);
      LocalDate[] dates = datesOldestFirst(count, 540);
      List<Referral> referrals = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ServiceType service = r.weighted(SERVICES, SERVICE_WEIGHTS);
        if (service == ServiceType.EMPLOYMENT_SUPPORT && age >= 67) {
          service = ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER;
        }
        long daysAgo = asOf.toEpochDay() - dates[i].toEpochDay();
        ReferralStatus status =
            daysAgo < 21
                ? r.weighted(NEW_REFERRAL_STATUSES, NEW_REFERRAL_WEIGHTS)
                : r.weighted(REFERRAL_STATUSES, REFERRAL_WEIGHTS);
        referrals.add(
            Referral.builder()
                .id("referral-" + (i + 1))
                .referredOn(dates[i])
                .service(service)
                .agencyName(Optional.ofNullable(service == ServiceType.NAMED_AGENCY ? r.pick(Phrases.AGENCIES) : null))
                .status(status)
                .build());
      }
      return referrals;
    }

    private void decisions(ImmutablePatientCase.Builder c) {
      if (r.chance(0.12)) {
        int count = r.chance(0.8) ? 1 : 2;
        for (int i = 0; i < count; i++) {
          String id = "decision-" + (i + 1);
          String topic = r.pick(Phrases.DECISIONS);
          int when = r.weighted(25, 50, 25);
          Optional<LocalDate> decideBy =
              when == 0
                  ? Optional.empty()
                  : when == 1 ? Optional.of(asOf.plusDays(r.between(1, 120))) : Optional.of(asOf.minusDays(r.between(1, 60)));
          c.addPendingDecisions(PendingDecision.builder().id(id).topic(topic).decideBy(decideBy).build());
          if (r.chance(0.55)) {
            c.addDecisionConversations(conversation("sdm-" + (i + 1), topic, Optional.of(id)));
          }
        }
      }
      if (r.chance(0.03)) {
        c.addDecisionConversations(conversation("sdm-9", r.pick(Phrases.DECISIONS), Optional.empty()));
      }
    }

    private DecisionConversation conversation(String id, String topic, Optional<String> decisionId) {
      return DecisionConversation.builder()
          .id(id)
          .heldOn(r.daysAgo(asOf, 0, 120, born))
          .topic(topic)
          .decisionAid(Optional.ofNullable(r.chance(0.6) ? r.pick(Phrases.DECISION_AIDS) : null))
          .pendingDecisionId(decisionId)
          .build();
    }

    private List<MdtDiscussion> mdt() {
      int count = r.chance(0.75) ? 1 : 2;
      LocalDate[] dates = datesOldestFirst(count, 400);
      List<MdtDiscussion> list = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        list.add(
            MdtDiscussion.builder()
                .id("mdt-" + (i + 1))
                .heldOn(dates[i])
                .outcome(r.pick(Phrases.MDT_OUTCOMES))
                .build());
      }
      return list;
    }

    private List<SafeguardingConcern> concerns() {
      int count = r.chance(0.9) ? 1 : 2;
      LocalDate[] dates = datesOldestFirst(count, 400);
      List<SafeguardingConcern> list = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        LocalDate raised = dates[i];
        boolean recent = raised.isAfter(asOf.minusDays(14));
        ConcernStatus status =
            recent
                ? (r.chance(0.9) ? ConcernStatus.OPEN : ConcernStatus.REFERRED)
                : r.weighted(CONCERN_STATUSES, CONCERN_STATUS_WEIGHTS);
        double discussed = switch (status) {
          case CLOSED -> 0.95;
          case REFERRED -> 0.9;
          case OPEN -> 0.45;
        };
        Optional<GpDiscussion> discussion = Optional.empty();
        if (r.chance(discussed)) {
          LocalDate latest = raised.plusDays(14).isAfter(asOf) ? asOf : raised.plusDays(14);
          String gp =
              coordinatorIndex >= 0
                  ? layout.safeguardingGps().get(coordinatorIndex)
                  : r.pick(layout.practiceGps());
          discussion = Optional.of(GpDiscussion.of(gp, r.dateBetween(raised, latest)));
        }
        list.add(
            SafeguardingConcern.builder()
                .id("concern-" + (i + 1))
                .category(r.weighted(CONCERNS, CONCERN_WEIGHTS))
                .raisedOn(raised)
                .status(status)
                .gpDiscussion(discussion)
                .build());
      }
      return list;
    }
  }

  /** The patient identifier for an index: {@code pt-000001} for index 0. */
  static String patientId(int index) {
    String s = Integer.toString(index + 1);
    return "pt-" + "000000".substring(Math.min(6, s.length())) + s;
  }

  private static double[] weightsFor(ServiceType[] services) {
    double[] w = new double[services.length];
    for (int i = 0; i < services.length; i++) {
      w[i] =
          switch (services[i]) {
            case SOCIAL_PRESCRIBING_LINK_WORKER -> 30;
            case HEALTH_AND_WELLBEING_COACH -> 20;
            case BENEFITS_ADVICE -> 12;
            case EDUCATION_SELF_MANAGEMENT -> 10;
            case PEER_SUPPORT -> 8;
            case EMPLOYMENT_SUPPORT -> 5;
            case PERSONAL_HEALTH_BUDGET -> 3;
            case NAMED_AGENCY -> 12;
          };
    }
    return w;
  }
}
