package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/**
 * {@code care generate}: a seeded synthetic PCN as case JSON, JSON lines, FHIR bundles or FHIR Bulk
 * Data NDJSON, for tests, benchmarks and trying the library on volume. The FHIR side is care-fhir's
 * writer ({@code CareFhir.toBundle}, {@code writeBulk}): what {@code care import} reads back.
 */
@Command(
    name = "generate",
    header = "Generate a seeded synthetic PCN: case JSON, JSON lines, FHIR bundles or FHIR Bulk Data NDJSON.",
    mixinStandardHelpOptions = true,
    description = "Generates a synthetic PCN (practices, co-ordinators and one case per person; NHS numbers in"
        + " the never-issued 999 range) from a seed: the same options give the same bytes. Formats: json, the"
        + " whole population as one document (what 'care report' reads); jsonl, one case a line (what 'care"
        + " evaluate' reads); fhir-bundle, a directory with one FHIR R4 collection Bundle per person"
        + " (<patient-id>.json); fhir-ndjson, a FHIR Bulk Data directory (Patient.ndjson, Condition.ndjson…;"
        + " what 'care import <dir>' reads). The population is held in memory while written.")
final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--people", required = true, paramLabel = "<n>",
      description = "How many people (0 to " + SyntheticPopulation.MAX_PATIENTS + ").")
  int people;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "<seed>", description = "The seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--practices", defaultValue = "4", paramLabel = "<n>", description = "Member practices (default ${DEFAULT-VALUE}).")
  int practices;

  @Option(names = "--coordinators", defaultValue = "5", paramLabel = "<n>", description = "Care co-ordinators (default ${DEFAULT-VALUE}).")
  int coordinators;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "The reference date: nothing recorded happens after it (default 2026-11-24, never the clock).")
  LocalDate asOf = SyntheticPopulation.DEFAULT_AS_OF;

  @Option(names = "--format", defaultValue = "jsonl", paramLabel = "json|jsonl|fhir-bundle|fhir-ndjson",
      description = "What to write (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "<file|dir>",
      description = "A file (json, jsonl; default: standard output) or a directory (fhir-bundle, fhir-ndjson; required).")
  Path out;

  @Option(names = "--pcn-out", paramLabel = "<pcn.json>",
      description = "Also write the PCN (practices, co-ordinators, supervision), for 'care evaluate|report --pcn'.")
  Path pcnOut;

  @Override
  public Integer call() throws IOException {
    Format f = Format.of(format);
    if (f.directory && out == null) {
      throw new UserError("--out: --format " + format + " writes a directory; name it");
    }
    if (f.directory && Files.isRegularFile(out)) {
      throw new UserError("--out: " + out + " is a file; --format " + format + " writes a directory");
    }
    if (f.directory && Files.isDirectory(out) && !isEmpty(out)) {
      throw new UserError("--out: " + out + " is not empty; generate into a new or empty directory");
    }
    SyntheticPcn population = SyntheticPopulation.builder().seed(seed).patients(people).practices(practices)
        .coordinators(coordinators).asOf(asOf).build();
    switch (f) {
      case JSON -> write(w -> w.write(CareJson.write(population) + "\n"));
      case JSONL -> write(w -> {
        for (PatientCase c : population.cases()) {
          w.write(CareJson.writeLine(c).strip());
          w.write('\n');
        }
      });
      case FHIR_BUNDLE -> {
        Files.createDirectories(out);
        CareFhir fhir = CareFhir.builder().build();
        for (PatientCase c : population.cases()) {
          Files.writeString(out.resolve(c.patient().id() + ".json"), fhir.toJson(c, asOf, false) + "\n",
              StandardCharsets.UTF_8);
        }
      }
      case FHIR_NDJSON -> CareFhir.builder().build().writeBulk(population.cases(), out, asOf);
    }
    if (pcnOut != null) {
      Files.writeString(pcnOut, CareJson.write(population.pcn()) + "\n", StandardCharsets.UTF_8);
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("generated " + people + " people (seed " + seed + ", as of " + asOf + ") as " + format
        + (out == null ? "" : " to " + out));
    err.flush();
    return 0;
  }

  private interface Body {
    void to(Writer w) throws IOException;
  }

  private void write(Body body) throws IOException {
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      body.to(stdout);
      stdout.flush();
      return;
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      body.to(w);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private enum Format {
    JSON("json", false),
    JSONL("jsonl", false),
    FHIR_BUNDLE("fhir-bundle", true),
    FHIR_NDJSON("fhir-ndjson", true);

    final String name;
    final boolean directory;

    Format(String name, boolean directory) {
      this.name = name;
      this.directory = directory;
    }

    static Format of(String name) {
      for (Format f : values()) {
        if (f.name.equals(name)) {
          return f;
        }
      }
      throw new UserError("--format: json, jsonl, fhir-bundle or fhir-ndjson, not '" + name + "'");
    }
  }
}
