package uk.nhs.carecoord.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Does the heap grow over a long run of evaluations? JMH's {@code -prof gc} shows how much one
 * evaluation allocates, not whether anything of it stays behind, and its measurement windows are
 * seconds long. A nightly batch runs one {@code CareRules} for millions of evaluations, each in a
 * Drools session that is cleared and reused; anything a session, the rule base or a cache
 * kept per person would only show as heap that survives full collections creeping up. So this
 * runs the built-in rules over a seeded synthetic PCN (as {@link Population}) for many
 * evaluations and, every checkpoint, forces a few full GCs and records the used heap after them.
 * A flat line (slope near zero once the first evaluations have set up the lazily built engine
 * structures) means no retention; a steady slope is a leak of that many bytes per evaluation.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar uk.nhs.carecoord.benchmarks.HeapGrowthCheck \
 *     [evaluations=2000000] [checkpointEvery=250000] [people=50000] [out.json]
 * </pre>
 *
 * <p>Prints JSON (to the file if given, else standard output): the used heap after GC at each
 * checkpoint, and the least-squares slope over the checkpoints after the first evaluations. Only
 * counts and sizes are printed, nothing about any person. Not run by the build: 2,000,000
 * evaluations take about a minute at the measured rates.
 */
final class HeapGrowthCheck {
  /** Full collections per checkpoint: one may leave objects a finaliser or reference queue frees. */
  private static final int GCS_PER_CHECKPOINT = 3;

  private HeapGrowthCheck() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    long evaluations = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
    long every = args.length > 1 ? Long.parseLong(args[1]) : 250_000L;
    int people = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
    Path out = args.length > 3 ? Path.of(args[3]) : null;
    if (evaluations < 1 || every < 1 || people < 1) {
      throw new IllegalArgumentException("evaluations, checkpointEvery and people must be positive");
    }

    SyntheticPcn synthetic = Population.generate(people);
    Pcn pcn = synthetic.pcn();
    PatientCase[] cases = synthetic.cases().toArray(PatientCase[]::new);
    CareRules rules = CareRules.builder().asOf(Population.AS_OF).build();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    List<long[]> checkpoints = new ArrayList<>(); // {evaluations, used heap after GC}
    checkpoints.add(new long[] {0, usedAfterGc(memory)});
    long findings = 0; // consumed below, so no evaluation is optimised away
    long started = System.nanoTime();
    for (long i = 1; i <= evaluations; i++) {
      PatientEvaluation e = rules.evaluate(cases[(int) (i % cases.length)], pcn);
      findings += e.cohorts().size() + e.obligations().size() + e.recommendations().size() + e.suppressed().size();
      if (i % every == 0 || i == evaluations) {
        checkpoints.add(new long[] {i, usedAfterGc(memory)});
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9; // includes the checkpoints' GCs

    String json = json(evaluations, every, people, findings, seconds, checkpoints);
    if (out != null) {
      Files.writeString(out, json);
    } else {
      System.out.print(json);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < GCS_PER_CHECKPOINT; i++) {
      System.gc();
      Thread.sleep(50); // let concurrent phases and reference processing finish
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /**
   * Least-squares slope in bytes per evaluation. From the first checkpoint after 0: the first
   * evaluations build engine structures once (node memories, the session pool), which is set-up,
   * not growth.
   */
  static double slope(List<long[]> points) {
    List<long[]> fitted = points.size() > 2 ? points.subList(1, points.size()) : points;
    double n = fitted.size();
    double sx = 0;
    double sy = 0;
    for (long[] p : fitted) {
      sx += p[0];
      sy += p[1];
    }
    double mx = sx / n;
    double my = sy / n;
    double num = 0;
    double den = 0;
    for (long[] p : fitted) {
      num += (p[0] - mx) * (p[1] - my);
      den += (p[0] - mx) * (p[0] - mx);
    }
    return den == 0 ? 0 : num / den;
  }

  private static String json(long evaluations, long every, int people, long findings, double seconds,
      List<long[]> checkpoints) {
    double slope = slope(checkpoints);
    long first = checkpoints.get(checkpoints.size() > 2 ? 1 : 0)[1];
    long last = checkpoints.get(checkpoints.size() - 1)[1];
    StringBuilder s = new StringBuilder(512);
    s.append("{\n");
    s.append("  \"evaluations\": ").append(evaluations).append(",\n");
    s.append("  \"checkpointEvery\": ").append(every).append(",\n");
    s.append("  \"people\": ").append(people).append(",\n");
    s.append("  \"findingsRaised\": ").append(findings).append(",\n");
    s.append("  \"seconds\": ").append(String.format(Locale.ROOT, "%.1f", seconds)).append(",\n");
    s.append("  \"java\": \"").append(Runtime.version()).append("\",\n");
    s.append("  \"maxHeapBytes\": ").append(Runtime.getRuntime().maxMemory()).append(",\n");
    s.append("  \"garbageCollectors\": [");
    List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    for (int i = 0; i < gcs.size(); i++) {
      s.append(i == 0 ? "\"" : ", \"").append(gcs.get(i).getName()).append('"');
    }
    s.append("],\n");
    s.append("  \"checkpoints\": [\n");
    for (int i = 0; i < checkpoints.size(); i++) {
      long[] p = checkpoints.get(i);
      s.append("    {\"evaluations\": ").append(p[0]).append(", \"usedHeapAfterGcBytes\": ").append(p[1]).append('}')
          .append(i + 1 < checkpoints.size() ? ",\n" : "\n");
    }
    s.append("  ],\n");
    s.append("  \"slopeFromEvaluations\": ").append(checkpoints.get(checkpoints.size() > 2 ? 1 : 0)[0]).append(",\n");
    s.append("  \"slopeBytesPerEvaluation\": ").append(String.format(Locale.ROOT, "%.4f", slope)).append(",\n");
    s.append("  \"slopeBytesPerMillionEvaluations\": ").append(Math.round(slope * 1_000_000)).append(",\n");
    s.append("  \"growthBytesSinceFirstCheckpoint\": ").append(last - first).append('\n');
    s.append("}\n");
    return s.toString();
  }
}
