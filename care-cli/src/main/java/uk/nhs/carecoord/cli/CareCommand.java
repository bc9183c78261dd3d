package uk.nhs.carecoord.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code care}: the command line for rule authors. Validates and tests DRL rule files, evaluates
 * cases and writes PCN reports.
 *
 * <p>Exit codes: 0 success; 1 rules did not compile or a scenario failed; 2 user error (missing
 * file, malformed JSON, invalid value, bad option, or a batch stopped by {@code --fail-fast}); 3 a
 * batch of JSON lines completed but some lines were rejected.
 */
@Command(
    name = "care",
    mixinStandardHelpOptions = true,
    versionProvider = CareCommand.Version.class,
    description = "Care co-ordination rules: validate and test DRL, evaluate cases, write PCN reports.",
    subcommands = {
      ValidateCommand.class,
      TestCommand.class,
      CatalogueCommand.class,
      EvaluateCommand.class,
      ReportCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:rules did not compile, or a scenario failed",
      "2:user error: missing file, malformed JSON, invalid value, bad option; a batch stopped by --fail-fast",
      "3:a batch completed, but some lines were rejected (each reported on stderr)"
    })
public final class CareCommand implements Runnable {
  /** Rules did not compile, or a scenario failed. */
  public static final int FAILED = 1;

  /** The input or the options were wrong. */
  public static final int USER_ERROR = 2;

  /** A batch of JSON lines was processed to the end, but some lines were rejected. */
  public static final int REJECTED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // `care` alone: say what the commands are.
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * The command line with its error handling: user errors become one line on standard error and
   * exit code {@value #USER_ERROR}, never a stack trace.
   */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new CareCommand());
    ErrorHandler errors = new ErrorHandler();
    cli.setExecutionExceptionHandler(errors);
    cli.setParameterExceptionHandler(errors);
    return cli;
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CareCommand.class.getPackage().getImplementationVersion();
      return new String[] {"care " + (v == null ? "(development build)" : v)};
    }
  }
}
