package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.nhs.carecoord.rules.CareRules;

/** {@code care validate <dir>}: compiles a directory of DRL files. */
@Command(
    name = "validate",
    header = "Compile a directory of DRL rule files; print every problem as file:line: message.",
    mixinStandardHelpOptions = true,
    description = "Compiles the .drl files in a directory together with the built-in rule sets (a file named like"
        + " a built-in rule set replaces it). Prints every problem as file:line: message and exits 1 if"
        + " they do not compile. Notes when a rule makes evaluation slower.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "Directory of .drl files (searched recursively).")
  Path directory;

  @Option(names = "--only", description = "Compile only the directory, without the built-in rule sets.")
  boolean only;

  @Override
  public Integer call() {
    Inputs.directory(directory);
    if (!hasDrl(directory)) {
      throw new UserError("no .drl files in " + directory);
    }
    CareRules rules = CompiledRules.of(directory, !only, LocalDate.now(Clock.systemDefaultZone()));
    Map<String, String> versions = rules.ruleSetVersions();
    spec.commandLine().getOut().println("OK: " + versions.size() + (versions.size() == 1 ? " rule set" : " rule sets")
        + " compiled: " + versions.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    rules.sessionResetReason().ifPresent(reason -> spec.commandLine().getOut().println(
        "Note: the engine will reset its session between people (same decisions, about 30% slower) because "
            + reason + ". See care-rules/README.md, \"Writing a rule\"."));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static boolean hasDrl(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
