package uk.nhs.carecoord.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.JsonLines;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CaseBatch;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Cases per second from JSON lines to JSON lines, the whole path of {@code care evaluate
 * cases.jsonl > out.jsonl} (reading, validation, fact assembly, evaluation, writing), beside the
 * engine alone over the same cases already read, in the same run. Throughput = cases per second
 * for every benchmark here: the end-to-end ones run a batch of {@value JsonLinesInput#CASES}
 * cases per operation ({@link OperationsPerInvocation}), the engine ones one case per operation.
 *
 * <ul>
 *   <li>{@code endToEndAllCores}: {@link CaseBatch} on all cores, in input order, compact JSON
 *       out, as {@code care evaluate} does by default;
 *   <li>{@code endToEndOneThread}: the same on one thread ({@code --threads 1});
 *   <li>{@code lineByLine}: the path {@code care evaluate} took before: a {@code String} per line,
 *       read, evaluate, write and flush one line at a time, one thread (the baseline);
 *   <li>{@code engineOneThread} / {@code engineAllCores}: {@code CareRules.evaluate(case, pcn)}
 *       over the cases already read.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EndToEndBenchmark {

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(JsonLinesInput.CASES)
  public long endToEndAllCores(JsonLinesInput in) {
    return batch(in, Runtime.getRuntime().availableProcessors());
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(JsonLinesInput.CASES)
  public long endToEndOneThread(JsonLinesInput in) {
    return batch(in, 1);
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(JsonLinesInput.CASES)
  public long lineByLine(JsonLinesInput in) {
    return lineByLineBatch(in);
  }

  /** The path {@code care evaluate} took before batches: one line at a time, flushed after each. */
  static long lineByLineBatch(JsonLinesInput in) {
    JsonLinesInput.Output sink = new JsonLinesInput.Output();
    PrintWriter out = sink.writer();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(in.jsonLines), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          PatientCase c = CareJson.read(line, PatientCase.class);
          out.println(CareJson.writeLine(in.rules.evaluate(c, in.pcn)));
          out.flush();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink.bytes;
  }

  @Benchmark
  @Threads(1)
  public PatientEvaluation engineOneThread(JsonLinesInput in, Cursor cursor) {
    return in.rules.evaluate(in.cases[cursor.next(in.cases.length)], in.pcn);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public PatientEvaluation engineAllCores(JsonLinesInput in, Cursor cursor) {
    return in.rules.evaluate(in.cases[cursor.next(in.cases.length)], in.pcn);
  }

  /** What {@code care evaluate cases.jsonl} does, minus the command line's counting. */
  static long batch(JsonLinesInput in, int threads) {
    JsonLinesInput.Output sink = new JsonLinesInput.Output();
    PrintWriter out = sink.writer();
    JsonLines<PatientCase> lines =
        JsonLines.of(new ByteArrayInputStream(in.jsonLines), "cases.jsonl", PatientCase.class);
    CaseBatch.of(in.rules).pcn(in.pcn).threads(threads).evaluate(lines, (c, e) -> CareJson.writeLine(e),
        new CaseBatch.Sink<String>() {
          @Override
          public void accept(uk.nhs.carecoord.model.LineResult<String> r) {
            out.write(r.value().orElseThrow());
            out.write('\n');
          }

          @Override
          public void idle() {
            out.flush();
          }
        });
    out.flush();
    return sink.bytes;
  }
}
