package uk.nhs.carecoord.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.StatelessKieSession;
import uk.nhs.carecoord.model.CodeList;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;

/**
 * Benchmark-only probe, in care-rules' package (split package, class path only) so it can reach the
 * package-private engine parts without changing care-rules: splits one evaluation into fact
 * assembly and the bare Drools session run, to see where the time goes, and tries Drools' session
 * pool as an alternative to a fresh stateless session per person.
 */
public final class SessionProbe {
  private final RuleBase ruleBase;
  private final FactAssembler assembler;
  private final Thresholds thresholds = Thresholds.defaults();
  private final CodeList codeList = CodeList.bundled();
  private final LocalDate asOf;
  /** A stateless session backed by Drools' session pool, which resets and reuses sessions. */
  private final StatelessKieSession pooled;

  public SessionProbe(LocalDate asOf) {
    this.asOf = asOf;
    this.ruleBase = RuleBase.compile(RuleSource.fromClasspath(SessionProbe.class.getClassLoader(),
        "uk/nhs/carecoord/rules/drl/", CareRules.BUILT_IN));
    this.assembler = new FactAssembler(codeList);
    this.pooled = ruleBase.kieBase().newKieSessionsPool(4).newStatelessKieSession();
  }

  /** The facts one evaluation inserts, minus Context and Outcomes. */
  public List<Object> facts(PatientCase c, Pcn pcn) {
    return assembler.patientFacts(c, c.coordinatorId().flatMap(pcn::supervisionOf), asOf);
  }

  /** Runs a stateless session over prepared facts, as CareRules does; returns the raised count. */
  public int execute(List<Object> facts) {
    return execute(ruleBase.session(), facts);
  }

  /** The same through the pooled session (an experiment: CareRules does not pool). */
  public int executePooled(List<Object> facts) {
    return execute(pooled, facts);
  }

  private int execute(StatelessKieSession session, List<Object> facts) {
    Outcomes outcomes = new Outcomes();
    List<Object> all = new ArrayList<>(facts.size() + 2);
    all.add(new Context(asOf, thresholds, codeList.version()));
    all.add(outcomes);
    all.addAll(facts);
    session.execute(all);
    return outcomes.raised().size();
  }

  /** A session with only Context and Outcomes: the fixed cost of a session, no person. */
  public int executeEmpty() {
    return execute(List.of());
  }

}
