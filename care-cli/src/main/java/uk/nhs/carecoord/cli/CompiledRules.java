package uk.nhs.carecoord.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.RuleSource;

/**
 * Compiles rules, remembering the last few compilations by the exact text of the rule files, so
 * that a process running several commands (a test suite, a host embedding the command line)
 * compiles the same rules once. A changed file changes the key, so it is always recompiled.
 */
final class CompiledRules {
  private static final int KEPT = 4;

  private record Key(boolean builtIns, List<RuleSource> directory, String codeClustersVersion) {}

  private static final Map<Key, CareRules> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, CareRules> eldest) {
      return size() > KEPT;
    }
  };

  private CompiledRules() {}

  /**
   * The built-in rules (unless {@code builtIns} is false) plus a directory's rule files (if not
   * null), evaluating as of {@code asOf}.
   *
   * @throws uk.nhs.carecoord.rules.RuleCompilationException if they do not compile
   */
  static CareRules of(Path directory, boolean builtIns, LocalDate asOf) {
    return of(directory, builtIns, asOf, CodeClusters.builtIn());
  }

  /** As {@link #of(Path, boolean, LocalDate)}, with these code clusters. */
  static CareRules of(Path directory, boolean builtIns, LocalDate asOf, CodeClusters clusters) {
    Key key = new Key(builtIns, directory == null ? List.of() : RuleSource.fromDirectory(directory), clusters.version());
    CareRules rules;
    synchronized (CACHE) {
      rules = CACHE.get(key);
    }
    if (rules == null) {
      CareRules.Builder builder = CareRules.builder().builtInRules(builtIns).asOf(asOf).codeClusters(clusters);
      if (directory != null) {
        builder.ruleDirectory(directory);
      }
      rules = builder.build();
      synchronized (CACHE) {
        CACHE.put(key, rules);
      }
    }
    return rules.asOf(asOf);
  }
}
