package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Builds a PCN's reports from its cases and the rules' evaluations.
 *
 * <pre>{@code
 * CareRules rules = CareRules.builder().asOf(date).build();
 * ReportSet reports = PcnReports.builder().suppressionThreshold(7).build()
 *     .build(pcn, cases, rules.evaluateAll(pcn, cases), rules.evaluateCoordinators(pcn));
 * reports.writeAll(outputDirectory);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #build} is a pure function of its arguments.
 */
public final class PcnReports {
  /** Counts from 1 to this are suppressed by default (OpenSAFELY, NHS Digital HES). */
  public static final int DEFAULT_SUPPRESSION_THRESHOLD = 7;

  /** The default suppression marker. */
  public static final String DEFAULT_MARKER = "*";

  private final Suppression suppression;
  private final Optional<LocalDate> asOf;

  private PcnReports(Suppression suppression, Optional<LocalDate> asOf) {
    this.suppression = suppression;
    this.asOf = asOf;
  }

  /** A builder with the default threshold ({@value #DEFAULT_SUPPRESSION_THRESHOLD}) and marker. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The five reports. Evaluations are matched to cases by patient id; cases without an evaluation
   * count in no cohort, and evaluations without a case still reach the worklist, unallocated.
   *
   * @param pcn the PCN: practices, co-ordinators and supervision arrangements
   * @param cases the caseload, in any order (patient ids unique)
   * @param patientEvaluations the rules' evaluations of those cases, in any order
   * @param coordinatorEvaluations the rules' evaluations of the PCN's co-ordinators
   * @throws IllegalArgumentException if patient ids repeat, if no reference date is set and no
   *     evaluation gives one, or if an evaluation is as of another date
   */
  public ReportSet build(
      Pcn pcn,
      Collection<PatientCase> cases,
      Collection<PatientEvaluation> patientEvaluations,
      Collection<CoordinatorEvaluation> coordinatorEvaluations) {
    Inputs in = Inputs.of(pcn, cases, patientEvaluations, coordinatorEvaluations, asOf, suppression);
    return new ReportSet(
        pcn.code(),
        pcn.name(),
        in.asOf(),
        suppression.threshold(),
        suppression.marker(),
        suppression.roundTo(),
        TrainingMatrix.of(pcn, in.coordinators(), in.asOf()),
        Caseload.of(in),
        Activation.of(in),
        Safeguarding.of(in),
        Worklists.of(in));
  }

  /** The suppression threshold in force. */
  public int suppressionThreshold() {
    return suppression.threshold();
  }

  /** Configures {@link PcnReports}. */
  public static final class Builder {
    private int threshold = DEFAULT_SUPPRESSION_THRESHOLD;
    private String marker = DEFAULT_MARKER;
    private int roundTo = 1;
    private LocalDate asOf;

    private Builder() {}

    /** Counts from 1 to {@code threshold} are shown as the marker; 0 turns suppression off. */
    public Builder suppressionThreshold(int threshold) {
      this.threshold = threshold;
      return this;
    }

    /** The text shown instead of a suppressed count (default {@value PcnReports#DEFAULT_MARKER}). */
    public Builder suppressionMarker(String marker) {
      this.marker = marker;
      return this;
    }

    /**
     * Shows every count that is not suppressed rounded to the nearest multiple of {@code base}
     * (halves up; a count above zero is shown as at least {@code base}). 1, the default, shows
     * counts as they are; 5 is NHS Digital's HES method, worth using when reports leave the PCN:
     * exact counts in two reports (cohorts against practices, or two dates) can be subtracted to
     * reveal a small number that neither shows.
     */
    public Builder roundCountsTo(int base) {
      this.roundTo = base;
      return this;
    }

    /** The reference date; by default the evaluations' own. */
    public Builder asOf(LocalDate asOf) {
      this.asOf = asOf;
      return this;
    }

    /**
     * The configured reports.
     *
     * @throws IllegalArgumentException if the threshold is negative, the marker blank or the
     *     rounding base below 1
     */
    public PcnReports build() {
      return new PcnReports(new Suppression(threshold, marker, roundTo), Optional.ofNullable(asOf));
    }
  }
}
