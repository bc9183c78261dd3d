package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.fhir.CohortGroups;
import uk.nhs.carecoord.reporting.PcnReports;
import uk.nhs.carecoord.reporting.ReportSet;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.OutputEntry;
import uk.nhs.carecoord.reporting.ReportAccumulator;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** {@code care report <population> --out <dir>}: evaluates a PCN and writes its reports. */
@Command(
    name = "report",
    header = "Evaluate a PCN's population and write its reports (JSON, CSV, HTML; FHIR with --fhir) to a directory.",
    mixinStandardHelpOptions = true,
    description = "Evaluates a PCN's population and its co-ordinators and writes the reports (JSON, CSV, HTML)"
        + " to a directory. The input is a synthetic PCN as JSON (pcn and cases), or JSON lines of patient"
        + " cases (.jsonl) with --pcn. Files named CONTAINS-PATIENT-DATA hold person-level worklists."
        + " JSON lines are accounted for as in 'care evaluate': rejected lines are reported on standard error"
        + " and left out of the reports, with a summary; exit code 3 when any line was rejected.")
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin CodeListsOption codeLists;

  @Parameters(index = "0", paramLabel = "<population>", description = "population.json (a PCN and its cases) or cases.jsonl.")
  Path population;

  @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Directory to write the reports to (created).")
  Path out;

  @Option(names = "--pcn", paramLabel = "<pcn.json>", description = "The PCN, for JSON-lines input (required there).")
  Path pcnFile;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "The reference date (default: the population's own date, else today).")
  LocalDate asOf;

  @Option(names = "--rules", paramLabel = "<dir>", description = "A directory of .drl files added to the built-in rule sets.")
  Path rulesDirectory;

  @Option(names = "--suppress", paramLabel = "<n>", defaultValue = "" + PcnReports.DEFAULT_SUPPRESSION_THRESHOLD,
      description = "Show counts from 1 to n as '*' (default: ${DEFAULT-VALUE}; 0 turns suppression off).")
  int suppress;

  @Option(names = "--round-to", paramLabel = "<n>", defaultValue = "1",
      description = "Round the counts shown to the nearest multiple of n (default: ${DEFAULT-VALUE}, as they are;"
          + " 5 is NHS Digital's method for reports that leave the PCN).")
  int roundTo;

  @Option(names = "--fhir", description = "Also write the reports as FHIR R4: " + FHIR_MEASURES + " (the caseload"
      + " Measure and its summary MeasureReport: a group per cohort, strata by practice and PAM level, counts"
      + " suppressed and rounded as in the other reports) and " + FHIR_GROUPS + " (a Group per cohort naming its"
      + " people).")
  boolean fhir;

  static final String FHIR_MEASURES = "fhir-measure-report.json";
  static final String FHIR_GROUPS = "fhir-cohort-groups-" + ReportSet.PATIENT_DATA + ".json";

  @CommandLine.Mixin BatchOptions batch;

  @Override
  public Integer call() {
    Inputs.file(population);
    if (rulesDirectory != null) {
      Inputs.directory(rulesDirectory);
    }
    if (suppress < 0) {
      throw new UserError("--suppress must be 0 or more");
    }
    if (roundTo < 1) {
      throw new UserError("--round-to must be 1 or more");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserError("not a directory: " + out);
    }
    Pcn pcn;
    LocalDate date = asOf;
    SyntheticPcn synthetic = null;
    if (Inputs.isJsonLines(population)) {
      if (pcnFile == null) {
        throw new UserError("JSON-lines input needs --pcn <pcn.json>");
      }
      pcn = Inputs.readJson(pcnFile, Pcn.class);
      batch.threads(); // a bad --threads is a user error before the rules compile
    } else {
      synthetic = Inputs.readJson(population, SyntheticPcn.class);
      pcn = pcnFile == null ? synthetic.pcn() : Inputs.readJson(pcnFile, Pcn.class);
      if (date == null) {
        date = synthetic.asOf();
      }
    }
    if (date == null) {
      date = LocalDate.now(Clock.systemDefaultZone());
    }
    CareRules rules = CompiledRules.of(rulesDirectory, true, date, codeLists.clusters());
    List<CoordinatorEvaluation> coordinators;
    try {
      coordinators = rules.evaluateCoordinators(pcn);
    } catch (ModelValidationException e) {
      throw new UserError((pcnFile != null ? pcnFile : population) + " (as of " + date + "): " + e.getMessage(), e);
    }
    PcnReports reports = PcnReports.builder().suppressionThreshold(suppress).roundCountsTo(roundTo).asOf(date).build();
    BatchAccount account = null;
    List<Path> written;
    long people;
    // The reports accumulate person by person (aggregates as counters, the worklist sorted on disk),
    // so a batch of any size runs in bounded memory.
    CohortGroups groups = fhir ? CareFhir.cohortGroups(date) : null;
    try (ReportAccumulator accumulator = reports.accumulator(pcn, coordinators)) {
      if (synthetic == null) {
        // Every line accounted for as in `care evaluate`; the reports cover the cases evaluated.
        account = new BatchAccount(batch, spec.commandLine().getErr());
        account.run(population, rules, pcn, Evaluated::new,
            e -> {
              accumulator.add(e.patientCase(), e.evaluation());
              if (groups != null) {
                groups.add(e.evaluation());
              }
            }, () -> { });
        if (account.exitCode() == CareCommand.USER_ERROR) {
          return CareCommand.USER_ERROR; // stopped by --fail-fast: no partial reports
        }
      } else {
        for (PatientCase c : synthetic.cases()) {
          try {
            PatientEvaluation e = rules.evaluate(c, pcn);
            accumulator.add(c, e);
            if (groups != null) {
              groups.add(e);
            }
          } catch (ModelValidationException e) {
            throw new UserError(population + " (as of " + date + "): " + e.getMessage(), e);
          }
        }
      }
      people = accumulator.cases();
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new UserError("cannot create " + out + ": " + e.getMessage(), e);
      }
      written = new ArrayList<>(accumulator.writeAll(out));
      if (fhir) {
        written.addAll(writeFhir(accumulator.finish(), groups, rules));
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("Evaluated " + people + " people and " + coordinators.size() + " co-ordinators of "
        + pcn.code() + " as of " + date + "; wrote " + written.size() + " files to " + out);
    for (Path p : written) {
      stdout.println("  " + p);
    }
    stdout.flush();
    return account == null ? 0 : account.exitCode();
  }

  /** The MeasureReport bundle (aggregate) and the cohort Groups (patient data). */
  private List<Path> writeFhir(ReportSet reportSet, CohortGroups groups, CareRules rules) {
    Map<String, String> cohorts = new TreeMap<>();
    for (OutputEntry entry : rules.outputs().entries()) {
      if (entry.kind() == FindingKind.COHORT) {
        cohorts.put(entry.code(), entry.label());
      }
    }
    Path measures = out.resolve(FHIR_MEASURES);
    Path groupFile = out.resolve(FHIR_GROUPS);
    try {
      Files.writeString(measures, CareFhir.json(CareFhir.measureReports(reportSet, cohorts, rules.ruleSetVersions()), true));
      Files.writeString(groupFile, CareFhir.json(groups.toBundle(), true));
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + ": " + e.getMessage(), e);
    }
    return List.of(measures, groupFile);
  }

  /** A case and its evaluation, as the reports need both. */
  private record Evaluated(PatientCase patientCase, PatientEvaluation evaluation) {}
}
