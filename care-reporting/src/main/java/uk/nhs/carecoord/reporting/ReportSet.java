package uk.nhs.carecoord.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reports of one PCN as of one date, with writers for each format.
 *
 * <p>{@link #writeJson}, {@link #writeCsv} and {@link #writeHtml} write only the aggregate
 * reports, fit to leave the practice. The worklist, which names patients, is written only by the
 * {@code writeWorklist...} methods and {@link #writeAll}, to files whose names contain {@value
 * #PATIENT_DATA}.
 *
 * <p>A report set from {@link ReportAccumulator#finish()} reads its worklist from the
 * accumulator's sorted run files while writing, one entry at a time: write it before closing the
 * accumulator. {@link #worklist()} loads every entry into memory; prefer the writers for large
 * populations.
 */
public final class ReportSet {

  /** Marks every file name that holds patient data. */
  public static final String PATIENT_DATA = "CONTAINS-PATIENT-DATA";

  /** File name of the HTML page of aggregate reports. */
  public static final String HTML_FILE = "pcn-report.html";

  /** File name of the worklist HTML page. */
  public static final String WORKLIST_HTML_FILE = "worklist-" + PATIENT_DATA + ".html";

  /** File name of the worklist JSON. */
  public static final String WORKLIST_JSON_FILE = "worklist-" + PATIENT_DATA + ".json";

  /** File name of the worklist CSV. */
  public static final String WORKLIST_CSV_FILE = "worklist-" + PATIENT_DATA + ".csv";

  private final String pcnCode;
  private final String pcnName;
  private final LocalDate asOf;
  private final Suppression suppression;
  private final List<Rendered<?>> reports;
  private final ExternalSort<Worklist.Entry> worklist;
  private final Labels labels;

  ReportSet(
      String pcnCode,
      String pcnName,
      LocalDate asOf,
      Suppression suppression,
      List<Rendered<?>> reports,
      ExternalSort<Worklist.Entry> worklist,
      Labels labels) {
    this.pcnCode = pcnCode;
    this.pcnName = pcnName;
    this.asOf = asOf;
    this.suppression = suppression;
    this.reports = List.copyOf(reports);
    this.worklist = worklist;
    this.labels = labels;
  }

  /** The PCN's code. */
  public String pcnCode() {
    return pcnCode;
  }

  /** The PCN's name. */
  public String pcnName() {
    return pcnName;
  }

  /** The reference date. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Counts from 1 to this are suppressed. */
  public int suppressionThreshold() {
    return suppression.threshold();
  }

  /** What a suppressed count shows. */
  public String suppressionMarker() {
    return suppression.marker();
  }

  /** Shown counts are rounded to the nearest multiple of this (1: not rounded). */
  public int countsRoundedTo() {
    return suppression.roundTo();
  }

  /** The training compliance matrix. */
  public TrainingComplianceReport training() {
    return require(TrainingComplianceReport.class);
  }

  /** Caseload and cohorts. */
  public CaseloadReport caseload() {
    return require(CaseloadReport.class);
  }

  /** Each cohort's caseload figures by practice and by PAM level. */
  public CohortStrataReport cohortStrata() {
    return require(CohortStrataReport.class);
  }

  /** Patient activation. */
  public ActivationReport activation() {
    return require(ActivationReport.class);
  }

  /** Safeguarding. */
  public SafeguardingReport safeguarding() {
    return require(SafeguardingReport.class);
  }

  /**
   * An aggregate report by its type, e.g. {@code report(CaseloadReport.class)}: the way to reach a
   * report that has no accessor of its own here.
   */
  public <R> Optional<R> report(Class<R> type) {
    return reports.stream().map(Rendered::value).filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The aggregate reports, in the order the HTML page shows them. */
  public List<Object> reports() {
    return reports.stream().<Object>map(Rendered::value).toList();
  }

  /** How many entries the worklist has. */
  public long worklistSize() {
    return worklist.size();
  }

  /**
   * The next-steps worklist: contains patient data. Holds every entry in memory; to write a large
   * worklist use {@link #writeWorklist} and {@link #writeWorklistHtml}, which stream.
   */
  public Worklist worklist() {
    List<Worklist.Entry> entries = new ArrayList<>();
    worklist.forEach(entries::add);
    return new Worklist(asOf, entries);
  }

  /**
   * Writes each aggregate report as JSON ({@code training.json}, {@code caseload.json}, {@code
   * activation.json}, {@code safeguarding.json}) into {@code dir}, creating it if needed, with
   * {@code about.json}: the PCN, the reference date, the suppression threshold and marker, and
   * the rounding of counts, so that each file can be read on its own.
   *
   * @return the files written
   */
  public List<Path> writeJson(Path dir) {
    return JsonWriter.writeAggregates(this, dir);
  }

  /**
   * Writes each aggregate report as one or more CSV files into {@code dir}, with {@code
   * about.csv} as {@link #writeJson} writes {@code about.json}.
   *
   * @return the files written
   */
  public List<Path> writeCsv(Path dir) {
    return CsvWriter.write(CsvTables.aggregates(this), dir);
  }

  /** Writes the self-contained HTML page of aggregate reports, with inline SVG charts. */
  public Path writeHtml(Path file) {
    return write(file, HtmlPage.aggregates(this));
  }

  /**
   * Writes the worklist as {@value #WORKLIST_JSON_FILE} and {@value #WORKLIST_CSV_FILE} into
   * {@code dir}, one entry at a time. Keep these files within the practice.
   *
   * @return the files written
   */
  public List<Path> writeWorklist(Path dir) {
    return WorklistWriter.write(
        worklist, asOf, pcnName, dir.resolve(WORKLIST_JSON_FILE), dir.resolve(WORKLIST_CSV_FILE), null);
  }

  /** Writes the worklist as an HTML page with a patient-data banner. Keep it within the practice. */
  public Path writeWorklistHtml(Path file) {
    return WorklistWriter.write(worklist, asOf, pcnName, null, null, file).get(0);
  }

  /**
   * Writes everything into {@code dir}: JSON, CSV, {@value #HTML_FILE}, and the worklist files
   * (in one pass over the worklist).
   *
   * @return the files written, aggregates first
   */
  public List<Path> writeAll(Path dir) {
    List<Path> json = writeJson(dir);
    List<Path> csv = writeCsv(dir);
    Path html = writeHtml(dir.resolve(HTML_FILE));
    List<Path> worklistFiles =
        WorklistWriter.write(
            worklist, asOf, pcnName, dir.resolve(WORKLIST_JSON_FILE), dir.resolve(WORKLIST_CSV_FILE),
            dir.resolve(WORKLIST_HTML_FILE));
    return Stream.of(json, csv, List.of(html), worklistFiles).flatMap(List::stream).toList();
  }

  /** The HTML page of aggregate reports, as text. */
  public String toHtml() {
    return HtmlPage.aggregates(this);
  }

  List<Rendered<?>> rendered() {
    return reports;
  }

  Labels labels() {
    return labels;
  }

  private <R> R require(Class<R> type) {
    return report(type).orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " in this set"));
  }

  private static Path write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Equal when the PCN, date, suppression, every report and the worklist are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ReportSet r
        && pcnCode.equals(r.pcnCode)
        && pcnName.equals(r.pcnName)
        && asOf.equals(r.asOf)
        && suppression.equals(r.suppression)
        && reports().equals(r.reports())
        && worklist().equals(r.worklist());
  }

  @Override
  public int hashCode() {
    return Objects.hash(pcnCode, pcnName, asOf, suppression, reports());
  }

  @Override
  public String toString() {
    return "ReportSet[" + pcnCode + " as of " + asOf + ", " + reports.size() + " reports, "
        + worklist.size() + " worklist entries]";
  }
}
