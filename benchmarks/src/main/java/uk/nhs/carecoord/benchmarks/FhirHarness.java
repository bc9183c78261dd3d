package uk.nhs.carecoord.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * {@link FhirBenchmark}'s figures for a shared, busy machine: every variant over the same people,
 * <b>interleaved</b> round by round (the order rotating), reporting for each the median over the
 * measured rounds of people per second of wall-clock time and of process CPU time (all threads:
 * workers, JIT, GC; the neighbours disturb it far less), with the FHIR path's ratio to the
 * case-JSON path on the same number of threads, all from one run. People per CPU-second is the
 * per-core figure the target (≥ 1,000 people/s per core from FHIR JSON) is about.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar uk.nhs.carecoord.benchmarks.FhirHarness [people] [warm-up rounds] [rounds]
 * </pre>
 */
public final class FhirHarness {
  private FhirHarness() {}

  /** One path from a person's text to a result; returns something the JIT cannot drop. */
  private record Variant(String name, int threads, ToLongBiFunction<FhirInput, Integer> person) {}

  public static void main(String[] args) {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int cores = Runtime.getRuntime().availableProcessors();

    FhirInput in = new FhirInput();
    in.setUp(people);
    List<Variant> variants = List.of(
        new Variant("case JSON → evaluation, 1 thread", 1, FhirHarness::caseJson),
        new Variant("FHIR bundle → evaluation, 1 thread", 1, FhirHarness::fhir),
        new Variant("FHIR bundle → case (import only), 1 thread", 1, FhirHarness::importOnly),
        new Variant("case JSON → evaluation, all cores", cores, FhirHarness::caseJson),
        new Variant("FHIR bundle → evaluation, all cores", cores, FhirHarness::fhir));

    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, List<double[]>> measured = new LinkedHashMap<>();
    variants.forEach(v -> measured.put(v.name(), new ArrayList<>()));
    long sink = 0;
    for (int round = 0; round < warmUp + rounds; round++) {
      for (int k = 0; k < variants.size(); k++) {
        Variant v = variants.get((k + round) % variants.size());
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        sink += run(in, v.threads(), v.person());
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        if (round >= warmUp) {
          measured.get(v.name()).add(new double[] {people / (wall / 1e9), people / (cpu / 1e9)});
        }
      }
      System.err.printf(Locale.ROOT, "round %d/%d%s%n", round + 1, warmUp + rounds, round < warmUp ? " (warm-up)" : "");
    }

    long[] bytes = in.averageBytes();
    System.out.printf(Locale.ROOT, "%d people, %d cores, %d warm-up and %d measured rounds (medians);"
            + " a bundle averages %,d bytes of JSON, a case %,d; load average %.1f at the end; findings %d%n%n",
        people, cores, warmUp, rounds, bytes[0], bytes[1], os.getSystemLoadAverage(), sink);
    System.out.println("| variant | people/s (wall) | people per CPU-second | FHIR ÷ case JSON (CPU) |");
    System.out.println("|---|---|---|---|");
    for (Variant v : variants) {
      double[] m = median(measured.get(v.name()));
      String base = v.threads() == 1 ? "case JSON → evaluation, 1 thread" : "case JSON → evaluation, all cores";
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |%n", v.name(), m[0], m[1], m[1] / median(measured.get(base))[1]);
    }
  }

  static long caseJson(FhirInput in, int i) {
    var e = FhirBenchmark.fromCaseJson(in, i);
    return e.cohorts().size() + e.recommendations().size();
  }

  static long fhir(FhirInput in, int i) {
    var e = FhirBenchmark.fromFhir(in, i);
    return e.cohorts().size() + e.recommendations().size();
  }

  static long importOnly(FhirInput in, int i) {
    return in.fhir.importBundle(in.bundles[i], Population.AS_OF).report().entries().size();
  }

  /** Every person once, on {@code threads} threads, each a share of them. */
  static long run(FhirInput in, int threads, ToLongBiFunction<FhirInput, Integer> person) {
    int n = in.bundles.length;
    long[] found = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int from = n * t / threads;
      int to = n * (t + 1) / threads;
      int slot = t;
      workers[t] = new Thread(() -> {
        long sum = 0;
        for (int i = from; i < to; i++) {
          sum += person.applyAsLong(in, i);
        }
        found[slot] = sum;
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

  private static double[] median(List<double[]> xs) {
    double[] out = new double[2];
    for (int c = 0; c < 2; c++) {
      int column = c;
      double[] v = xs.stream().mapToDouble(x -> x[column]).sorted().toArray();
      out[c] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
    return out;
  }
}
