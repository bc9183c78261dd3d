package uk.nhs.carecoord.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.rules.CareRules;

/**
 * The rules of one {@link RuleSpec}, compiled once per JVM (driver or executor) on first use and
 * shared by every task in it: a static holder, because a KieBase cannot be serialised or
 * broadcast. {@link CareRules} is thread-safe, so concurrent tasks of one executor share it.
 */
final class ExecutorRules {
  private static final Map<RuleSpec, ExecutorRules> BUILT = new ConcurrentHashMap<>();

  private final CareRules rules;
  private final Map<String, Pcn> pcnByPractice;

  private ExecutorRules(CareRules rules, Map<String, Pcn> pcnByPractice) {
    this.rules = rules;
    this.pcnByPractice = pcnByPractice;
  }

  /**
   * The rules for {@code spec}, compiled now if this JVM has not compiled them yet.
   *
   * @throws uk.nhs.carecoord.rules.RuleCompilationException if the rule files do not compile
   */
  static ExecutorRules of(RuleSpec spec) {
    return BUILT.computeIfAbsent(spec, ExecutorRules::build);
  }

  /** How many rule bases this JVM holds (tests). */
  static int compiledCount() {
    return BUILT.size();
  }

  CareRules rules() {
    return rules;
  }

  /** The PCN a practice belongs to, if one was given. */
  Optional<Pcn> pcnOf(String practiceCode) {
    return Optional.ofNullable(pcnByPractice.get(practiceCode));
  }

  /** Compiles the rules of {@code spec} afresh, from its data alone (what an executor does once). */
  static ExecutorRules build(RuleSpec spec) {
    CareRules.Builder builder = CareRules.builder().asOf(spec.asOf());
    // CareRules reads rule and code-list directories; executors need not share the driver's file
    // system, so the files travel as text and are written to local directories of this JVM's own.
    Path rulesDir = spec.ruleFiles().isEmpty() ? null : writeFiles(spec.ruleFiles(), "care-spark-rules");
    Path codeListsDir = spec.codeListFiles().isEmpty() ? null : writeFiles(spec.codeListFiles(), "care-spark-code-lists");
    CareRules rules;
    try {
      if (rulesDir != null) {
        builder.ruleDirectory(rulesDir);
      }
      if (codeListsDir != null) {
        builder.codeLists(codeListsDir);
      }
      rules = builder.build();
    } finally {
      deleteQuietly(rulesDir);
      deleteQuietly(codeListsDir);
    }
    Map<String, Pcn> byPractice = new HashMap<>();
    for (String json : spec.pcnJson()) {
      Pcn pcn = CareJson.read(json, Pcn.class);
      for (Practice p : pcn.practices()) {
        byPractice.put(p.odsCode(), pcn);
      }
    }
    return new ExecutorRules(rules, Map.copyOf(byPractice));
  }

  private static Path writeFiles(Map<String, String> files, String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + prefix + " files to a local directory", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
