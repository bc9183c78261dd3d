package uk.nhs.carecoord.benchmarks;

import java.time.LocalDate;
import java.util.List;

/**
 * The hand-written counterpart of a {@code PatientEvaluation}: cohorts, obligations and
 * recommendations in priority order, and the recommendations held back after being declined.
 */
record HandEvaluation(
    String patientId,
    LocalDate asOf,
    String codeListVersion,
    List<HandFinding> cohorts,
    List<HandFinding> obligations,
    List<HandFinding> recommendations,
    List<HandFinding> suppressed) {}
