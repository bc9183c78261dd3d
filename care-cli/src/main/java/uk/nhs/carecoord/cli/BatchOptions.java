package uk.nhs.carecoord.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of a command that reads a batch of JSON lines ({@code evaluate}, {@code report}). */
final class BatchOptions {
  @Option(names = "--rejects", paramLabel = "<file>",
      description = "Write each rejected line, as it was read, to this file (for correction and resubmission).")
  Path rejects;

  @Option(names = "--fail-fast",
      description = "Stop at the first rejected line (exit code 2) instead of going on with the rest.")
  boolean failFast;

  @Option(names = "--threads", paramLabel = "<n>",
      description = "Evaluate on n threads; output stays in input order (default: all cores).")
  Integer threads;

  @Option(names = {"-q", "--quiet"},
      description = "No progress and no summary on standard error (rejects and errors are still reported).")
  boolean quiet;

  /** The number of threads asked for, or all cores. */
  int threads() {
    if (threads == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (threads < 1) {
      throw new UserError("--threads must be 1 or more");
    }
    return threads;
  }
}
