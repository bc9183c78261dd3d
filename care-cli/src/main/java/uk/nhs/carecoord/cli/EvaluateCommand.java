package uk.nhs.carecoord.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** {@code care evaluate [<case.json>|-]}: evaluates patient cases and prints the evaluations as JSON. */
@Command(
    name = "evaluate",
    header = "Evaluate patient cases (a JSON file, or JSON lines on stdin); print the evaluations as JSON.",
    mixinStandardHelpOptions = true,
    description = "Evaluates patient cases and prints each evaluation as JSON: cohorts, obligations,"
        + " recommendations and suppressed recommendations, each with its decision records."
        + " A .json file holds one case (case JSON, or a FHIR R4 Bundle about one person, JSON or XML,"
        + " recognised by its resourceType; printed indented); a .jsonl file, or standard input ('-' or no"
        + " file), holds one case a line (printed one evaluation a line, in input order). Every line is"
        + " accounted for: a line that cannot be read or evaluated is reported on standard error as"
        + " file:line:column: path: message and the rest go on; the summary says how many were read,"
        + " evaluated and rejected. Exit code 3 when any line was rejected. With --format fhir each evaluation"
        + " is a FHIR R4 Bundle (GuidanceResponse and its RequestGroup) instead: JSON lines of Bundles for a batch.")
final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin CodeListsOption codeLists;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<case.json>",
      description = "A case file, or '-' (the default) for JSON lines on standard input.")
  String input;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "The reference date (default: today).")
  LocalDate asOf;

  @Option(names = "--rules", paramLabel = "<dir>", description = "A directory of .drl files added to the built-in rule sets.")
  Path rulesDirectory;

  @Option(names = "--pcn", paramLabel = "<pcn.json>",
      description = "The PCN (practices, co-ordinators, supervision): names each co-ordinator's GP supervisor.")
  Path pcnFile;

  @Option(names = "--pretty", description = "Indent each evaluation (a single .json case is always indented).")
  boolean pretty;

  /** What an evaluation is printed as. */
  enum Format { json, fhir }

  @Option(names = "--format", paramLabel = "json|fhir", defaultValue = "json",
      description = "json (default): the library's evaluation JSON. fhir: a FHIR R4 collection Bundle per case"
          + " (GuidanceResponse, RequestGroup, proposed Tasks), one Bundle a line for JSON lines.")
  Format format;

  @CommandLine.Mixin BatchOptions batch;

  @Override
  public Integer call() {
    Path caseFile = input == null || input.equals("-") ? null : Inputs.file(Path.of(input));
    if (rulesDirectory != null) {
      Inputs.directory(rulesDirectory);
    }
    Pcn pcn = pcnFile == null ? null : Inputs.readJson(pcnFile, Pcn.class);
    PatientCase single = caseFile == null || Inputs.isJsonLines(caseFile) ? null
        : FhirInput.readCase(caseFile, asOf != null ? asOf : LocalDate.now(Clock.systemDefaultZone()));
    batch.threads(); // a bad --threads is a user error before the rules compile

    CareRules rules = CompiledRules.of(rulesDirectory, true, asOf != null ? asOf : LocalDate.now(Clock.systemDefaultZone()), codeLists.clusters());
    PrintWriter out = spec.commandLine().getOut();

    if (single != null) {
      PatientEvaluation e = evaluate(rules, single, pcn, caseFile.toString());
      out.println(format == Format.fhir ? CareFhir.json(CareFhir.guidance(e, rules.ruleSetVersions()), true)
          : CareJson.write(e));
      out.flush();
      return 0;
    }
    // Written as JSON on the worker threads; printed here in input order, flushed whenever the batch waits.
    BatchAccount account = new BatchAccount(batch, spec.commandLine().getErr());
    account.run(caseFile, rules, pcn,
        (c, e) -> format == Format.fhir ? CareFhir.json(CareFhir.guidance(e, rules.ruleSetVersions()), pretty)
            : pretty ? CareJson.write(e) : CareJson.writeLine(e),
        json -> {
          out.write(json);
          out.write('\n');
        },
        out::flush);
    return account.exitCode();
  }

  private static PatientEvaluation evaluate(CareRules rules, PatientCase c, Pcn pcn, String where) {
    try {
      return pcn == null ? rules.evaluate(c) : rules.evaluate(c, pcn);
    } catch (ModelValidationException e) {
      // e.g. the case records something after the reference date
      throw new UserError(where + " (as of " + rules.today() + "): " + e.getMessage(), e);
    }
  }
}
