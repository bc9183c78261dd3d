package uk.nhs.carecoord.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.fhir.ImportOutcome;
import uk.nhs.carecoord.fhir.ImportReport;
import uk.nhs.carecoord.fhir.ImportResult;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * A GP record as FHIR in, decisions as FHIR out: reads a synthetic UK Core bundle about one person
 * (shipped in {@code fhir/uk-core-person-bundle.json}), imports it with {@link CareFhir}, prints
 * the import report's summary and the evaluation, and writes the evaluation as a FHIR
 * GuidanceResponse bundle.
 */
public final class FhirExample {
  /** The bundle shipped with the example: a synthetic person, NHS number in the 999 range. */
  public static final String BUNDLE = "/fhir/uk-core-person-bundle.json";

  /** The reference date the example decides as of. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  private FhirExample() {}

  /**
   * Runs the example.
   *
   * @param args optional: where to write the GuidanceResponse bundle (default {@code
   *     target/fhir-example/guidance-response.json})
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/fhir-example/guidance-response.json");
    run(System.out, out);
  }

  /** Imports, evaluates, prints to {@code print} and writes the GuidanceResponse bundle to {@code out}. */
  static void run(PrintStream print, Path out) throws IOException {
    CareFhir fhir = CareFhir.builder().build(); // one per process: it shares HAPI's FhirContext
    ImportResult imported = fhir.importBundle(shippedBundle(), AS_OF);

    ImportReport report = imported.report();
    print.printf("Imported %s: %d used, %d ignored, %d refused%n", imported.patientCase().patient().id(),
        report.count(ImportOutcome.USED), report.count(ImportOutcome.IGNORED), report.count(ImportOutcome.REFUSED));
    for (ImportReport.Entry ignored : report.entries(ImportOutcome.IGNORED)) {
      print.println("  " + ignored);
    }

    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    PatientEvaluation evaluation = rules.evaluate(imported.patientCase());
    print.println("Coded entries in no cluster: " + evaluation.coding().unrecognised().size()
        + " (code clusters " + evaluation.codeListVersion() + ")");
    section(print, "Cohorts", evaluation.cohorts());
    section(print, "Obligations", evaluation.obligations());
    section(print, "Recommendations", evaluation.recommendations());

    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, CareFhir.json(CareFhir.guidance(evaluation, rules.ruleSetVersions()), true));
    print.println("GuidanceResponse written to " + out);
  }

  private static void section(PrintStream print, String heading, List<Finding> findings) {
    print.println(heading + ":" + (findings.isEmpty() ? " none" : ""));
    for (Finding f : findings) {
      print.println("  " + f.priority() + " " + f.code() + " \"" + f.label() + "\""
          + f.dueOn().map(d -> " due " + d).orElse("") + " because " + f.reasons());
    }
  }

  /** The shipped bundle's text. */
  static String shippedBundle() {
    try (InputStream in = FhirExample.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException("the example bundle " + BUNDLE + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
