package uk.nhs.carecoord.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * A compiled rule base and what is known of its rule sets: which file each rule came from, that
 * file's declared version and its digest. Immutable; swapped whole on reload.
 */
final class RuleBase {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
  private static final Pattern VERSION = Pattern.compile("(?m)^\\s*//\\s*@version\\s+(\\S+)");

  private final KieBase kieBase;
  private final Origin origin;
  private final StatelessKieSession session;
  private final KieSessionsPool pool;
  private final Map<String, RuleSetInfo> ruleSetByRule;
  private final List<RuleSetInfo> ruleSets;

  private RuleBase(KieBase kieBase, Origin origin, Map<String, RuleSetInfo> ruleSetByRule, List<RuleSetInfo> ruleSets) {
    this.kieBase = kieBase;
    this.origin = origin;
    this.session = kieBase.newStatelessKieSession();
    // Creating a session per person dominated evaluation time (BENCHMARKS.md): reuse pooled ones.
    this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    this.ruleSetByRule = ruleSetByRule;
    this.ruleSets = ruleSets;
  }

  /**
   * Compiles the sources, or loads them precompiled if they are exactly the built-in rule sets;
   * throws {@link RuleCompilationException} listing every problem.
   */
  static RuleBase compile(List<RuleSource> sources) {
    return compile(sources, true);
  }

  /** As {@link #compile(List)}; {@code usePrecompiled} false always compiles the DRL (tests). */
  static RuleBase compile(List<RuleSource> sources, boolean usePrecompiled) {
    Optional<KieBase> precompiled = usePrecompiled ? PrecompiledRules.load(sources) : Optional.empty();
    Origin origin = precompiled.isPresent() ? Origin.PRECOMPILED : Origin.COMPILED_AT_RUN_TIME;
    KieBase kieBase = precompiled.orElseGet(() -> new DrlCompiler().compile(sources));
    Map<String, RuleSetInfo> byRule = new HashMap<>();
    List<RuleSetInfo> infos = sources.stream().map(RuleBase::describe).toList();
    for (int i = 0; i < sources.size(); i++) {
      String text = sources.get(i).text();
      Matcher pkg = PACKAGE.matcher(text);
      String packageName = pkg.find() ? pkg.group(1) : "";
      Matcher rule = RULE.matcher(text);
      while (rule.find()) {
        String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
        byRule.put(key(packageName, name), infos.get(i));
      }
    }
    return new RuleBase(kieBase, origin, Map.copyOf(byRule), infos);
  }

  private static RuleSetInfo describe(RuleSource source) {
    Matcher version = VERSION.matcher(source.text());
    String name = source.name().replaceAll("^.*/", "").replaceAll("\\.drl$", "");
    return new RuleSetInfo(name, source.name(), version.find() ? version.group(1) : "unversioned", Hashing.sha256Hex(source.text(), 6));
  }

  private static String key(String packageName, String ruleName) {
    return packageName + "/" + ruleName;
  }

  /**
   * Inserts the facts into a pooled session, fires the rules and returns the session to the pool,
   * which resets it, also when a rule throws.
   */
  void execute(List<Object> facts) {
    KieSession kieSession = pool.newKieSession();
    try {
      for (Object fact : facts) {
        kieSession.insert(fact);
      }
      kieSession.fireAllRules();
    } finally {
      kieSession.dispose();
    }
  }

  StatelessKieSession session() {
    return session;
  }

  KieBase kieBase() {
    return kieBase;
  }

  Origin origin() {
    return origin;
  }

  List<RuleSetInfo> ruleSets() {
    return ruleSets;
  }

  RuleSetInfo ruleSetOf(String packageName, String ruleName) {
    RuleSetInfo info = ruleSetByRule.get(key(packageName, ruleName));
    return info != null ? info : new RuleSetInfo(packageName, "", "unversioned", "unknown");
  }

  /** Whether the KieBase came from {@link PrecompiledRules} or from compiling DRL at run time. */
  enum Origin { PRECOMPILED, COMPILED_AT_RUN_TIME }

  /** A rule set: the DRL file's name, path, declared version and digest. */
  record RuleSetInfo(String name, String path, String version, String digest) {}
}
