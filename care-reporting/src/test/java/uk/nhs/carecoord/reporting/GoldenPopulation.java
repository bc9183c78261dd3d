package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.ConcernCategory;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.GpDiscussion;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.model.TrainingProgress;
import uk.nhs.carecoord.model.TrainingRecord;

/**
 * Ten people in two member practices and one other, two co-ordinators. The expected figures are
 * worked out by hand in the comments and asserted in {@link GoldenReportsTest}.
 */
final class GoldenPopulation {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  static final String RIVERSIDE = "A81001";
  static final String HILLTOP = "A81002";
  static final String ELSEWHERE = "Z99999";

  private GoldenPopulation() {}

  static Pcn pcn() {
    return Pcn.builder()
        .code("U12345")
        .name("Riverside & <Hilltop> PCN")
        .addPractices(Practice.of(RIVERSIDE, "Riverside Surgery"), Practice.of(HILLTOP, "Hilltop Medical Centre"))
        .addCoordinators(coordinator("cc-1", "Alex Morgan", true), coordinator("cc-2", "Sam O'Neill", false))
        .addSupervision(
            SupervisionArrangement.builder()
                .coordinatorId("cc-1")
                .firstPointOfContact(NamedContact.of("Jo Bloggs", "PCN manager"))
                .gpSupervisor(NamedContact.of("Dr A. Patel", "GP partner"))
                .build())
        .build();
  }

  private static CareCoordinator coordinator(String id, String name, boolean trained) {
    var b = CareCoordinator.builder().id(id).name(name).startedOn(LocalDate.of(2024, 9, 2));
    if (trained) {
      b.addTrainingRecords(
          completed(TrainingModule.PCI_CARE_COORDINATOR_COURSE),
          completed(TrainingModule.PCI_ELEARNING_SHARED_DECISION_MAKING),
          completed(TrainingModule.PCI_ELEARNING_PERSONALISED_CARE_AND_SUPPORT_PLANNING),
          TrainingRecord.builder()
              .module(TrainingModule.SAFEGUARDING_LEVEL_2)
              .progress(TrainingProgress.COMPLETED)
              .startedOn(LocalDate.of(2024, 9, 10))
              .completedOn(LocalDate.of(2024, 9, 12))
              .expiresOn(LocalDate.of(2027, 9, 12))
              .build());
    }
    return b.build();
  }

  private static TrainingRecord completed(TrainingModule m) {
    return TrainingRecord.builder()
        .module(m)
        .progress(TrainingProgress.COMPLETED)
        .startedOn(LocalDate.of(2024, 10, 1))
        .completedOn(LocalDate.of(2024, 10, 3))
        .build();
  }

  /*
   * Latest PAM level: L1 {05}, L2 {02, 06}, L3 {01}, L4 {03, 04}; none for 07-10.
   * Remeasured 01 (1->3, +11.3), 02 (2->2, +2), 03 (3->4, +10), 06 (3->2, -8): mean +3.825 -> 3.8,
   * improved by 3 or more: 01, 03.
   * Plans: 01 active, agreed, shared, review overdue; 02 active, agreed, not shared, review ahead;
   * 03 draft; 04 revoked; 05-10 none. Agreed 2, shared 1, overdue 1, without 7.
   * Practices: 01-06 Riverside, 07-09 Hilltop, 10 elsewhere. 01-03 aged 86 (frail elderly by age).
   * Safeguarding: 07 open 4 days, not discussed; 08 referred 84 days, discussed; 09 open 327
   * days, not discussed, plus a closed one. Co-ordinators: 01-05 cc-1, 06-08 cc-2, 09-10 none.
   */
  static List<PatientCase> cases() {
    List<PatientCase> cases = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      cases.add(caseOf(i));
    }
    return cases;
  }

  static String id(int i) {
    return String.format("PID-%03d", i);
  }

  private static PatientCase caseOf(int i) {
    String practice = i <= 6 ? RIVERSIDE : i <= 9 ? HILLTOP : ELSEWHERE;
    Patient patient =
        Patient.builder()
            .id(id(i))
            .nhsNumber(nhsNumber(i))
            .dateOfBirth(i <= 3 ? LocalDate.of(1940, 5, 1) : LocalDate.of(1980, 5, 1))
            .sex(i % 2 == 0 ? Sex.MALE : Sex.FEMALE)
            .practiceCode(practice)
            .build();
    ImmutablePatientCase.Builder b = PatientCase.builder().patient(patient);
    if (i <= 5) {
      b.coordinatorId("cc-1");
    } else if (i <= 8) {
      b.coordinatorId("cc-2");
    }
    switch (i) {
      case 1 -> b.addPamAssessments(pam(45.0, 2025, 4), pam(56.3, 2026, 4))
          .plan(plan(CarePlanStatus.ACTIVE, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 10, 10), true));
      case 2 -> b.addPamAssessments(pam(50.0, 2025, 5), pam(52.0, 2026, 5))
          .plan(plan(CarePlanStatus.ACTIVE, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1), false));
      case 3 -> b.addPamAssessments(pam(60.0, 2025, 6), pam(70.0, 2026, 6))
          .plan(plan(CarePlanStatus.DRAFT, null, null, false));
      case 4 -> b.addPamAssessments(pam(70.0, 2026, 1))
          .plan(plan(CarePlanStatus.REVOKED, null, null, false));
      case 5 -> b.addPamAssessments(pam(40.0, 2026, 2));
      case 6 -> b.addPamAssessments(pam(58.0, 2025, 7), pam(54.0, 2025, 12), pam(50.0, 2026, 7));
      case 7 -> b.addSafeguardingConcerns(concern("c-1", LocalDate.of(2026, 11, 20), ConcernStatus.OPEN, false));
      case 8 -> b.addSafeguardingConcerns(concern("c-2", LocalDate.of(2026, 9, 1), ConcernStatus.REFERRED, true));
      case 9 -> b.addSafeguardingConcerns(
          concern("c-3", LocalDate.of(2026, 1, 1), ConcernStatus.OPEN, false),
          concern("c-4", LocalDate.of(2025, 1, 1), ConcernStatus.CLOSED, true));
      default -> { }
    }
    return b.build();
  }

  /** A synthetic NHS number from the never-issued 999 range. */
  static NhsNumber nhsNumber(int i) {
    for (int n = i * 10; ; n++) {
      try {
        return NhsNumber.fromFirstNineDigits(String.format("999000%03d", n));
      } catch (RuntimeException noCheckDigit) {
        // try the next
      }
    }
  }

  private static PamAssessment pam(double score, int year, int month) {
    return PamAssessment.of(score, LocalDate.of(year, month, 1));
  }

  private static PersonalisedCarePlan plan(
      CarePlanStatus status, LocalDate agreedOn, LocalDate reviewOn, boolean shared) {
    var content = PlanContent.builder().status(status).whatMattersToMe("Staying at home").sharedWithPatient(shared);
    if (agreedOn != null) {
      content.agreedOn(agreedOn);
    }
    if (reviewOn != null) {
      content.nextReviewOn(reviewOn);
    }
    return PersonalisedCarePlan.create("pcsp-1", agreedOn == null ? LocalDate.of(2026, 1, 5) : agreedOn, content.build());
  }

  private static SafeguardingConcern concern(String id, LocalDate raisedOn, ConcernStatus status, boolean discussed) {
    var b = SafeguardingConcern.builder().id(id).category(ConcernCategory.SELF_NEGLECT).raisedOn(raisedOn).status(status);
    if (discussed) {
      b.gpDiscussion(GpDiscussion.of("Dr A. Patel", raisedOn.plusDays(1)));
    }
    return b.build();
  }
}
