package uk.nhs.carecoord.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * People evaluated per second: every built-in rule set (cohorts, safeguarding, recommendations,
 * acknowledgements) through {@code CareRules.evaluate(case, pcn)}, against the hand-written
 * floor, on one thread and on all cores. One operation = one person (or one co-ordinator).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EvaluationBenchmark {

  @Benchmark
  @Threads(1)
  public PatientEvaluation rulesOneThread(Population pop, Cursor cursor) {
    PatientCase c = pop.cases[cursor.next(pop.cases.length)];
    return pop.rules.evaluate(c, pop.pcn);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public PatientEvaluation rulesAllCores(Population pop, Cursor cursor) {
    PatientCase c = pop.cases[cursor.next(pop.cases.length)];
    return pop.rules.evaluate(c, pop.pcn);
  }

  @Benchmark
  @Threads(1)
  public HandEvaluation handWrittenOneThread(Population pop, Cursor cursor) {
    PatientCase c = pop.cases[cursor.next(pop.cases.length)];
    return pop.handWritten.evaluate(c, pop.pcn);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public HandEvaluation handWrittenAllCores(Population pop, Cursor cursor) {
    PatientCase c = pop.cases[cursor.next(pop.cases.length)];
    return pop.handWritten.evaluate(c, pop.pcn);
  }

  /** The training rule set: one co-ordinator per operation (100 in the PCN). */
  @Benchmark
  @Threads(1)
  public CoordinatorEvaluation coordinatorsOneThread(Population pop, Cursor cursor) {
    var all = pop.pcn.coordinators();
    return pop.rules.evaluate(all.get(cursor.next(all.size())), pop.pcn);
  }
}
