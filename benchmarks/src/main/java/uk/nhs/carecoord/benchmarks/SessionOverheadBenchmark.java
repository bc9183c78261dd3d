package uk.nhs.carecoord.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.rules.engine.SessionProbe;

/**
 * Where one evaluation's time goes: an empty reused session (fixed per-session cost), the reused
 * session over pre-assembled facts (engine only), the same with sessions reset by Drools' pool
 * instead of having their facts deleted, or in a fresh session per person (as before pooling),
 * and fact assembly alone. Compare with
 * EvaluationBenchmark.rulesOneThread (all of it, plus turning outcomes into findings).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 2, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class SessionOverheadBenchmark {
  @Param({"20000"})
  public int size;

  SessionProbe probe;
  SyntheticPcn synthetic;
  PatientCase[] cases;
  List<Object>[] facts;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    synthetic = Population.generate(size);
    cases = synthetic.cases().toArray(PatientCase[]::new);
    probe = new SessionProbe(Population.AS_OF);
    facts = new List[cases.length];
    for (int i = 0; i < cases.length; i++) {
      facts[i] = probe.facts(cases[i], synthetic.pcn());
    }
  }

  @Benchmark
  public int emptySession() {
    return probe.executeEmpty();
  }

  @Benchmark
  public int sessionOverPreparedFacts(Cursor cursor) {
    return probe.execute(facts[cursor.next(facts.length)]);
  }

  @Benchmark
  public int resetSessionOverPreparedFacts(Cursor cursor) {
    return probe.executeResetting(facts[cursor.next(facts.length)]);
  }

  @Benchmark
  public int freshSessionOverPreparedFacts(Cursor cursor) {
    return probe.executeFresh(facts[cursor.next(facts.length)]);
  }

  @Benchmark
  public List<Object> factAssemblyOnly(Cursor cursor) {
    int i = cursor.next(cases.length);
    return probe.facts(cases[i], synthetic.pcn());
  }
}
