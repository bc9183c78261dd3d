package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.authoring.RuleCatalogue;
import uk.nhs.carecoord.rules.authoring.Scenario;

/** {@code care catalogue [--rules dir] [--scenarios path] --out dir}: the rule catalogue for clinical review. */
@Command(
    name = "catalogue",
    header = "Write the rule catalogue for clinical review: one HTML page and Markdown, generated from the rules.",
    mixinStandardHelpOptions = true,
    description = "Describes the rule base in force (the built-in rule sets plus a rule directory): each rule set with"
        + " version and digest, each rule with what it raises (code, label, priority), the thresholds it reads with"
        + " their values, the outputs and code-cluster meanings it depends on and, with --scenarios, the scenarios"
        + " that exercise it. Writes rule-catalogue.html and rule-catalogue.md to the output directory.")
final class CatalogueCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", paramLabel = "<dir>", description = "Directory of .drl files added to (or replacing) the built-in rule sets.")
  Path rules;

  @Option(names = "--only", description = "Describe only the directory's rules, without the built-in rule sets.")
  boolean only;

  @Option(names = "--scenarios", paramLabel = "<path>", description = "A scenario file or directory: name the scenarios that exercise each rule.")
  Path scenarios;

  @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Directory to write the catalogue to (created if missing).")
  Path out;

  @Override
  public Integer call() {
    if (rules != null) {
      Inputs.directory(rules);
    } else if (only) {
      throw new UserError("--only needs --rules <dir>");
    }
    if (scenarios != null && !Files.exists(scenarios)) {
      throw new UserError("no such file: " + scenarios);
    }
    // Each scenario sets its own reference date; this one is never used.
    CareRules compiled = CompiledRules.of(rules, !only, LocalDate.EPOCH);
    List<Scenario.Result> results = scenarios == null ? List.of() : Scenario.runAll(Scenario.find(scenarios), compiled);
    RuleCatalogue catalogue = RuleCatalogue.of(compiled, results);
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("rule-catalogue.html"), catalogue.html(), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("rule-catalogue.md"), catalogue.markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the catalogue to " + out + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().println("Wrote " + out.resolve("rule-catalogue.html") + " and rule-catalogue.md ("
        + compiled.describe().size() + " rule sets" + (results.isEmpty() ? "" : ", " + results.size() + " scenarios") + ")");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
