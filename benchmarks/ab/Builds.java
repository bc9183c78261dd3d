import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Runs several builds' {@code Trial}s in one JVM, each in a class loader of its own, taking turns
 * round by round (who goes first rotates), and prints each build's people per second of thread
 * CPU time and, round by round, its ratio to the first build. On a shared machine whose speed
 * drifts from minute to minute, builds measured in turn within seconds of each other see the same
 * machine, where separate JMH runs minutes apart do not.
 *
 * <p>Usage (see ab.sh): {@code java Builds <people> <rounds> <name>=<trial-classes>:<benchmarks.jar> ...}
 */
public final class Builds {
  public static void main(String[] args) throws Exception {
    int people = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    List<String> names = new ArrayList<>();
    List<ClassLoader> loaders = new ArrayList<>();
    List<LongSupplier> trials = new ArrayList<>();
    for (String build : Arrays.asList(args).subList(2, args.length)) {
      String[] nameAndPath = build.split("=", 2);
      List<URL> urls = new ArrayList<>();
      for (String p : nameAndPath[1].split(":")) {
        urls.add(Path.of(p).toUri().toURL());
      }
      ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(loader); // Drools loads rule classes through it
      trials.add((LongSupplier) loader.loadClass("uk.nhs.carecoord.benchmarks.Trial").getMethod("create", int.class).invoke(null, people));
      names.add(nameAndPath[0]);
      loaders.add(loader);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[][] rates = new double[trials.size()][rounds];
    long keep = 0;
    for (int round = 0; round < rounds; round++) {
      for (int turn = 0; turn < trials.size(); turn++) {
        int b = (round + turn) % trials.size();
        Thread.currentThread().setContextClassLoader(loaders.get(b));
        long cpu = threads.getCurrentThreadCpuTime();
        keep += trials.get(b).getAsLong();
        rates[b][round] = people / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
      }
    }
    int warmUp = rounds / 3;
    for (int b = 0; b < trials.size(); b++) {
      double[] later = Arrays.copyOfRange(rates[b], warmUp, rounds);
      double[] ratios = new double[later.length];
      for (int r = 0; r < later.length; r++) {
        ratios[r] = later[r] / rates[0][warmUp + r];
      }
      Arrays.sort(later);
      Arrays.sort(ratios);
      System.out.printf(Locale.ROOT, "%-14s %,9.0f people/CPU-s (median of rounds %d-%d; best %,.0f)  x%.3f of %s (quartiles %.3f-%.3f)%n",
          names.get(b), later[later.length / 2], warmUp + 1, rounds, later[later.length - 1], ratios[ratios.length / 2], names.get(0),
          ratios[ratios.length / 4], ratios[3 * ratios.length / 4]);
    }
    System.out.println("(cohorts counted, to keep the work alive: " + keep + ")");
  }
}
