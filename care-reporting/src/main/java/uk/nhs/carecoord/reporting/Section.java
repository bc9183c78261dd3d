package uk.nhs.carecoord.reporting;

import java.util.List;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * One aggregate report: how it is counted as cases arrive, and how it is written as JSON, CSV and
 * a section of the HTML page. Adding a report is one implementation (with its value type) listed
 * in {@link PcnReports#SECTIONS}; the writers and {@link ReportSet} are generic over sections.
 *
 * @param <R> the report's value, written as JSON by the model's mapper
 */
interface Section<R> {

  /** The report's value type, by which {@link ReportSet#report} finds it. */
  Class<R> type();

  /** The JSON file's name, e.g. {@code caseload.json}. */
  String jsonFile();

  /** A fresh tally for one run. */
  Tally<R> start(ReportContext context);

  /** The CSV files of the report. */
  List<CsvTable> csv(R report, Labels labels);

  /** Appends the report's {@code <section>} to the HTML page. */
  void html(R report, Labels labels, StringBuilder page);

  /**
   * Counts one run's cases into the report. Its state must not grow with the number of cases
   * (only with the number of distinct codes, practices and the like), so reports stream.
   */
  interface Tally<R> {
    /**
     * Counts a case and its evaluation.
     *
     * @param patientCase the case; null for an evaluation given without a case
     * @param evaluation its evaluation; null for a case given without an evaluation
     */
    void add(PatientCase patientCase, PatientEvaluation evaluation);

    /** The report over everything added. */
    R finish();
  }
}
