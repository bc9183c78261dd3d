package uk.nhs.carecoord.reporting;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Builds a PCN's reports as cases arrive, in memory that does not grow with the number of people:
 * each aggregate report keeps only its counters, and the worklist's entries are sorted in runs of
 * bounded size written to temporary files that {@link ReportSet#writeAll} merges as it writes.
 * Made by {@link PcnReports#accumulator}.
 *
 * <pre>{@code
 * try (ReportAccumulator reports = PcnReports.builder().asOf(date).build()
 *     .accumulator(pcn, rules.evaluateCoordinators(pcn))) {
 *   for (PatientCase c : cases) {                    // any order, any number
 *     reports.add(c, rules.evaluate(c, pcn));
 *   }
 *   reports.writeAll(outputDirectory);               // or finish(), then its writers
 * }                                                  // deletes the run files
 * }</pre>
 *
 * <p>The run files hold patient data (identifiers and next steps); they live in a directory
 * readable only by its owner where the file system allows, named {@code
 * care-worklist-CONTAINS-PATIENT-DATA-...}, and {@link #close} deletes them. Not thread-safe: add
 * from one thread (evaluate in parallel, then add).
 */
public final class ReportAccumulator implements AutoCloseable {
  private final ReportContext context;
  private final Labels.Collector labels = new Labels.Collector();
  private final List<Section<?>> sections;
  private final List<Section.Tally<?>> tallies = new ArrayList<>();
  private final Worklists worklist;
  private final ExternalSort<String> caseIds;
  private final ExternalSort<String> evaluationIds;
  private ReportSet finished;
  private boolean closed;

  ReportAccumulator(ReportContext context, List<Section<?>> sections, Path spillRoot, int run) {
    this.context = context;
    for (CoordinatorEvaluation c : context.coordinators()) {
      labels.add(c.training());
      labels.add(c.supervision());
      labels.add(c.verdict().stream().toList());
    }
    this.sections = List.copyOf(sections);
    for (Section<?> s : this.sections) {
      tallies.add(s.start(context));
    }
    this.worklist = new Worklists(context.pcn(), spillRoot, run);
    // Identifiers are short: many more fit in a run than worklist entries.
    this.caseIds = new ExternalSort<>(Comparator.naturalOrder(), IDS, run * 10, spillRoot, "care-ids-");
    this.evaluationIds = new ExternalSort<>(Comparator.naturalOrder(), IDS, run * 10, spillRoot, "care-ids-");
  }

  /**
   * Adds a person's case and the rules' evaluation of it.
   *
   * @throws IllegalArgumentException if the evaluation is of another person or another date
   * @throws IllegalStateException after {@link #finish} or {@link #close}
   */
  public ReportAccumulator add(PatientCase patientCase, PatientEvaluation evaluation) {
    Objects.requireNonNull(patientCase, "patientCase");
    Objects.requireNonNull(evaluation, "evaluation");
    if (!patientCase.patient().id().equals(evaluation.patientId())) {
      throw new IllegalArgumentException("the evaluation is of another person than the case");
    }
    return accept(patientCase, evaluation);
  }

  /**
   * Adds a case that has no evaluation: it counts in the aggregate reports, in no cohort.
   *
   * @throws IllegalStateException after {@link #finish} or {@link #close}
   */
  public ReportAccumulator addCase(PatientCase patientCase) {
    return accept(Objects.requireNonNull(patientCase, "patientCase"), null);
  }

  /**
   * Adds an evaluation that has no case: its next steps reach the worklist, unallocated.
   *
   * @throws IllegalArgumentException if the evaluation is of another date
   * @throws IllegalStateException after {@link #finish} or {@link #close}
   */
  public ReportAccumulator addEvaluation(PatientEvaluation evaluation) {
    return accept(null, Objects.requireNonNull(evaluation, "evaluation"));
  }

  /** How many cases have been added. */
  public long cases() {
    return caseIds.size();
  }

  /** How many entries the worklist has so far. */
  public long worklistSize() {
    return worklist.entries().size();
  }

  private ReportAccumulator accept(PatientCase c, PatientEvaluation e) {
    if (closed || finished != null) {
      throw new IllegalStateException(closed ? "the accumulator is closed" : "the reports are finished");
    }
    if (e != null && !e.asOf().equals(context.asOf())) {
      throw new IllegalArgumentException("every evaluation must be as of " + context.asOf());
    }
    if (c != null) {
      caseIds.add(c.patient().id());
    }
    if (e != null) {
      evaluationIds.add(e.patientId());
      labels.add(e.cohorts());
      labels.add(e.obligations());
      labels.add(e.recommendations());
    }
    for (Section.Tally<?> t : tallies) {
      t.add(c, e);
    }
    worklist.add(c, e);
    return this;
  }

  /**
   * Ends adding and returns the reports. Call again for the same set. Its worklist writers read
   * this accumulator's run files: write before {@link #close}.
   *
   * @throws IllegalArgumentException if two cases, or two evaluations, have the same patient id
   */
  public ReportSet finish() {
    if (closed) {
      throw new IllegalStateException("the accumulator is closed");
    }
    if (finished == null) {
      requireUnique(caseIds, "two cases have the same patient id");
      requireUnique(evaluationIds, "two patient evaluations have the same patient id");
      caseIds.close();
      evaluationIds.close();
      List<Rendered<?>> reports = new ArrayList<>();
      for (int i = 0; i < sections.size(); i++) {
        reports.add(finish(sections.get(i), tallies.get(i)));
      }
      finished =
          new ReportSet(
              context.pcn().code(), context.pcn().name(), context.asOf(), context.suppression(), reports,
              worklist.entries(), labels.labels());
    }
    return finished;
  }

  /**
   * {@link #finish()}, then writes every file into {@code dir} as {@link ReportSet#writeAll}.
   *
   * @return the files written, aggregates first
   */
  public List<Path> writeAll(Path dir) {
    return finish().writeAll(dir);
  }

  /** How many sorted worklist runs have been written to disk so far. */
  int runFiles() {
    return worklist.entries().runs();
  }

  /** The reference date of the reports. */
  public LocalDate asOf() {
    return context.asOf();
  }

  /** Deletes the run files. The finished report set can no longer write its worklist. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      worklist.close();
    } finally {
      caseIds.close();
      evaluationIds.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static <R> Rendered<R> finish(Section<R> section, Section.Tally<?> tally) {
    return Rendered.finish(section, (Section.Tally<R>) tally);
  }

  private static void requireUnique(ExternalSort<String> ids, String problem) {
    String[] previous = {null};
    ids.forEach(
        id -> {
          if (id.equals(previous[0])) {
            throw new IllegalArgumentException(problem);
          }
          previous[0] = id;
        });
  }

  private static final ExternalSort.Codec<String> IDS =
      new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, String value) throws IOException {
          ExternalSort.writeString(out, value);
        }

        @Override
        public String read(DataInputStream in) throws IOException {
          return ExternalSort.readString(in);
        }
      };
}
