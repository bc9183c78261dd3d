package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.hl7.fhir.r4.model.Bundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.model.PatientCase;

/** {@code care export <case.json> [--out file]}: a case and its plan as a FHIR R4 Bundle. */
@Command(
    name = "export",
    header = "Write a case and its personalised care and support plan as a FHIR R4 Bundle.",
    mixinStandardHelpOptions = true,
    description = "Reads one case (case JSON, or a FHIR Bundle about one person) and writes it as a FHIR R4"
        + " collection Bundle (JSON, indented) to standard output or --out: the Patient and what the record"
        + " holds, and the plan as a CarePlan with its Goals and CareTeam, each amendment a version"
        + " (meta.versionId) of the same resources so earlier versions stay reachable"
        + " (CarePlan/id/_history/n). care import reads it back.")
final class ExportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<case.json>", description = "The case file.")
  Path input;

  @Option(names = "--out", paramLabel = "<bundle.json>", description = "Where the bundle goes (default: standard output).")
  Path out;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "The reference date: service-use counts become encounters in the 12 months before it (default: today).")
  LocalDate asOf;

  @Override
  public Integer call() {
    LocalDate date = asOf != null ? asOf : LocalDate.now(Clock.systemDefaultZone());
    PatientCase c = FhirInput.readCase(input, date);
    CareFhir fhir = CareFhir.builder().build();
    Bundle bundle = fhir.toBundle(c, date);
    String json = CareFhir.json(bundle, true);
    PrintWriter err = spec.commandLine().getErr();
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(json);
      stdout.flush();
    } else {
      try {
        Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
      }
    }
    int versions = c.plan().map(p -> p.versions().size()).orElse(0);
    err.println(versions == 0
        ? "Exported " + bundle.getEntry().size() + " resources; the case has no care and support plan"
        : "Exported " + bundle.getEntry().size() + " resources with " + versions + " plan version"
            + (versions == 1 ? "" : "s") + (out == null ? "" : " to " + out));
    err.flush();
    return 0;
  }
}
