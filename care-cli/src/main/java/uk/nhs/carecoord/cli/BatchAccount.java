package uk.nhs.carecoord.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import uk.nhs.carecoord.model.JsonLines;
import uk.nhs.carecoord.model.LineReject;
import uk.nhs.carecoord.model.LineResult;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CaseBatch;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Runs a JSON-lines batch through {@link CaseBatch} and accounts for every line: each reject on
 * standard error as {@code file:line:column: path: message} (and, with {@code --rejects}, the
 * original line in the rejects file), progress on a terminal, and at the end {@code N read, N
 * evaluated, N rejected}. Its {@link #exitCode()} is 0, {@link CareCommand#REJECTED}, or {@link
 * CareCommand#USER_ERROR} when {@code --fail-fast} stopped the batch.
 */
final class BatchAccount {
  private final BatchOptions options;
  private final PrintWriter err;
  private long read;
  private long evaluated;
  private long rejected;
  private boolean stopped;

  BatchAccount(BatchOptions options, PrintWriter err) {
    this.options = options;
    this.err = err;
  }

  /** Thrown by the sink to stop the batch at the first reject under {@code --fail-fast}. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /**
   * Evaluates every line of {@code input} (a file, or standard input when null), handing each
   * evaluation's mapped value to {@code each} in input order, on the calling thread.
   */
  <R> void run(Path input, CareRules rules, Pcn pcn,
      BiFunction<PatientCase, PatientEvaluation, R> map,
      Consumer<R> each, Runnable flush) {
    String source = input == null ? "stdin" : input.toString();
    long size = input == null ? -1 : sizeOf(input);
    Progress progress = Progress.onTerminal(err, options.quiet, size);
    CaseBatch batch = CaseBatch.of(rules).threads(options.threads());
    if (pcn != null) {
      batch = batch.pcn(pcn);
    }
    try (OutputStream rejects = openRejects();
        InputStream in = input == null ? unclosed(System.in) : Files.newInputStream(input);
        JsonLines<PatientCase> lines = JsonLines.of(in, source, PatientCase.class)) {
      batch.evaluate(lines, map, new CaseBatch.Sink<R>() {
        @Override
        public void accept(LineResult<R> result) {
          read++;
          if (result.ok()) {
            evaluated++;
            each.accept(result.value().orElseThrow());
          } else {
            rejected++;
            progress.finish();
            reject(result.reject().orElseThrow(), rejects);
          }
          progress.update(read, rejected, lines.bytesRead());
        }

        @Override
        public void idle() {
          flush.run();
        }
      });
    } catch (Stop e) {
      stopped = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      progress.finish();
      flush.run();
    }
    summarise();
  }

  private void reject(LineReject reject, OutputStream rejects) {
    err.println(reject);
    err.flush();
    if (rejects != null) {
      try {
        rejects.write(reject.line().bytes());
        rejects.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (options.failFast) {
      throw new Stop();
    }
  }

  private OutputStream openRejects() {
    if (options.rejects == null) {
      return null;
    }
    try {
      return new BufferedOutputStream(Files.newOutputStream(options.rejects));
    } catch (IOException e) {
      throw new UserError("cannot write " + options.rejects + ": " + e.getMessage(), e);
    }
  }

  /** Standard input, which the batch must not close (a host embedding the command line may read on). */
  private static InputStream unclosed(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private void summarise() {
    if (options.quiet && rejected == 0) {
      return;
    }
    String summary = read + " read, " + evaluated + " evaluated, " + rejected + " rejected";
    if (stopped) {
      summary += "; stopped at the first rejected line (--fail-fast)";
    } else if (rejected > 0 && options.rejects != null) {
      summary += " (written to " + options.rejects + ")";
    }
    err.println(summary);
    err.flush();
  }

  long read() {
    return read;
  }

  long evaluated() {
    return evaluated;
  }

  long rejected() {
    return rejected;
  }

  /** 0 when every line was evaluated; {@link CareCommand#REJECTED} when some were rejected; 2 when stopped. */
  int exitCode() {
    if (stopped) {
      return CareCommand.USER_ERROR;
    }
    return rejected > 0 ? CareCommand.REJECTED : 0;
  }
}
