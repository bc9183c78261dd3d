package uk.nhs.carecoord.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.JsonLines;
import uk.nhs.carecoord.model.LineResult;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * The end-to-end figures for a shared, busy machine, where JMH's wall-clock throughput says more
 * about the neighbours than about the code. Runs every variant of {@link EndToEndBenchmark} on
 * the same batch, <b>interleaved</b> round by round (so a change in load hits all of them alike),
 * and reports for each the median over the measured rounds of
 *
 * <ul>
 *   <li>cases per second of wall-clock time, and
 *   <li>cases per second of CPU time (the process's, all threads: workers, JIT, GC), which the
 *       neighbours disturb far less, but which the JVM reads in 10 ms steps;
 *   <li>for the one-thread variants, which all run on the calling thread, cases per second of that
 *       thread's own CPU time (nanosecond resolution; no JIT or GC threads);
 * </ul>
 *
 * <p>with ratios against the old line-by-line path and against the engine alone on the same
 * number of threads, all from the same run. Two more variants split the path: reading and
 * validating the lines alone, and writing evaluations already made alone (each against the engine
 * on one thread), so that a change to either shows in the same run as the engine's figure; and
 * four compare the same strict mapper settings ({@code CareJson.configure}) with and without
 * Jackson's Blackbird module, reading the same lines and writing the same evaluations.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar uk.nhs.carecoord.benchmarks.EndToEndHarness [cases] [warm-up rounds] [rounds]
 * </pre>
 */
public final class EndToEndHarness {
  private EndToEndHarness() {}

  /** One way of getting from the batch to its results; returns something the JIT cannot drop. */
  private record Variant(String name, int threads, ToLongFunction<JsonLinesInput> run) {}

  public static void main(String[] args) {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : JsonLinesInput.CASES;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int cores = Runtime.getRuntime().availableProcessors();

    JsonLinesInput in = new JsonLinesInput();
    in.setUp(cases);
    // The same strict settings with and without Jackson's Blackbird module, to compare in one run.
    ObjectMapper withoutBlackbird = CareJson.configure(JsonMapper.builder()).build();
    ObjectMapper withBlackbird =
        CareJson.configure(JsonMapper.builder()).addModule(new BlackbirdModule(MethodHandles::lookup)).build();
    byte[][] lines = lines(in.jsonLines);
    PatientEvaluation[] evaluations =
        Arrays.stream(in.cases).map(c -> in.rules.evaluate(c, in.pcn)).toArray(PatientEvaluation[]::new);
    List<Variant> variants = List.of(
        new Variant("line by line (before)", 1, EndToEndBenchmark::lineByLineBatch),
        new Variant("batch, 1 thread", 1, i -> EndToEndBenchmark.batch(i, 1)),
        new Variant("batch, all cores", cores, i -> EndToEndBenchmark.batch(i, cores)),
        new Variant("engine only, 1 thread", 1, i -> engine(i, 1)),
        new Variant("engine only, all cores", cores, i -> engine(i, cores)),
        new Variant("reading only, 1 thread", 1, EndToEndHarness::readOnly),
        new Variant("writing only, 1 thread", 1, i -> writeOnly(evaluations)),
        new Variant("reading, mapper with Blackbird", 1, i -> readWith(withBlackbird, lines)),
        new Variant("reading, mapper without Blackbird", 1, i -> readWith(withoutBlackbird, lines)),
        new Variant("writing, mapper with Blackbird", 1, i -> writeWith(withBlackbird, evaluations)),
        new Variant("writing, mapper without Blackbird", 1, i -> writeWith(withoutBlackbird, evaluations)));

    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<double[]>> measured = new LinkedHashMap<>();
    variants.forEach(v -> measured.put(v.name(), new ArrayList<>()));
    long sink = 0;
    for (int round = 0; round < warmUp + rounds; round++) {
      for (int k = 0; k < variants.size(); k++) {
        Variant v = variants.get((k + round) % variants.size()); // rotate the order each round
        long cpu0 = os.getProcessCpuTime();
        long own0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        sink += v.run().applyAsLong(in);
        long wall = System.nanoTime() - wall0;
        long own = threads.getCurrentThreadCpuTime() - own0;
        long cpu = os.getProcessCpuTime() - cpu0;
        if (round >= warmUp) {
          measured.get(v.name()).add(new double[] {cases / (wall / 1e9), cases / (cpu / 1e9), cases / (own / 1e9)});
        }
      }
      System.err.printf(Locale.ROOT, "round %d/%d%s%n", round + 1, warmUp + rounds, round < warmUp ? " (warm-up)" : "");
    }

    Map<String, double[]> median = new LinkedHashMap<>();
    measured.forEach((name, xs) -> median.put(name, new double[] {median(xs, 0), median(xs, 1), median(xs, 2)}));
    double before = median.get("line by line (before)")[0];
    double beforeCpu = median.get("line by line (before)")[1];
    System.out.printf(Locale.ROOT, "%d cases a batch, %d cores, %d warm-up and %d measured rounds (medians); output %d bytes%n%n",
        cases, cores, warmUp, rounds, sink / (warmUp + rounds) / variants.size());
    System.out.println("| variant | cases/s (wall) | × before | cases per CPU-second | × before (CPU) | vs engine alone (CPU)"
        + " | cases per thread-CPU-second (1 thread) | vs engine alone (thread CPU) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    double engineOwn = median.get("engine only, 1 thread")[2];
    for (Variant v : variants) {
      double[] m = median.get(v.name());
      String engine = v.threads() == 1 ? "engine only, 1 thread" : "engine only, all cores";
      double engineCpu = median.get(engine)[1];
      String own = v.threads() == 1
          ? String.format(Locale.ROOT, "%,.0f | %.0f%%", m[2], 100 * m[2] / engineOwn) : "– | –";
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f | %,.0f | %.2f | %.0f%% | %s |%n",
          v.name(), m[0], m[0] / before, m[1], m[1] / beforeCpu, 100 * m[1] / engineCpu, own);
    }
  }

  /** Reading and validating every line ({@code JsonLines}, as the batch does), nothing else. */
  static long readOnly(JsonLinesInput in) {
    long n = 0;
    try (JsonLines<PatientCase> lines =
        JsonLines.of(new ByteArrayInputStream(in.jsonLines), "cases.jsonl", PatientCase.class)) {
      for (LineResult<PatientCase> r = lines.next(); r != null; r = lines.next()) {
        n += r.value().orElseThrow().contacts().size();
      }
    }
    return n;
  }

  private static byte[][] lines(byte[] jsonLines) {
    List<byte[]> lines = new ArrayList<>();
    for (int from = 0, i = 0; i < jsonLines.length; i++) {
      if (jsonLines[i] == '\n') {
        lines.add(Arrays.copyOfRange(jsonLines, from, i));
        from = i + 1;
      }
    }
    return lines.toArray(byte[][]::new);
  }

  /** Every line read with {@code mapper} as {@code CareJsonReader} reads it (through a parser over a stream). */
  static long readWith(ObjectMapper mapper, byte[][] lines) {
    long n = 0;
    try {
      for (byte[] line : lines) {
        try (JsonParser p = mapper.createParser(new ByteArrayInputStream(line))) {
          n += mapper.readValue(p, PatientCase.class).contacts().size();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** Every evaluation written on one line with {@code mapper}. */
  static long writeWith(ObjectMapper mapper, PatientEvaluation[] evaluations) {
    long n = 0;
    try {
      for (PatientEvaluation e : evaluations) {
        n += mapper.writeValueAsString(e).length();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** Writing evaluations already made as compact JSON lines, as the batch does, nothing else. */
  static long writeOnly(PatientEvaluation[] evaluations) {
    JsonLinesInput.Output sink = new JsonLinesInput.Output();
    PrintWriter out = sink.writer();
    for (PatientEvaluation e : evaluations) {
      out.write(CareJson.writeLine(e));
      out.write('\n');
    }
    out.flush();
    return sink.bytes;
  }

  /** The engine alone over the cases already read, on {@code threads} threads, each a share of them. */
  static long engine(JsonLinesInput in, int threads) {
    PatientCase[] cases = in.cases;
    if (threads == 1) { // on the calling thread, as the one-thread batch runs, so its CPU time is measured alike
      long n = 0;
      for (PatientCase c : cases) {
        var e = in.rules.evaluate(c, in.pcn);
        n += e.cohorts().size() + e.recommendations().size();
      }
      return n;
    }
    long[] found = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int from = cases.length * t / threads;
      int to = cases.length * (t + 1) / threads;
      int slot = t;
      workers[t] = new Thread(() -> {
        long n = 0;
        for (int i = from; i < to; i++) {
          var e = in.rules.evaluate(cases[i], in.pcn);
          n += e.cohorts().size() + e.recommendations().size();
        }
        found[slot] = n;
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return Arrays.stream(found).sum();
  }

  private static double median(List<double[]> xs, int column) {
    double[] v = xs.stream().mapToDouble(x -> x[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
