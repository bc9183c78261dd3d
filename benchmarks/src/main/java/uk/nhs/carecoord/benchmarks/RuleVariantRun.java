package uk.nhs.carecoord.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.RuleSource;
import uk.nhs.carecoord.rules.engine.Engine;
import uk.nhs.carecoord.rules.engine.SessionProbe;
import uk.nhs.carecoord.synthetic.SyntheticPcn;

/**
 * What a phrasing of the rules costs: compares variants of the built-in rules on one seeded
 * synthetic PCN (as {@link Population}). Each variant is a directory whose DRL files replace the
 * built-in files of the same name ({@code -} for the built-in rules as they are). It first checks
 * that every variant raises exactly what the first raises for every person, then runs the Drools
 * sessions alone over prepared facts, the variants taking turns round by round so a busy machine
 * slows them alike, and prints for each: people per second of thread CPU time (the median of the
 * later rounds) and its ratio to the first variant, bytes allocated per person, outputs raised per
 * person, and the rule network's nodes by kind (conditions written alike in several rules share
 * their nodes).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar uk.nhs.carecoord.benchmarks.RuleVariantRun \
 *     [--people 20000] [--rounds 12] - my-phrasing/ [another/ ...]
 * </pre>
 *
 * <p>Not JMH: a screening tool for a rule author's idea, whose outcome is then measured with
 * {@code EvaluationBenchmark}. Only counts and rates are printed, nothing about any person.
 */
final class RuleVariantRun {
  /** The built-in rules as they are. */
  static final String BUILT_IN = "-";

  /** One variant's figures. */
  record Result(String variant, double peoplePerCpuSecond, double ratioToFirst, double bytesPerPerson,
      double outputsPerPerson, int peopleWithOtherOutputs, Map<String, Integer> networkNodes) {}

  private RuleVariantRun() {}

  public static void main(String[] args) {
    int people = 20_000;
    int rounds = 12;
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--people" -> people = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> variants.add(args[i]);
      }
    }
    if (variants.isEmpty()) {
      System.err.println("usage: RuleVariantRun [--people N] [--rounds N] - variant-directory ...");
      System.exit(2);
    }
    for (Result r : run(variants, people, rounds)) {
      System.out.printf(Locale.ROOT, "%-30s %,10.0f people/CPU-s  x%.3f  %,7.0f B/person  %.2f outputs/person  %d people with other outputs%n    nodes %s%n",
          r.variant(), r.peoplePerCpuSecond(), r.ratioToFirst(), r.bytesPerPerson(), r.outputsPerPerson(),
          r.peopleWithOtherOutputs(), r.networkNodes());
    }
  }

  /** Checks and times the variants over {@code people} people, {@code rounds} rounds each. */
  static List<Result> run(List<String> variants, int people, int rounds) {
    SyntheticPcn synthetic = Population.generate(people);
    PatientCase[] cases = synthetic.cases().toArray(PatientCase[]::new);
    List<SessionProbe> probes = variants.stream().map(v -> new SessionProbe(Population.AS_OF, sources(v))).toList();
    List<List<Object>> facts = Arrays.stream(cases).map(c -> probes.get(0).facts(c, synthetic.pcn())).toList();

    int[] differing = new int[probes.size()];
    for (List<Object> f : facts) {
      List<String> first = probes.get(0).describeReused(f);
      for (int v = 1; v < probes.size(); v++) {
        if (!first.equals(probes.get(v).describeReused(f))) {
          differing[v]++;
        }
      }
    }

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[][] rates = new double[probes.size()][rounds];
    double[] bytes = new double[probes.size()];
    double[] outputs = new double[probes.size()];
    for (int round = 0; round < rounds; round++) {
      for (int v = 0; v < probes.size(); v++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long raised = 0;
        for (List<Object> f : facts) {
          raised += probes.get(v).execute(f);
        }
        rates[v][round] = facts.size() / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        // The last round's: by then the JIT has settled what it allocates.
        bytes[v] = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) facts.size();
        outputs[v] = raised / (double) facts.size();
      }
    }
    List<Result> results = new ArrayList<>();
    double first = laterMedian(rates[0]);
    for (int v = 0; v < probes.size(); v++) {
      double median = laterMedian(rates[v]);
      results.add(new Result(variants.get(v), median, median / first, bytes[v], outputs[v], differing[v],
          probes.get(v).networkNodes()));
    }
    return results;
  }

  /** The median of the rounds after the first third (warm-up). */
  private static double laterMedian(double[] rounds) {
    double[] later = Arrays.copyOfRange(rounds, rounds.length / 3, rounds.length);
    Arrays.sort(later);
    return later[later.length / 2];
  }

  /** The built-in sources, each replaced by the directory's file of the same name if it has one. */
  private static List<RuleSource> sources(String variant) {
    List<RuleSource> sources = new ArrayList<>();
    for (RuleSource builtIn : Engine.builtInSources()) {
      Path replacement = variant.equals(BUILT_IN) ? null : Path.of(variant).resolve(Path.of(builtIn.name()).getFileName().toString());
      try {
        sources.add(replacement != null && Files.isRegularFile(replacement)
            ? new RuleSource(builtIn.name(), Files.readString(replacement))
            : builtIn);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + replacement, e);
      }
    }
    return sources;
  }
}
