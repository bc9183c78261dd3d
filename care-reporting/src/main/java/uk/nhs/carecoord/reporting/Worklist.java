package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.Priority;

/**
 * The next-steps worklist: every obligation and recommendation, per co-ordinator, most urgent
 * first. <strong>It contains patient data</strong>: it is for the practice's own use and is never
 * suppressed; writers put it in files named {@code ...-CONTAINS-PATIENT-DATA...}.
 *
 * @param asOf the reference date
 * @param entries per co-ordinator (by id, unallocated people last), then priority, due date
 *     (undated last), code, patient and subject
 */
public record Worklist(LocalDate asOf, List<Entry> entries) {

  /** Co-ordinator id used for people with no allocated co-ordinator. */
  public static final String UNALLOCATED = "UNALLOCATED";

  /** Defensive copy. */
  public Worklist {
    entries = List.copyOf(entries);
  }

  /** The entries of one co-ordinator, in worklist order. */
  public List<Entry> of(String coordinatorId) {
    return entries.stream().filter(e -> e.coordinatorId().equals(coordinatorId)).toList();
  }

  /**
   * One next step.
   *
   * @param coordinatorId the allocated co-ordinator, or {@link Worklist#UNALLOCATED}
   * @param coordinatorName their name, empty if unknown
   * @param patientId the person's identifier in the host system
   * @param practiceCode the person's practice, empty if no case was given for the evaluation
   * @param kind obligation or recommendation
   * @param priority how soon
   * @param code the rules' code
   * @param subject what it is about within the case, empty for the whole case
   * @param dueOn when it is due, if the rules set a date
   * @param text what to do, for a person to read
   */
  public record Entry(
      String coordinatorId,
      String coordinatorName,
      String patientId,
      String practiceCode,
      FindingKind kind,
      Priority priority,
      String code,
      String subject,
      Optional<LocalDate> dueOn,
      String text) {}
}
