package uk.nhs.carecoord.reporting;

import java.util.ArrayList;
import java.util.List;

/** The CSV files of a report set: {@code about.csv}, then each report's tables. */
final class CsvTables {
  private CsvTables() {}

  static List<CsvTable> aggregates(ReportSet r) {
    List<CsvTable> tables = new ArrayList<>();
    tables.add(about(About.of(r)));
    for (Rendered<?> report : r.rendered()) {
      tables.addAll(report.csv(r.labels()));
    }
    return tables;
  }

  static CsvTable about(About a) {
    return new CsvTable("about.csv",
        List.of("pcn_code", "pcn_name", "as_of", "suppression_threshold", "suppression_marker", "counts_rounded_to"),
        List.of(List.of(a.pcnCode(), a.pcnName(), a.asOf().toString(), String.valueOf(a.suppressionThreshold()),
            a.suppressionMarker(), String.valueOf(a.countsRoundedTo()))));
  }

  /** The worklist as one table, in memory: for tests and small lists; files stream. */
  static CsvTable worklist(Worklist w) {
    List<List<String>> rows = new ArrayList<>();
    w.entries().forEach(e -> rows.add(WorklistWriter.csvRow(e)));
    return new CsvTable("worklist-" + ReportSet.PATIENT_DATA + ".csv", WorklistWriter.CSV_HEADER, rows);
  }
}
