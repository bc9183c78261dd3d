package uk.nhs.carecoord.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final StatelessKieSession session;
  private final KieSessionsPool pool;
  private final Map<String, RuleSetInfo> ruleSetByRule;
  private final List<RuleSetInfo> ruleSets;

  private RuleBase(KieBase kieBase, Map<String, RuleSetInfo> ruleSetByRule, List<RuleSetInfo> ruleSets) {
    this.kieBase = kieBase;
    this.session = kieBase.newStatelessKieSession();
    // Creating a session per person dominated evaluation time (BENCHMARKS.md): reuse pooled ones.
    this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    this.ruleSetByRule = ruleSetByRule;
    this.ruleSets = ruleSets;
  }

  /** Compiles the sources; throws {@link RuleCompilationException} listing every problem. */
  static RuleBase compile(List<RuleSource> sources) {
    KieBase kieBase = new DrlCompiler().compile(sources);
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
    return new RuleBase(kieBase, Map.copyOf(byRule), infos);
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

  List<RuleSetInfo> ruleSets() {
    return ruleSets;
  }

  RuleSetInfo ruleSetOf(String packageName, String ruleName) {
    RuleSetInfo info = ruleSetByRule.get(key(packageName, ruleName));
    return info != null ? info : new RuleSetInfo(packageName, "", "unversioned", "unknown");
  }

  /** A rule set: the DRL file's name, path, declared version and digest. */
  record RuleSetInfo(String name, String path, String version, String digest) {}
}
