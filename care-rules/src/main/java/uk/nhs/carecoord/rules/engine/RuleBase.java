package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.reteoo.InitialFactImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.TypeDeclaration;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.type.Role;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.rules.RuleProblem;
import uk.nhs.carecoord.rules.RuleSource;
import uk.nhs.carecoord.rules.authoring.Outcomes;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * A compiled rule base and what is known of its rule sets: which file each rule came from, that
 * file's declared version and its digest. Immutable; swapped whole on reload.
 *
 * <p>Rules reach the evaluation's settings and output through globals ({@link #GLOBALS}) set on
 * the session for each evaluation, never through a fact every rule joins, which would cost every
 * rule work for every person (BENCHMARKS.md): a rule matching {@link Outcomes} as a fact is refused.
 *
 * <p>Each evaluation has a session to itself and sees one person's facts only. Sessions are reused
 * ({@link SessionReuse}): resetting every node memory of a pooled session was a quarter of the
 * engine's time, so where no rule can match without a fact of the evaluation, deleting that
 * evaluation's facts leaves the session as a new one would be, at less cost.
 */
final class RuleBase {
  private static final String OUT = "out";
  private static final String THRESHOLDS = "thresholds";
  private static final String AS_OF = "asOf";
  /** The globals the engine sets for each evaluation, by name, and their types. */
  static final Map<String, Class<?>> GLOBALS = Map.of(OUT, Outcomes.class, THRESHOLDS, Thresholds.class, AS_OF, LocalDate.class);


  private final KieBase kieBase;
  private final Origin origin;
  private final SessionReuse reuse;
  /** Sessions cleared by deleting their facts, waiting for the next evaluation ({@link SessionReuse#DELETE_FACTS}). */
  private final BlockingQueue<ReusedSession> idle;
  private final AtomicInteger sessionsMade = new AtomicInteger();
  /** Sessions reset by Drools when given back ({@link SessionReuse#RESET}). */
  private final KieSessionsPool pool;
  /** By package, then rule name: looked up for every output, so no key is built per lookup. */
  private final Map<String, Map<String, RuleSetInfo>> ruleSetByRule;
  private final List<RuleSetInfo> ruleSets;
  private final Set<String> declaredGlobals;

  private RuleBase(
      KieBase kieBase, Origin origin, SessionReuse reuse, Map<String, Map<String, RuleSetInfo>> ruleSetByRule,
      List<RuleSetInfo> ruleSets) {
    this.kieBase = kieBase;
    this.origin = origin;
    // Creating a session per person dominated evaluation time (BENCHMARKS.md): reuse them.
    this.reuse = reuse;
    int sessions = 2 * Runtime.getRuntime().availableProcessors();
    this.idle = reuse == SessionReuse.DELETE_FACTS ? new ArrayBlockingQueue<>(sessions) : null;
    this.pool = reuse == SessionReuse.RESET ? kieBase.newKieSessionsPool(sessions) : null;
    this.ruleSetByRule = ruleSetByRule;
    this.ruleSets = ruleSets;
    this.declaredGlobals = kieBase.getKiePackages().stream()
        .flatMap(p -> p.getGlobalVariables().stream()).map(Global::getName).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<Class<?>> matchedClasses(KieBase kieBase) {
    Set<Class<?>> classes = new HashSet<>();
    for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
      if (node.getObjectType() instanceof ClassObjectType type) {
        classes.add(type.getClassType());
      }
    }
    return classes;
  }

  /**
   * Compiles the sources, taking the built-in rule sets precompiled where {@link PrecompiledRules}
   * can serve them; throws {@link RuleCompilationException} listing every problem.
   */
  static RuleBase compile(List<RuleSource> sources) {
    return compile(sources, true);
  }

  /** As {@link #compile(List)}; {@code usePrecompiled} false always compiles the DRL (tests). */
  static RuleBase compile(List<RuleSource> sources, boolean usePrecompiled) {
    Optional<PrecompiledRules.Loaded> precompiled = usePrecompiled ? PrecompiledRules.load(sources) : Optional.empty();
    Origin origin = precompiled.map(p -> p.compiledNow() == 0 ? Origin.PRECOMPILED : Origin.PRECOMPILED_PLUS_COMPILED_AT_RUN_TIME)
        .orElse(Origin.COMPILED_AT_RUN_TIME);
    KieBase kieBase = precompiled.map(PrecompiledRules.Loaded::kieBase).orElseGet(() -> new DrlCompiler().compile(sources));
    checkGlobals(kieBase, sources);
    checkNoOutcomesFact(kieBase, sources);
    Map<String, Map<String, RuleSetInfo>> byRule = new HashMap<>();
    List<RuleSetInfo> infos = new ArrayList<>();
    for (RuleSource source : sources) {
      DrlReader.DrlFile file = DrlReader.read(source);
      RuleSetInfo info = new RuleSetInfo(file.ruleSetName(), source.name(), file.version(), Hashing.sha256Hex(source.text(), 6));
      infos.add(info);
      for (DrlReader.DrlRule rule : file.rules()) {
        byRule.computeIfAbsent(file.packageName(), p -> new HashMap<>()).put(rule.name(), info);
      }
    }
    return new RuleBase(kieBase, origin, SessionReuse.allowedFor(kieBase), Map.copyOf(byRule), List.copyOf(infos));
  }

  /** The same rules, with sessions reset by Drools between evaluations (for comparison). */
  RuleBase resettingSessions() {
    return new RuleBase(kieBase, origin, SessionReuse.RESET, ruleSetByRule, ruleSets);
  }

  /** A global the engine does not set would be null in every rule that reads it: refuse it. */
  private static void checkGlobals(KieBase kieBase, List<RuleSource> sources) {
    List<RuleProblem> problems = new ArrayList<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Global global : pkg.getGlobalVariables()) {
        Class<?> expected = GLOBALS.get(global.getName());
        if (expected == null || !expected.getName().equals(global.getType())) {
          problems.add(globalProblem(pkg.getName(), global, expected, sources));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleCompilationException(problems);
    }
  }

  /** The output is a global: a rule matching it as a fact would never fire. */
  private static void checkNoOutcomesFact(KieBase kieBase, List<RuleSource> sources) {
    if (!matchedClasses(kieBase).contains(Outcomes.class)) {
      return;
    }
    String message = "Outcomes is not a fact: declare 'global Outcomes out;' and raise outputs with out.cohort(drools, …)";
    Pattern pattern = Pattern.compile("^\\s*(?:\\$[\\w$]+\\s*:\\s*)?Outcomes\\s*\\(");
    for (RuleSource source : sources) {
      String[] lines = DrlReader.blankComments(source.text()).split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        if (pattern.matcher(lines[i]).find()) {
          throw new RuleCompilationException(List.of(new RuleProblem(source.name(), i + 1, message)));
        }
      }
    }
    throw new RuleCompilationException(List.of(new RuleProblem("", 0, message)));
  }

  private static RuleProblem globalProblem(String packageName, Global global, Class<?> expected, List<RuleSource> sources) {
    String message = expected == null
        ? "global " + global.getName() + " is not set by the engine, which sets only "
            + GLOBALS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().getSimpleName() + " " + e.getKey()).collect(Collectors.joining(", "))
        : "global " + global.getName() + " must be declared as " + expected.getName() + ", not " + global.getType();
    Pattern declaration = Pattern.compile("^\\s*global\\s+\\S+\\s+" + Pattern.quote(global.getName()) + "\\b");
    for (RuleSource source : sources) {
      if (packageOf(source).equals(packageName)) {
          String[] lines = DrlReader.blankComments(source.text()).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
          if (declaration.matcher(lines[i]).find()) {
            return new RuleProblem(source.name(), i + 1, message);
          }
        }
      }
    }
    return new RuleProblem("", 0, message);
  }

  /** The package a DRL source declares, or "" if none. */
  static String packageOf(RuleSource source) {
    return DrlReader.read(source).packageName();
  }

  /**
   * Runs one evaluation in a session of its own, reused from an earlier evaluation where there is
   * one. A session whose evaluation failed is never reused.
   */
  void execute(List<Object> facts, Context context, CollectedOutcomes outcomes) {
    if (reuse == SessionReuse.RESET) {
      KieSession kieSession = pool.newKieSession();
      try {
        run(kieSession, facts, context, outcomes);
      } finally {
        kieSession.dispose(); // gives it back to the pool, which resets it
      }
      return;
    }
    ReusedSession reused = idle.poll();
    if (reused == null) {
      reused = new ReusedSession(kieBase.newKieSession());
      sessionsMade.incrementAndGet();
    }
    boolean cleared = false;
    try {
      run(reused, facts, context, outcomes);
      cleared = clear(reused.kieSession);
    } finally {
      if (!cleared || ++reused.evaluations >= EVALUATIONS_PER_SESSION || !idle.offer(reused)) {
        reused.kieSession.dispose();
      }
    }
  }

  /**
   * Runs one evaluation in a new session that reports every rule that fires, by package and name
   * (for coverage); the session is disposed of afterwards, never reused.
   */
  void executeTraced(List<Object> facts, Context context, CollectedOutcomes outcomes, java.util.function.BiConsumer<String, String> fired) {
    KieSession kieSession = kieBase.newKieSession();
    try {
      kieSession.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
          fired.accept(event.getMatch().getRule().getPackageName(), event.getMatch().getRule().getName());
        }
      });
      run(kieSession, facts, context, outcomes);
    } finally {
      kieSession.dispose();
    }
  }

  /**
   * How many evaluations one session serves before it is replaced. Drools evaluates a rule only
   * when all its inputs are present, so the deletions that reach a rule which then stays idle
   * (say, one for a cohort nobody else is in) wait in its memory until it runs again: a few
   * hundred bytes per evaluation that only a new session frees. Making a session costs less than
   * one evaluation, so this bounds that memory at no measurable cost (HeapGrowthCheck).
   */
  static final int EVALUATIONS_PER_SESSION = 1_000;

  /** A session kept for reuse by deleting facts, and how many evaluations it has served. */
  private static final class ReusedSession {
    final KieSession kieSession;
    int evaluations;
    /** The thresholds and reference date last set as globals (thresholds by identity: the global is that object). */
    Thresholds thresholds;
    LocalDate asOf;

    ReusedSession(KieSession kieSession) {
      this.kieSession = kieSession;
    }
  }

  /**
   * Deletes every fact, the evaluation's and those its rules inserted, and lets the network settle
   * (Drools evaluates it lazily: an {@code exists} that goes false here and true again in the next
   * evaluation must be seen to, or its rule would not fire again). Whether the session is now as
   * new: no rule fired on the empty session, as {@link SessionReuse#DELETE_FACTS} requires.
   */
  private boolean clear(KieSession kieSession) {
    for (FactHandle handle : new ArrayList<FactHandle>(kieSession.getFactHandles())) {
      kieSession.delete(handle);
    }
    // Anything raised now belongs to no evaluation; the session is then not reused.
    setGlobal(kieSession, OUT, new CollectedOutcomes());
    return kieSession.fireAllRules() == 0;
  }

  /** Sets the globals, inserts the facts into the session and fires the rules. */
  void run(KieSession kieSession, List<Object> facts, Context context, CollectedOutcomes outcomes) {
    setGlobal(kieSession, OUT, outcomes);
    setGlobal(kieSession, THRESHOLDS, context.getThresholds());
    setGlobal(kieSession, AS_OF, context.getAsOf());
    insertAndFire(kieSession, facts);
  }

  /** As {@link #run(KieSession, List, Context, CollectedOutcomes)}, setting only the globals that changed since the session's last evaluation. */
  private void run(ReusedSession reused, List<Object> facts, Context context, CollectedOutcomes outcomes) {
    setGlobal(reused.kieSession, OUT, outcomes);
    if (reused.thresholds != context.getThresholds()) {
      setGlobal(reused.kieSession, THRESHOLDS, context.getThresholds());
      reused.thresholds = context.getThresholds();
    }
    if (!context.getAsOf().equals(reused.asOf)) {
      setGlobal(reused.kieSession, AS_OF, context.getAsOf());
      reused.asOf = context.getAsOf();
    }
    insertAndFire(reused.kieSession, facts);
  }

  private static void insertAndFire(KieSession kieSession, List<Object> facts) {
    for (Object fact : facts) {
      kieSession.insert(fact);
    }
    kieSession.fireAllRules();
  }

  private void setGlobal(KieSession kieSession, String name, Object value) {
    // Drools refuses a global that no rule set declares.
    if (declaredGlobals.contains(name)) {
      kieSession.setGlobal(name, value);
    }
  }

  KieBase kieBase() {
    return kieBase;
  }

  Origin origin() {
    return origin;
  }

  SessionReuse sessionReuse() {
    return reuse;
  }

  /** What in these rules makes Drools reset sessions between evaluations, if anything. */
  Optional<String> whyReset() {
    return SessionReuse.whyReset(kieBase);
  }

  /** How many sessions {@link SessionReuse#DELETE_FACTS} has made so far. */
  int sessionsMade() {
    return sessionsMade.get();
  }

  List<RuleSetInfo> ruleSets() {
    return ruleSets;
  }

  RuleSetInfo ruleSetOf(String packageName, String ruleName) {
    RuleSetInfo info = ruleSetByRule.getOrDefault(packageName, Map.of()).get(ruleName);
    return info != null ? info : new RuleSetInfo(packageName, "", "unversioned", "unknown");
  }

  /**
   * Whether the KieBase came from {@link PrecompiledRules}, from those plus added files compiled
   * at run time, or from compiling every DRL file at run time.
   */
  enum Origin { PRECOMPILED, PRECOMPILED_PLUS_COMPILED_AT_RUN_TIME, COMPILED_AT_RUN_TIME }

  /**
   * How a session is made ready for the next evaluation.
   *
   * <p>{@link #DELETE_FACTS} is used only when a session with its facts deleted behaves exactly
   * as a new one:
   *
   * <ul>
   *   <li>no rule can match a session without facts: each has a pattern on a fact, or an {@code
   *       exists} over one, outside {@code not}, {@code accumulate} and {@code from}. A rule that
   *       matches an empty session would keep that match after the deletion and, having fired
   *       once, never fire for the next person;
   *   <li>every rule is in the default agenda group, with no activation or rule-flow group,
   *       auto-focus, lock-on-active or timer (agenda state that outlives the facts);
   *   <li>there are no events and no entry point but the default one.
   * </ul>
   *
   * Anything else uses {@link #RESET}.
   */
  enum SessionReuse {
    /** Delete the evaluation's facts (and those its rules inserted) from the session. */
    DELETE_FACTS,
    /** Reset every node memory and the agenda: Drools' {@link KieSessionsPool}. */
    RESET;

    static SessionReuse allowedFor(KieBase kieBase) {
      return whyReset(kieBase).isPresent() ? RESET : DELETE_FACTS;
    }

    /** What in these rules rules out {@link #DELETE_FACTS}, if anything. */
    static Optional<String> whyReset(KieBase kieBase) {
      InternalRuleBase rete = (InternalRuleBase) kieBase;
      for (EntryPointId entryPoint : rete.getRete().getEntryPointNodes().keySet()) {
        if (!EntryPointId.DEFAULT.equals(entryPoint)) {
          return Optional.of("entry point " + entryPoint.getEntryPointId());
        }
      }
      for (TypeDeclaration type : rete.getTypeDeclarations()) {
        if (type.getRole() == Role.Type.EVENT) {
          return Optional.of("events of type " + type.getTypeName());
        }
      }
      for (KiePackage pkg : kieBase.getKiePackages()) {
        for (org.kie.api.definition.rule.Rule r : pkg.getRules()) {
          RuleImpl rule = (RuleImpl) r;
          if (rule.isQuery()) {
            continue;
          }
          if (!rule.getLhs().isAnd() || rule.getLhs().getChildren().stream().noneMatch(SessionReuse::needsAFact)) {
            return Optional.of("rule \"" + rule.getName() + "\" can match with no facts in the session (it has no pattern "
                + "matching a fact, nor an exists over one, outside not, accumulate and from)");
          }
          if (!rule.isMainAgendaGroup() || isSet(rule.getActivationGroup())
              || isSet(rule.getRuleFlowGroup()) || rule.getAutoFocus() || rule.isLockOnActive() || rule.getTimer() != null) {
            return Optional.of("rule \"" + rule.getName() + "\" uses an agenda, activation or rule-flow group, auto-focus, "
                + "lock-on-active or a timer");
          }
        }
      }
      return Optional.empty();
    }

    /** Whether no match of this condition can exist without some fact in the session. */
    private static boolean needsAFact(RuleConditionElement condition) {
      if (condition instanceof org.drools.base.rule.Pattern pattern) { // not java.util.regex's
        boolean fromTheSession = pattern.getSource() == null || pattern.getSource() instanceof EntryPointId;
        return fromTheSession
            && !(pattern.getObjectType() instanceof ClassObjectType type && InitialFactImpl.class.equals(type.getClassType()));
      }
      if (condition instanceof GroupElement group) {
        if (group.isAnd() || group.isExists()) {
          return group.getChildren().stream().anyMatch(SessionReuse::needsAFact);
        }
        if (group.isOr()) {
          return group.getChildren().stream().allMatch(SessionReuse::needsAFact);
        }
      }
      return false; // not, forall, eval, accumulate and the like can hold in an empty session
    }

    private static boolean isSet(String group) {
      return group != null && !group.isEmpty();
    }
  }

  /** A rule set: the DRL file's name, path, declared version and digest. */
  record RuleSetInfo(String name, String path, String version, String digest) {}
}
