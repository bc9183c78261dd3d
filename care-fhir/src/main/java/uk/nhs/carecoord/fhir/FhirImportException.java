package uk.nhs.carecoord.fhir;

import java.util.List;

/**
 * A bundle or set of resources the import refuses: no case is produced. {@link #problems()} names
 * each refused resource and element path; {@link #report()} holds the whole report, so a host can
 * show what else was read. Messages carry only what the caller sent (ids, paths, the offending
 * value where it is a code or a number), never names or free text.
 */
public final class FhirImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ImportReport report;

  FhirImportException(ImportReport report) {
    super(message(report.entries(ImportOutcome.REFUSED)));
    this.report = report;
  }

  /** The full import report, with at least one refused entry. */
  public ImportReport report() {
    return report;
  }

  /** The refused entries, in the order met. */
  public List<ImportReport.Entry> problems() {
    return report.entries(ImportOutcome.REFUSED);
  }

  /** The first refused entry. */
  public ImportReport.Entry first() {
    return problems().get(0);
  }

  private static String message(List<ImportReport.Entry> problems) {
    ImportReport.Entry first = problems.get(0);
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
    return "refused: " + first.resource() + " " + first.path() + ": " + first.detail() + more;
  }
}
