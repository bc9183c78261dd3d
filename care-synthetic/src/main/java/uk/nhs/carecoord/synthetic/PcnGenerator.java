package uk.nhs.carecoord.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.carecoord.model.ArrsEngagement;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.ImmutableSupervisionArrangement;
import uk.nhs.carecoord.model.ImmutableTrainingRecord;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.model.TrainingProgress;
import uk.nhs.carecoord.model.TrainingRecord;

/**
 * The PCN: practices of varied list size, and co-ordinators whose training and supervision cover
 * the cases the rules care about. Co-ordinator {@code j} follows training profile {@code j % 5}
 * (complete; course only enrolled; no PCI course; safeguarding lapsed; refreshed), so any handful
 * is mixed; from the second co-ordinator on, one in five has no GP supervisor named and one in seven
 * has no supervision arrangement at all.
 */
final class PcnGenerator {
  static final String PCN_CODE = "U99999";
  static final String PCN_NAME = "Synthetic Example PCN";

  /** Safeguarding training is refreshed every three years. */
  private static final int SAFEGUARDING_YEARS = 3;

  private enum Profile {
    COMPLETE,
    COURSE_ENROLLED,
    NO_PCI_COURSE,
    SAFEGUARDING_LAPSED,
    REFRESHED
  }

  /** What the patient generator needs to know about the PCN. */
  record Layout(
      Pcn pcn,
      List<String> practiceCodes,
      double[] practiceWeights,
      List<String> practiceGps,
      List<String> coordinatorIds,
      List<String> coordinatorNames,
      List<String> safeguardingGps) {}

  private PcnGenerator() {}

  static Layout generate(long seed, int practices, int coordinators, LocalDate asOf) {
    List<Practice> practiceList = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<String> gps = new ArrayList<>();
    double[] weights = new double[practices];
    for (int p = 0; p < practices; p++) {
      Rng rng = Rng.of(seed, Rng.PRACTICE, p);
      String code = "Y9" + pad4(1001 + p);
      String name = Phrases.PRACTICE_NAMES.get(p % Phrases.PRACTICE_NAMES.size());
      if (p >= Phrases.PRACTICE_NAMES.size()) {
        name = name + " " + (p / Phrases.PRACTICE_NAMES.size() + 1);
      }
      practiceList.add(Practice.of(code, name));
      codes.add(code);
      gps.add("Dr " + Phrases.name(48 + p));
      weights[p] = 0.5 + rng.unit(); // list sizes vary up to threefold
    }
    NamedContact manager = NamedContact.of(Phrases.name(47), "PCN manager");

    List<CareCoordinator> coordinatorList = new ArrayList<>();
    List<SupervisionArrangement> supervision = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> safeguardingGps = new ArrayList<>();
    for (int j = 0; j < coordinators; j++) {
      Rng rng = Rng.of(seed, Rng.COORDINATOR, j);
      String id = "cc-" + (j + 1);
      String name = Phrases.name(j);
      Profile profile = Profile.values()[j % Profile.values().length];
      LocalDate started =
          profile == Profile.COURSE_ENROLLED
              ? asOf.minusDays(rng.between(40, 150))
              : asOf.minusDays(rng.between(200, 1500));
      coordinatorList.add(
          CareCoordinator.builder()
              .id(id)
              .name(name)
              .engagement(j % 4 == 3 ? ArrsEngagement.ENGAGED : ArrsEngagement.EMPLOYED)
              .startedOn(started)
              .trainingRecords(training(rng, profile, started, asOf))
              .build());
      ids.add(id);
      names.add(name);
      String gp = gps.get(j % practices);
      boolean noArrangement = j % 7 == 6;
      boolean noGp = j % 5 == 1;
      if (!noArrangement) {
        ImmutableSupervisionArrangement.Builder arrangement =
            SupervisionArrangement.builder().coordinatorId(id).firstPointOfContact(manager);
        if (!noGp) {
          arrangement.gpSupervisor(NamedContact.of(gp, "GP partner"));
        }
        supervision.add(arrangement.build());
      }
      safeguardingGps.add(gp);
    }
    Pcn pcn =
        Pcn.builder()
            .code(PCN_CODE)
            .name(PCN_NAME)
            .practices(practiceList)
            .coordinators(coordinatorList)
            .supervision(supervision)
            .build();
    return new Layout(pcn, List.copyOf(codes), weights, List.copyOf(gps), List.copyOf(ids), List.copyOf(names), List.copyOf(safeguardingGps));
  }

  private static List<TrainingRecord> training(Rng rng, Profile profile, LocalDate started, LocalDate asOf) {
    List<TrainingRecord> records = new ArrayList<>();
    // The PCI-accredited two-day course.
    switch (profile) {
      case COURSE_ENROLLED -> {
        LocalDate enrolled = notAfter(started.plusDays(rng.between(0, 30)), asOf);
        records.add(
            TrainingRecord.builder()
                .module(TrainingModule.PCI_CARE_COORDINATOR_COURSE)
                .progress(rng.chance(0.5) ? TrainingProgress.ENROLLED : TrainingProgress.IN_PROGRESS)
                .startedOn(enrolled)
                .provider(Phrases.COURSE_PROVIDER)
                .build());
      }
      case NO_PCI_COURSE -> {
        // Missing altogether.
      }
      default -> {
        LocalDate first = notAfter(started.plusDays(rng.between(10, 150)), asOf.minusDays(1));
        records.add(
            TrainingRecord.builder()
                .module(TrainingModule.PCI_CARE_COORDINATOR_COURSE)
                .progress(TrainingProgress.COMPLETED)
                .startedOn(first)
                .completedOn(first.plusDays(1))
                .provider(Phrases.COURSE_PROVIDER)
                .build());
      }
    }
    // PCI eLearning.
    records.add(elearning(rng, TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING, started, asOf, profile == Profile.COURSE_ENROLLED));
    if (profile != Profile.NO_PCI_COURSE) {
      records.add(elearning(rng, TrainingModule.PCI_ELEARNING_PERSONALISED_CARE_AND_SUPPORT_PLANNING, started, asOf, false));
    }
    // Safeguarding, renewed every three years.
    records.add(safeguarding(TrainingModule.SAFEGUARDING_LEVEL_1, asOf.minusDays(rng.between(30, 900)), true));
    switch (profile) {
      case SAFEGUARDING_LAPSED ->
          records.add(safeguarding(TrainingModule.SAFEGUARDING_LEVEL_2, asOf.minusDays(rng.between(1130, 1500)), true));
      case REFRESHED -> {
        records.add(safeguarding(TrainingModule.SAFEGUARDING_LEVEL_2, asOf.minusDays(rng.between(1200, 1600)), true));
        records.add(safeguarding(TrainingModule.SAFEGUARDING_LEVEL_2, asOf.minusDays(rng.between(10, 300)), true));
      }
      default ->
          records.add(safeguarding(TrainingModule.SAFEGUARDING_LEVEL_2, asOf.minusDays(rng.between(30, 900)), rng.chance(0.7)));
    }
    // Minimum training standards, no expiry stated.
    for (TrainingModule module :
        List.of(
            TrainingModule.MENTAL_CAPACITY_ACT,
            TrainingModule.DEPRIVATION_OF_LIBERTY_SAFEGUARDS,
            TrainingModule.DEVELOPING_PARTNERSHIPS,
            TrainingModule.PERSONALISED_CARE_CORE_SKILLS)) {
      records.add(
          TrainingRecord.builder()
              .module(module)
              .progress(TrainingProgress.COMPLETED)
              .completedOn(asOf.minusDays(rng.between(20, 1000)))
              .provider(Phrases.MANDATORY_PROVIDER)
              .build());
    }
    return records;
  }

  private static TrainingRecord elearning(
      Rng rng, TrainingModule module, LocalDate started, LocalDate asOf, boolean inProgress) {
    LocalDate begun = notAfter(started.plusDays(rng.between(0, 60)), asOf);
    ImmutableTrainingRecord.Builder record =
        TrainingRecord.builder().module(module).startedOn(begun).provider(Phrases.ELEARNING_PROVIDER);
    if (inProgress) {
      return record.progress(TrainingProgress.IN_PROGRESS).build();
    }
    return record
        .progress(TrainingProgress.COMPLETED)
        .completedOn(notAfter(begun.plusDays(rng.between(0, 30)), asOf))
        .build();
  }

  private static TrainingRecord safeguarding(TrainingModule module, LocalDate completed, boolean statesExpiry) {
    ImmutableTrainingRecord.Builder record =
        TrainingRecord.builder()
            .module(module)
            .progress(TrainingProgress.COMPLETED)
            .completedOn(completed)
            .provider(Phrases.MANDATORY_PROVIDER);
    if (statesExpiry) {
      record.expiresOn(completed.plusYears(SAFEGUARDING_YEARS));
    }
    return record.build();
  }

  private static LocalDate notAfter(LocalDate date, LocalDate limit) {
    return date.isAfter(limit) ? limit : date;
  }

  private static String pad4(int value) {
    String s = Integer.toString(value);
    return "0000".substring(Math.min(4, s.length())) + s;
  }
}
