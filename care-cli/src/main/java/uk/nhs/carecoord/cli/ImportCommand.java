package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.nhs.carecoord.fhir.BulkImport;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.fhir.FhirImportException;
import uk.nhs.carecoord.fhir.ImportResult;
import uk.nhs.carecoord.model.CareJson;

/** {@code care import <bundle|ndjson-dir>}: FHIR R4 to case JSON lines, with the import report. */
@Command(
    name = "import",
    header = "Import FHIR R4 (a Bundle about one person, or a Bulk Data NDJSON directory) as case JSON lines.",
    mixinStandardHelpOptions = true,
    description = "Reads a FHIR R4 Bundle (JSON or XML) about one person, or a directory of Bulk Data"
        + " NDJSON files (Patient.ndjson, Condition.ndjson…) joined by patient reference, and writes one"
        + " case JSON line per person (to standard output or --out) and the import report: every"
        + " resource and relevant element used, ignored with the reason, or refused with resource and"
        + " path (to standard error or --report). A refused person yields no case; the others go on."
        + " Exit code 3 when anyone was refused.")
final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<bundle|ndjson-dir>", description = "A bundle file or an NDJSON directory.")
  Path input;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "The reference date for look-backs such as encounters in the last 12 months (default: today).")
  LocalDate asOf;

  @Option(names = "--out", paramLabel = "<cases.jsonl>", description = "Where the case lines go (default: standard output).")
  Path out;

  @Option(names = "--report", paramLabel = "<report.txt>", description = "Where the import report goes (default: standard error).")
  Path report;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(input)) {
      throw new UserError("no such file or directory: " + input);
    }
    LocalDate date = asOf != null ? asOf : LocalDate.now(Clock.systemDefaultZone());
    try (Writer cases = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        Writer reportFile = report == null ? null : Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
      PrintWriter caseOut = cases == null ? spec.commandLine().getOut() : new PrintWriter(cases);
      PrintWriter reportOut = reportFile == null ? spec.commandLine().getErr() : new PrintWriter(reportFile);
      int refused = Files.isDirectory(input) ? population(date, caseOut, reportOut) : one(date, caseOut, reportOut);
      caseOut.flush();
      reportOut.flush();
      return refused == 0 ? 0 : 3;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private int one(LocalDate date, PrintWriter caseOut, PrintWriter reportOut) {
    String text = FhirInput.read(input);
    try {
      ImportResult r = CareFhirHolder.FHIR.importBundle(text, date);
      caseOut.println(CareJson.writeLine(r.patientCase()).strip());
      reportOut.print(r.report());
      return 0;
    } catch (FhirImportException e) {
      reportOut.print(e.report());
      reportOut.println("refused: " + input + ": " + e.problems().size() + " problem(s)");
      return 1;
    }
  }

  private int population(LocalDate date, PrintWriter caseOut, PrintWriter reportOut) {
    try (BulkImport bulk = CareFhirHolder.FHIR.importBulk(input, date)) {
      bulk.people().forEach(p -> {
        reportOut.println("# Patient/" + p.patientId());
        p.result().ifPresent(r -> {
          caseOut.println(CareJson.writeLine(r.patientCase()).strip());
          reportOut.print(r.report());
        });
        p.refusal().ifPresent(e -> {
          reportOut.print(e.report());
          reportOut.println("refused: Patient/" + p.patientId());
        });
      });
      BulkImport.Summary s = bulk.summary();
      reportOut.println("# summary: " + s.people() + " people, " + s.imported() + " imported, " + s.refused()
          + " refused; resources " + s.resourcesByType() + "; not linked to a person " + s.unlinked());
      return s.refused();
    } catch (FhirImportException e) {
      throw new UserError(input + ": " + e.getMessage(), e);
    }
  }

  /** One façade for the process, built on first use. */
  private static final class CareFhirHolder {
    static final CareFhir FHIR = CareFhir.builder().build();
  }
}
