package uk.nhs.carecoord.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.rules.CareRules;

/**
 * Time from nothing to a ready rule base: a fresh {@code CareRules.builder()...build()} per
 * invocation. Run with no warm-up and several forks ({@code -wi 0 -i 1 -f 5}) for the truly
 * cold figure (first build in a fresh JVM); with warm-up it shows the steady cost of a reload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class ColdStartBenchmark {
  /** A rule author's directory: the example PCN rule set, copied to a temporary directory. */
  Path ruleDirectory;

  @Setup(Level.Trial)
  public void writeRuleDirectory() throws IOException {
    ruleDirectory = Files.createTempDirectory("care-rules-author");
    Files.writeString(ruleDirectory.resolve("housebound.drl"), AUTHOR_DRL);
    Files.writeString(ruleDirectory.resolve("outputs.json"), AUTHOR_OUTPUTS);
  }

  @TearDown(Level.Trial)
  public void deleteRuleDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(ruleDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  public CareRules builtInRules() {
    return CareRules.builder().asOf(Population.AS_OF).build();
  }

  @Benchmark
  public CareRules builtInRulesPlusAuthorDirectory() {
    return CareRules.builder().asOf(Population.AS_OF).ruleDirectory(ruleDirectory).build();
  }

  @Benchmark
  public CareRules authorDirectoryOnly() {
    return CareRules.builder().asOf(Population.AS_OF).builtInRules(false).ruleDirectory(ruleDirectory).build();
  }

  /**
   * Loading the built-in code clusters (37 published CSV files) on their first use in a fresh JVM:
   * only meaningful with no warm-up ({@code -wi 0 -i 1}), since later calls return the loaded set.
   */
  @Benchmark
  public CodeClusters builtInCodeClusters() {
    return CodeClusters.builtIn();
  }

  /** The author's output catalogue: the code their rule raises. */
  static final String AUTHOR_OUTPUTS = """
      {"LOCAL_HOUSEBOUND_OVER_75": {"kind": "COHORT", "label": "Housebound, over 75", "text": "Housebound, over 75"}}
      """;

  static final String AUTHOR_DRL = """
      // @version 1.0.0
      package local.cohorts;

      import uk.nhs.carecoord.rules.authoring.Outcomes;
      import uk.nhs.carecoord.rules.Priority;
      import uk.nhs.carecoord.rules.authoring.PatientFacts;
      import uk.nhs.carecoord.model.ClinicalFlag;

      global Outcomes out;

      rule "Housebound and over 75"
      when
          $p : PatientFacts( flags contains ClinicalFlag.HOUSEBOUND, age >= 75 )
      then
          out.cohort(drools, "LOCAL_HOUSEBOUND_OVER_75", Priority.HIGH, "Housebound, over 75: offer a home visit")
              .reason("Housebound and aged " + $p.getAge())
              .fact("housebound", true)
              .fact("age", $p.getAge());
      end
      """;
}
