package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drools.core.common.BaseNode;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.kie.api.runtime.KieSession;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.RuleSource;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * Benchmark-only probe, shipped in care-rules' test jar (never its production jar) so it can reach
 * the package-private engine parts without widening care-rules' API or splitting its package
 * across modules: splits one evaluation into fact assembly and the bare Drools session run, to see
 * where the time goes. The benchmarks module depends on the test jar.
 */
public final class SessionProbe {
  private final RuleBase ruleBase;
  private final RuleBase resetting;
  private final FactAssembler assembler;
  private final Context context;

  /** The built-in rules (precompiled, as {@code CareRules} loads them) as of this date. */
  public SessionProbe(LocalDate asOf) {
    this(asOf, RuleBase.compile(Engine.builtInSources()));
  }

  /** These rule sources, compiled from their DRL now, never precompiled: to compare phrasings of rules. */
  public SessionProbe(LocalDate asOf, List<RuleSource> sources) {
    this(asOf, RuleBase.compile(sources, false));
  }

  private SessionProbe(LocalDate asOf, RuleBase ruleBase) {
    CodeClusters codeList = CodeClusters.builtIn();
    this.ruleBase = ruleBase;
    this.resetting = ruleBase.resettingSessions();
    this.assembler = new FactAssembler(codeList);
    this.context = new Context(asOf, Thresholds.defaults(), codeList.version());
  }

  /**
   * The rule network's nodes by kind ({@code AccumulateNode}, {@code ExistsNode}, {@code JoinNode}…):
   * conditions written alike in several rules share their nodes, so fewer nodes means less work.
   */
  public Map<String, Integer> networkNodes() {
    Map<String, Integer> counts = new TreeMap<>();
    Set<BaseNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<BaseNode> next = new ArrayDeque<>(((InternalRuleBase) ruleBase.kieBase()).getRete().getObjectTypeNodes());
    while (!next.isEmpty()) {
      BaseNode node = next.poll();
      if (!seen.add(node)) {
        continue;
      }
      counts.merge(node.getClass().getSimpleName(), 1, Integer::sum);
      if (node instanceof ObjectSource source) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
          next.add((BaseNode) sink);
        }
      }
      if (node instanceof LeftTupleSource source) {
        for (LeftTupleSink sink : source.getSinkPropagator().getSinks()) {
          next.add((BaseNode) sink);
        }
      }
    }
    return counts;
  }

  /** The facts one evaluation inserts. */
  public List<Object> facts(PatientCase c, Pcn pcn) {
    return assembler.patientFacts(c, c.coordinatorId().flatMap(pcn::supervisionOf), context.getAsOf());
  }

  /** Runs a reused session over prepared facts, as CareRules does; returns the raised count. */
  public int execute(List<Object> facts) {
    return execute(ruleBase, facts);
  }

  /** The same with sessions reset by Drools' pool between evaluations (before facts were deleted). */
  public int executeResetting(List<Object> facts) {
    return execute(resetting, facts);
  }

  /** A reused session with no person: the fixed cost of taking, firing and clearing a session. */
  public int executeEmpty() {
    return execute(List.of());
  }

  private int execute(RuleBase rules, List<Object> facts) {
    CollectedOutcomes outcomes = new CollectedOutcomes();
    rules.execute(facts, context, outcomes);
    return outcomes.raised().size();
  }

  /** The same in a session made for this call alone, as before sessions were pooled. */
  public int executeFresh(List<Object> facts) {
    return fresh(facts).raised().size();
  }

  /** What a reused session raised, each output with its rule, reasons, facts and due date, sorted. */
  public List<String> describeReused(List<Object> facts) {
    CollectedOutcomes outcomes = new CollectedOutcomes();
    ruleBase.execute(facts, context, outcomes);
    return describe(outcomes);
  }

  /** As {@link #describeReused} in a session made for this call alone. */
  public List<String> describeFresh(List<Object> facts) {
    return describe(fresh(facts));
  }

  private CollectedOutcomes fresh(List<Object> facts) {
    CollectedOutcomes outcomes = new CollectedOutcomes();
    KieSession session = ruleBase.kieBase().newKieSession();
    try {
      ruleBase.run(session, facts, context, outcomes);
    } finally {
      session.dispose();
    }
    return outcomes;
  }

  private static List<String> describe(CollectedOutcomes outcomes) {
    return outcomes.raised().stream()
        .map(o -> o + " " + o.reasons() + " " + o.facts() + " due " + o.getDueOn())
        .sorted()
        .toList();
  }
}
