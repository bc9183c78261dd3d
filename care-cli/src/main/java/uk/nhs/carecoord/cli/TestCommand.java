package uk.nhs.carecoord.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.authoring.Scenario;
import uk.nhs.carecoord.rules.authoring.ScenarioCoverage;

/** {@code care test <dir> <scenarios>}: runs data-only scenario files against the rules. */
@Command(
    name = "test",
    header = "Run data-only scenario files against the rules; PASS/FAIL per scenario.",
    mixinStandardHelpOptions = true,
    description = "Runs scenario files (JSON, in the format the care-rules README describes) against the built-in"
        + " rule sets plus the .drl files in a directory. Prints PASS or FAIL for each scenario, with what"
        + " was expected and what the rules produced, and exits 1 if any failed. With --coverage, also reports"
        + " which rules the scenarios exercise.")
final class TestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin CodeListsOption codeLists;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Directory of .drl files (searched recursively).")
  Path directory;

  @Parameters(index = "1", paramLabel = "<scenarios>", description = "A scenario file, or a directory searched for *.json.")
  Path scenarios;

  @Option(names = "--only", description = "Use only the directory's rules, without the built-in rule sets.")
  boolean only;

  @Option(names = "--coverage", description = "After the results, print per rule set and rule how many scenarios"
      + " fired it, and list the rules no scenario exercises.")
  boolean coverage;

  @Override
  public Integer call() {
    Inputs.directory(directory);
    if (!Files.exists(scenarios)) {
      throw new UserError("no such file: " + scenarios);
    }
    List<Path> files = Scenario.find(scenarios);
    if (files.isEmpty()) {
      throw new UserError("no scenario files (*.json) in " + scenarios);
    }
    // Each scenario sets its own reference date; this one is never used.
    CareRules rules = CompiledRules.of(directory, !only, LocalDate.EPOCH, codeLists.clusters());
    PrintWriter out = spec.commandLine().getOut();
    int passed = 0;
    int failed = 0;
    List<Scenario.Result> results = new ArrayList<>();
    for (Path file : files) {
      String name = nameOf(file);
      String failure = run(file, rules, results);
      if (failure == null) {
        out.println("PASS " + name);
        passed++;
      } else {
        out.println("FAIL " + name + ": " + failure);
        failed++;
      }
      out.flush();
    }
    out.println(passed + " passed, " + failed + " failed");
    if (coverage) {
      out.println();
      out.print(ScenarioCoverage.of(rules.describe(), results).report());
    }
    out.flush();
    return failed == 0 ? 0 : CareCommand.FAILED;
  }

  /** Null when the scenario passed; otherwise what went wrong, on one line. */
  private static String run(Path file, CareRules rules, List<Scenario.Result> results) {
    Scenario.Result result;
    try {
      result = Scenario.read(file).run(rules);
      results.add(result);
    } catch (RuntimeException e) {
      String message = ErrorHandler.userMessage(e);
      if (message == null && e instanceof IllegalArgumentException) {
        message = e.getMessage();
      }
      if (message == null) {
        throw e;
      }
      return "cannot run: " + message;
    }
    if (result.passed()) {
      return null;
    }
    return String.join("; ", result.problems()) + " (actual: " + String.join(", ", new java.util.TreeSet<>(result.actualCodes())) + ")";
  }

  private String nameOf(Path file) {
    if (Files.isDirectory(scenarios)) {
      return scenarios.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
    return file.getFileName().toString();
  }
}
