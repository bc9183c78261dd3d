package uk.nhs.carecoord.cli;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import uk.nhs.carecoord.model.CareJsonException;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.rules.RuleProblem;

/**
 * Maps exceptions to exit codes and one-line messages. User errors never show a stack trace;
 * anything else is a bug and is left to picocli (stack trace, exit code 1).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
    PrintWriter err = cli.getErr();
    if (e instanceof RuleCompilationException rce) {
      printProblems(rce, err);
      return CareCommand.FAILED;
    }
    String message = userMessage(e);
    if (message == null) {
      throw e;
    }
    err.println("error: " + message);
    err.flush();
    return CareCommand.USER_ERROR;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("error: " + e.getMessage() + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return CareCommand.USER_ERROR;
  }

  /** Every problem as {@code file:line: message}, one a line, then a count. */
  static void printProblems(RuleCompilationException e, PrintWriter err) {
    for (RuleProblem p : e.problems()) {
      err.println(p);
    }
    int n = e.problems().size();
    err.println("rules did not compile: " + n + (n == 1 ? " problem" : " problems"));
    err.flush();
  }

  /** The one-line message for a user error, or null if the exception is not one. */
  static String userMessage(Throwable e) {
    if (e instanceof UserError
        || e instanceof CareJsonException
        || e instanceof ModelValidationException
        || e instanceof DateTimeParseException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException u) {
      String io = ioMessage(u.getCause());
      return io != null ? io : u.getMessage();
    }
    return ioMessage(e);
  }

  private static String ioMessage(Throwable e) {
    if (e instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    if (e instanceof AccessDeniedException a) {
      return "cannot read: " + a.getFile();
    }
    if (e instanceof FileNotFoundException f) {
      return f.getMessage();
    }
    if (e instanceof java.io.IOException io) {
      return "cannot read or write: " + io.getMessage();
    }
    return null;
  }
}
