package uk.nhs.carecoord.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The reports of one PCN as of one date, with writers for each format.
 *
 * <p>{@link #writeJson}, {@link #writeCsv} and {@link #writeHtml} write only the aggregate
 * reports, fit to leave the practice. The worklist, which names patients, is written only by the
 * {@code writeWorklist...} methods and {@link #writeAll}, to files whose names contain {@value
 * #PATIENT_DATA}.
 *
 * @param pcnCode the PCN's code
 * @param pcnName the PCN's name
 * @param asOf the reference date
 * @param suppressionThreshold counts from 1 to this are suppressed
 * @param suppressionMarker what a suppressed count shows
 * @param countsRoundedTo shown counts are rounded to the nearest multiple of this (1: not rounded)
 * @param training the training compliance matrix
 * @param caseload caseload and cohorts
 * @param activation patient activation
 * @param safeguarding safeguarding
 * @param worklist the next-steps worklist: contains patient data
 */
public record ReportSet(
    String pcnCode,
    String pcnName,
    LocalDate asOf,
    int suppressionThreshold,
    String suppressionMarker,
    int countsRoundedTo,
    TrainingComplianceReport training,
    CaseloadReport caseload,
    ActivationReport activation,
    SafeguardingReport safeguarding,
    Worklist worklist) {

  /** Marks every file name that holds patient data. */
  public static final String PATIENT_DATA = "CONTAINS-PATIENT-DATA";

  /** File name of the HTML page of aggregate reports. */
  public static final String HTML_FILE = "pcn-report.html";

  /** File name of the worklist HTML page. */
  public static final String WORKLIST_HTML_FILE = "worklist-" + PATIENT_DATA + ".html";

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
   * Writes the worklist as {@code worklist-CONTAINS-PATIENT-DATA.json} and {@code .csv} into
   * {@code dir}. Keep these files within the practice.
   *
   * @return the files written
   */
  public List<Path> writeWorklist(Path dir) {
    Path json = JsonWriter.write(worklist, dir.resolve("worklist-" + PATIENT_DATA + ".json"));
    List<Path> csv = CsvWriter.write(List.of(CsvTables.worklist(worklist)), dir);
    return List.of(json, csv.get(0));
  }

  /** Writes the worklist as an HTML page with a patient-data banner. Keep it within the practice. */
  public Path writeWorklistHtml(Path file) {
    return write(file, HtmlPage.worklist(this));
  }

  /**
   * Writes everything into {@code dir}: JSON, CSV, {@value #HTML_FILE}, and the worklist files.
   *
   * @return the files written, aggregates first
   */
  public List<Path> writeAll(Path dir) {
    List<Path> json = writeJson(dir);
    List<Path> csv = writeCsv(dir);
    Path html = writeHtml(dir.resolve(HTML_FILE));
    List<Path> worklistFiles = writeWorklist(dir);
    Path worklistHtml = writeWorklistHtml(dir.resolve(WORKLIST_HTML_FILE));
    return java.util.stream.Stream.of(json, csv, List.of(html), worklistFiles, List.of(worklistHtml))
        .flatMap(List::stream)
        .toList();
  }

  /** The HTML page of aggregate reports, as text. */
  public String toHtml() {
    return HtmlPage.aggregates(this);
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
}
