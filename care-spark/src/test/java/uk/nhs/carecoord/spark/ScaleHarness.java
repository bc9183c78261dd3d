package uk.nhs.carecoord.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/**
 * The scale model's measurements (BENCHMARKS.md, "Spark"): the same JSON-lines cases evaluated in
 * one process (1 and 2 threads) and by Spark in local mode ({@code local[2]}), in one JVM and one
 * run, each pass timed by wall clock and by this process's CPU time. Not a test; run by {@code
 * care-spark/scale.sh}.
 *
 * <p>Arguments: people (default 50,000), passes per measurement (default 3), a work directory.
 */
public final class ScaleHarness {
  private static final LocalDate AS_OF = SyntheticPopulation.DEFAULT_AS_OF;

  private ScaleHarness() {}

  public static void main(String[] args) throws Exception {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path work = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/scale"));
    SyntheticPcn population = SyntheticPopulation.builder()
        .seed(42).patients(people).practices(8).coordinators(100).asOf(AS_OF).build();
    Path input = work.resolve("cases.jsonl");
    Files.write(input, population.cases().stream().map(CareJson::writeLine).toList());
    Pcn pcn = population.pcn();
    System.out.printf("people %,d; input %,d bytes (%,d bytes/person); %d cores; JVM %s%n", people,
        Files.size(input), Files.size(input) / people, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"));

    long t = System.nanoTime();
    CareSpark care = CareSpark.builder().asOf(AS_OF).pcn(pcn).build();
    System.out.printf("rules compiled (built-in, precompiled): %.2f s%n", (System.nanoTime() - t) / 1e9);
    ExecutorRules rules = ExecutorRules.of(new RuleSpec(AS_OF, java.util.Map.of(), List.of(CareJson.writeLine(pcn))));

    // One process: read each line, CareJson, evaluate, the row Spark would get: what a partition does.
    for (int threads : new int[] {1, 2}) {
      for (int pass = 0; pass <= passes; pass++) {
        Measure m = Measure.start();
        AtomicLong findings = new AtomicLong();
        ForkJoinPool pool = new ForkJoinPool(threads);
        pool.submit(() -> {
          try (Stream<String> lines = Files.lines(input)) {
            (threads > 1 ? lines.parallel() : lines).forEach(line -> {
              Object[] f = (Object[]) CaseEvaluator.evaluate(rules, input.toString(), line).get(4);
              findings.addAndGet(f.length);
            });
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).get();
        pool.shutdown();
        m.report(pass == 0 ? "warm-up" : "one process, " + threads + " thread(s)", people, findings.get());
      }
    }

    t = System.nanoTime();
    SparkSession spark = SparkSession.builder().master("local[2]").appName("care-spark-scale")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "localhost")
        .config("spark.sql.shuffle.partitions", "8").getOrCreate();
    System.out.printf("Spark session started: %.2f s%n", (System.nanoTime() - t) / 1e9);
    for (int pass = 0; pass <= passes; pass++) {
      Measure m = Measure.start();
      long findings;
      try (CareSpark.Evaluations run = care.evaluate(CareSpark.readJsonLines(spark, input.toString()))) {
        findings = run.findings().count();
      }
      m.report(pass == 0 ? "warm-up" : "Spark local[2]: evaluate, count findings", people, findings);
    }
    for (int pass = 1; pass <= passes; pass++) {
      Path out = work.resolve("out-" + pass);
      Measure m = Measure.start();
      long findings;
      try (CareSpark.Evaluations run = care.evaluate(CareSpark.readJsonLines(spark, input.toString()))) {
        run.findings().write().mode("overwrite").parquet(out.resolve("findings").toString());
        run.aggregates().coalesce(1).write().mode("overwrite").option("header", true).csv(out.resolve("aggregates").toString());
        findings = spark.read().parquet(out.resolve("findings").toString()).count();
      }
      m.report("Spark local[2]: the job (Parquet findings + aggregates)", people, findings);
      if (pass == passes) {
        long bytes = size(out.resolve("findings"));
        System.out.printf("findings Parquet: %,d bytes, %,d bytes/finding, %,d bytes/person%n",
            bytes, bytes / findings, bytes / people);
      }
    }
    spark.stop();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Wall clock and this process's CPU time (all threads: driver, executors, JIT, GC). */
  private record Measure(long wallStart, long cpuStart) {
    static Measure start() {
      return new Measure(System.nanoTime(), processCpu());
    }

    static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    void report(String what, int people, long findings) {
      double seconds = (System.nanoTime() - wallStart) / 1e9;
      double cpuSeconds = (processCpu() - cpuStart) / 1e9;
      System.out.printf("%-55s %7.2f s wall %8.0f people/s | %7.2f s CPU %6.1f µs CPU/person | %,d findings%n",
          what, seconds, people / seconds, cpuSeconds, cpuSeconds * 1e6 / people, findings);
    }
  }
}
