package uk.nhs.carecoord.reporting;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Builds a PCN's reports from its cases and the rules' evaluations: the module's one entry point.
 *
 * <p>All at once, when the cases fit in memory:
 *
 * <pre>{@code
 * CareRules rules = CareRules.builder().asOf(date).build();
 * ReportSet reports = PcnReports.builder().suppressionThreshold(7).build()
 *     .build(pcn, cases, rules.evaluateAll(pcn, cases), rules.evaluateCoordinators(pcn));
 * reports.writeAll(outputDirectory);
 * }</pre>
 *
 * <p>Or streaming, in memory that does not grow with the number of people (see {@link
 * ReportAccumulator}):
 *
 * <pre>{@code
 * try (ReportAccumulator acc = PcnReports.builder().asOf(date).build()
 *     .accumulator(pcn, rules.evaluateCoordinators(pcn))) {
 *   cases.forEach(c -> acc.add(c, rules.evaluate(c, pcn)));
 *   acc.writeAll(outputDirectory);
 * }
 * }</pre>
 *
 * <p>Both give the same files, byte for byte. Instances are immutable and thread-safe; {@link
 * #build} is a pure function of its arguments.
 */
public final class PcnReports {
  /** Counts from 1 to this are suppressed by default (OpenSAFELY, NHS Digital HES). */
  public static final int DEFAULT_SUPPRESSION_THRESHOLD = 7;

  /** The default suppression marker. */
  public static final String DEFAULT_MARKER = "*";

  /**
   * The aggregate reports, in the order of their files and of the HTML page. A new report is a
   * {@link Section} added here.
   */
  static final List<Section<?>> SECTIONS =
      List.of(
          TrainingMatrix.SECTION, Caseload.SECTION, CohortStrata.SECTION, Activation.SECTION, Safeguarding.SECTION,
          CodingCoverageSection.SECTION);

  private final Suppression suppression;
  private final Optional<LocalDate> asOf;
  private final Path workDirectory;

  private PcnReports(Suppression suppression, Optional<LocalDate> asOf, Path workDirectory) {
    this.suppression = suppression;
    this.asOf = asOf;
    this.workDirectory = workDirectory;
  }

  /** A builder with the default threshold ({@value #DEFAULT_SUPPRESSION_THRESHOLD}) and marker. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The reports, all inputs in memory. Evaluations are matched to cases by patient id; cases
   * without an evaluation count in no cohort, and evaluations without a case still reach the
   * worklist, unallocated.
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
    Map<String, PatientEvaluation> byId = new HashMap<>();
    for (PatientEvaluation e : patientEvaluations) {
      if (byId.put(e.patientId(), e) != null) {
        throw new IllegalArgumentException("two patient evaluations have the same patient id");
      }
    }
    LocalDate date =
        asOf.or(() -> patientEvaluations.stream().map(PatientEvaluation::asOf).min(Comparator.naturalOrder()))
            .or(() -> coordinatorEvaluations.stream().map(CoordinatorEvaluation::asOf).min(Comparator.naturalOrder()))
            .orElseThrow(
                () -> new IllegalArgumentException("no evaluations to take the reference date from: set asOf"));
    // Nothing is written to disk: the worklist is held and sorted in memory.
    ReportAccumulator acc = accumulator(pcn, coordinatorEvaluations, date, null, Integer.MAX_VALUE / 10);
    for (PatientCase c : cases) {
      PatientEvaluation e = byId.remove(c.patient().id());
      if (e == null) {
        acc.addCase(c);
      } else {
        acc.add(c, e);
      }
    }
    byId.values().forEach(acc::addEvaluation);
    return acc.finish();
  }

  /**
   * An accumulator for streaming: add each case with its evaluation, then write. Memory stays
   * bounded whatever the number of cases; the worklist is sorted in run files under the {@linkplain
   * Builder#workDirectory work directory}, deleted when the accumulator is closed.
   *
   * @param pcn the PCN: practices, co-ordinators and supervision arrangements
   * @param coordinatorEvaluations the rules' evaluations of the PCN's co-ordinators
   * @throws IllegalArgumentException if no reference date is set and no co-ordinator evaluation
   *     gives one, or if a co-ordinator evaluation is as of another date
   */
  public ReportAccumulator accumulator(Pcn pcn, Collection<CoordinatorEvaluation> coordinatorEvaluations) {
    LocalDate date =
        asOf.or(() -> coordinatorEvaluations.stream().map(CoordinatorEvaluation::asOf).min(Comparator.naturalOrder()))
            .orElseThrow(
                () -> new IllegalArgumentException("no co-ordinator evaluations to take the reference date from: set asOf"));
    return accumulator(pcn, coordinatorEvaluations, date, workDirectory, Worklists.DEFAULT_RUN);
  }

  /** An accumulator with the run size given: tests use small runs to exercise the merge. */
  ReportAccumulator accumulator(
      Pcn pcn, Collection<CoordinatorEvaluation> coordinators, LocalDate date, Path spillRoot, int run) {
    if (coordinators.stream().anyMatch(e -> !e.asOf().equals(date))) {
      throw new IllegalArgumentException("every evaluation must be as of " + date);
    }
    ReportContext context = new ReportContext(pcn, date, suppression, List.copyOf(coordinators));
    return new ReportAccumulator(context, SECTIONS, spillRoot, run);
  }

  /** The suppression threshold in force. */
  public int suppressionThreshold() {
    return suppression.threshold();
  }

  /** The suppression and rounding every aggregate count goes through. */
  public Suppression suppression() {
    return suppression;
  }

  /** Configures {@link PcnReports}. */
  public static final class Builder {
    private int threshold = DEFAULT_SUPPRESSION_THRESHOLD;
    private String marker = DEFAULT_MARKER;
    private int roundTo = 1;
    private LocalDate asOf;
    private Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"));

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
     * Where a {@link ReportAccumulator} writes its sorted worklist runs (patient data, deleted when
     * it is closed); by default the system's temporary directory. Put it on a disk the patient
     * data may be on.
     */
    public Builder workDirectory(Path directory) {
      this.workDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The configured reports.
     *
     * @throws IllegalArgumentException if the threshold is negative, the marker blank or the
     *     rounding base below 1
     */
    public PcnReports build() {
      return new PcnReports(
          new Suppression(threshold, marker, roundTo), Optional.ofNullable(asOf), workDirectory);
    }
  }
}
