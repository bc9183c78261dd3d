package uk.nhs.carecoord.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.reporting.PcnReports;
import uk.nhs.carecoord.reporting.ReportAccumulator;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/**
 * A PCN's reports over a million people in a small heap, end to end: generate seeded synthetic
 * people in blocks (one seed per block, identifiers prefixed by block so they stay unique),
 * evaluate each block on all cores, stream every case and evaluation into a {@link
 * ReportAccumulator}, then write every report file. Nothing holds more than one block of people.
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar uk.nhs.carecoord.benchmarks.ReportScaleRun \
 *     [people=1000000] [block=25000] [out=target/report-scale]
 * </pre>
 *
 * <p>Prints JSON: people, worklist entries, processors, seconds spent generating, evaluating,
 * accumulating and writing, wall-clock total, the process's CPU time, the heap limit, the old
 * generation's peak (what survived collections) and the bytes written. Only counts, sizes and
 * times; nothing about any person. Not run by the build.
 */
final class ReportScaleRun {
  private static final LocalDate AS_OF = SyntheticPopulation.DEFAULT_AS_OF;

  private ReportScaleRun() {}

  public static void main(String[] args) throws IOException {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
    Path out = Path.of(args.length > 2 ? args[2] : "target/report-scale");
    if (people < 1 || block < 1) {
      throw new IllegalArgumentException("people and block must be positive");
    }
    long start = System.nanoTime();
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    long generating = 0;
    long evaluating = 0;
    long accumulating = 0;
    SyntheticPcn first = population(1, Math.min(block, people));
    Pcn pcn = first.pcn();
    List<CoordinatorEvaluation> coordinators = rules.evaluateCoordinators(pcn);
    long entries;
    long written = 0;
    long writing;
    try (ReportAccumulator reports =
        PcnReports.builder().asOf(AS_OF).roundCountsTo(5).workDirectory(out.resolve("work")).build()
            .accumulator(pcn, coordinators)) {
      for (int b = 0, done = 0; done < people; b++) {
        int size = Math.min(block, people - done);
        long t0 = System.nanoTime();
        String prefix = String.format(Locale.ROOT, "b%03d-", b);
        List<PatientCase> cases =
            (b == 0 ? first : population(b + 1, size)).cases().stream().map(c -> relabel(c, prefix)).toList();
        long t1 = System.nanoTime();
        List<PatientEvaluation> evaluations = cases.parallelStream().map(c -> rules.evaluate(c, pcn)).toList();
        long t2 = System.nanoTime();
        for (int i = 0; i < size; i++) {
          reports.add(cases.get(i), evaluations.get(i));
        }
        long t3 = System.nanoTime();
        generating += t1 - t0;
        evaluating += t2 - t1;
        accumulating += t3 - t2;
        done += size;
      }
      long t4 = System.nanoTime();
      for (Path f : reports.writeAll(out.resolve("reports"))) {
        written += Files.size(f);
      }
      writing = System.nanoTime() - t4;
      entries = reports.worklistSize();
    }
    long total = System.nanoTime() - start;
    // CPU time of the whole process: on a shared machine, wall-clock time also measures the others.
    long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    // Peak of the old generation: what survived collections, the part a leak or a held list grows.
    long oldPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        oldPeak = Math.max(oldPeak, pool.getPeakUsage().getUsed());
      }
    }
    System.out.printf(Locale.ROOT,
        "{\"people\": %d, \"worklistEntries\": %d, \"processors\": %d,%n"
            + " \"seconds\": {\"generating\": %.1f, \"evaluating\": %.1f, \"accumulating\": %.1f, \"writing\": %.1f,"
            + " \"total\": %.1f, \"processCpu\": %.1f},%n"
            + " \"heapMaxMb\": %d, \"oldGenerationPeakMb\": %d, \"bytesWritten\": %d}%n",
        people, entries, Runtime.getRuntime().availableProcessors(), generating / 1e9, evaluating / 1e9,
        accumulating / 1e9, writing / 1e9, total / 1e9, cpu / 1e9, Runtime.getRuntime().maxMemory() >> 20, oldPeak >> 20, written);
  }

  private static SyntheticPcn population(long seed, int size) {
    return SyntheticPopulation.builder().seed(seed).patients(size).practices(8).coordinators(10).asOf(AS_OF).build();
  }

  /** The same person under an identifier unique across blocks. */
  private static PatientCase relabel(PatientCase c, String prefix) {
    return ImmutablePatientCase.copyOf(c).withPatient(ImmutablePatient.copyOf(c.patient()).withId(prefix + c.patient().id()));
  }
}
