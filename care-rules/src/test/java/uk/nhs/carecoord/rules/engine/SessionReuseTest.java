package uk.nhs.carecoord.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.runtime.KieSession;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.rules.RuleSource;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * A reused session decides for each evaluation exactly what a new session would, whatever was
 * evaluated in it before; rule bases where deleting facts would not make a session as new reset
 * their sessions instead.
 */
class SessionReuseTest {
  static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  static final CodeClusters CODES = CodeClusters.builtIn();
  static final Context CONTEXT = new Context(AS_OF, Thresholds.defaults(), CODES.version());

  /** Derives a fact by logical insertion, which Drools retracts itself when its cause goes. */
  static final String LOGICAL_INSERTION = """
      package local.logical;
      import uk.nhs.carecoord.rules.authoring.Outcomes;
      import uk.nhs.carecoord.rules.Priority;
      import uk.nhs.carecoord.rules.engine.SpikeFact;
      import uk.nhs.carecoord.rules.authoring.PatientFacts;

      global Outcomes out;

      declare Older
          years : int
      end

      rule "Older than 80, derived"
      when
          PatientFacts( age > 80, $age : age )
      then
          insertLogical(new Older($age));
      end

      rule "Older people raised from the derived fact"
      when
          Older( $years : years )
      then
          out.recommendation(drools, "OLDER", Priority.LOW, "Older").reason("Aged " + $years);
      end

      rule "Spike derived"
      when
          SpikeFact( $name : name, $age : age )
      then
          insertLogical(new Older($age));
          out.recommendation(drools, "SPIKE", $name, Priority.LOW, "Spike").reason($name);
      end

      rule "Any spike named a"
      when
          exists SpikeFact( name == "a" )
      then
          out.recommendation(drools, "ANY_A", Priority.LOW, "Some a").reason("a");
      end

      rule "No b, but a c"
      when
          not SpikeFact( name == "b" )
          SpikeFact( name == "c", $age : age )
      then
          out.recommendation(drools, "C_WITHOUT_B", Priority.LOW, "c without b").reason("c aged " + $age);
      end

      rule "Two spikes or more"
      when
          $n : Number( intValue >= 2 ) from accumulate( SpikeFact(), count(1) )
          exists SpikeFact()
      then
          out.recommendation(drools, "SEVERAL", Priority.LOW, "Several").reason($n + " spikes");
      end

      rule "A spike named boom fails"
      when
          SpikeFact( name == "boom" )
      then
          throw new IllegalStateException("boom");
      end
      """;

  /** A rule author's added file in the usual style (as CareRulesTest adds it). */
  static final String LOCAL_COHORT = """
      // @version 1.0.0
      package local.cohorts;
      import uk.nhs.carecoord.rules.authoring.Outcomes;
      import uk.nhs.carecoord.rules.Priority;
      import uk.nhs.carecoord.rules.authoring.PatientFacts;
      import uk.nhs.carecoord.model.ClinicalFlag;

      global Outcomes out;

      rule "Housebound people"
      when
          PatientFacts( flags contains ClinicalFlag.HOUSEBOUND )
      then
          out.cohort(drools, "HOUSEBOUND", Priority.MEDIUM, "Housebound").reason("Flagged housebound");
      end
      """;

  static final RuleBase RULES = RuleBase.compile(withBuiltIns(LOCAL_COHORT, LOGICAL_INSERTION));
  static final FactAssembler ASSEMBLER = new FactAssembler(CODES);

  @Test
  void theBuiltInRulesAndAddedFilesInTheUsualStyleReuseSessionsByDeletingFacts() {
    for (RuleBase rules : List.of(RuleBase.compile(Engine.builtInSources()), RuleBase.compile(Engine.builtInSources(), false), RULES)) {
      assertEquals(Optional.empty(), RuleBase.SessionReuse.whyReset(rules.kieBase()));
      assertEquals(RuleBase.SessionReuse.DELETE_FACTS, rules.sessionReuse());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "rule r when not PatientFacts() then end",
      "rule r when not PamFacts() not PlanFacts() then end",
      "rule r when Number() from accumulate(PatientFacts(), count(1)) then end",
      "rule r when eval(true) then end",
      "rule r when PatientFacts() or not PamFacts() then end",
      "rule r agenda-group \"later\" when PatientFacts() then end",
      "rule r activation-group \"one\" when PatientFacts() then end",
      "rule r ruleflow-group \"flow\" when PatientFacts() then end",
      "rule r auto-focus true when PatientFacts() then end",
      "rule r lock-on-active true when PatientFacts() then end",
      "rule r timer (int: 1h) when PatientFacts() then end",
      "rule r when PatientFacts() from entry-point \"elsewhere\" then end",
      "declare PatientFacts @role(event) end\nrule r when PatientFacts() then end",
      "rule r when uk.nhs.carecoord.rules.engine.SpikeEvent() then end",
  })
  void rulesWithStateBeyondTheFactsResetSessionsInstead(String rule) {
    assertEquals(RuleBase.SessionReuse.RESET, reuseWithBuiltInsAnd(rule), rule);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "rule r when exists PamFacts() then end",
      "rule r when not PamFacts() PatientFacts() then end",
      "rule r when accumulate(PatientFacts(), $n : count(1)) exists PlanFacts() then end",
      "rule r when PatientFacts() or PamFacts() then end",
  })
  void rulesThatNeedAFactReuseSessionsByDeletingFacts(String rule) {
    assertEquals(RuleBase.SessionReuse.DELETE_FACTS, reuseWithBuiltInsAnd(rule), rule);
  }

  private static RuleBase.SessionReuse reuseWithBuiltInsAnd(String rule) {
    String drl = "package local.added;\nimport uk.nhs.carecoord.rules.authoring.*;\n" + rule + "\n";
    return RuleBase.compile(withBuiltIns(drl)).sessionReuse();
  }

  @Test
  void aRuleThatMatchesAnEmptySessionFiresForEveryEvaluation() {
    String drl = """
        package local.nopam;
        import uk.nhs.carecoord.rules.authoring.Outcomes;
        import uk.nhs.carecoord.rules.Priority;
        import uk.nhs.carecoord.rules.authoring.PamFacts;
        global Outcomes out;
        rule "No PAM on record"
        when
            not PamFacts()
        then
            out.recommendation(drools, "NO_PAM", Priority.LOW, "No PAM");
        end
        """;
    RuleBase rules = RuleBase.compile(List.of(new RuleSource("nopam.drl", drl)));
    assertEquals(RuleBase.SessionReuse.RESET, rules.sessionReuse());
    for (int i = 0; i < 3; i++) {
      assertEquals("[RECOMMENDATION NO_PAM by No PAM on record]", execute(rules, List.of()).raised().toString(), "evaluation " + i);
    }
  }

  @Provide
  Arbitrary<List<PatientCase>> people() {
    return CareArbitraries.patientCases(AS_OF).list().ofMinSize(2).ofMaxSize(8);
  }

  @Property(tries = 60)
  void eachPersonInAReusedSessionGetsWhatANewSessionGives(@ForAll("people") List<PatientCase> people) {
    for (PatientCase c : people) {
      List<Object> facts = ASSEMBLER.patientFacts(c, Optional.empty(), AS_OF);
      assertEquals(describe(fresh(RULES, facts)), describe(execute(RULES, facts)));
    }
  }

  @Provide
  Arbitrary<List<List<String>>> spikes() {
    return Arbitraries.of("a", "b", "c", "boom").list().ofMaxSize(3).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 200)
  void derivedFactsAndFailedEvaluationsLeaveNothingForTheNext(@ForAll("spikes") List<List<String>> evaluations) {
    for (List<String> names : evaluations) {
      List<Object> facts = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        facts.add(new SpikeFact(names.get(i), 81 + i, 0));
      }
      if (names.contains("boom")) {
        assertThrows(RuntimeException.class, () -> execute(RULES, facts));
      } else {
        assertEquals(describe(fresh(RULES, facts)), describe(execute(RULES, facts)));
      }
    }
  }

  @Test
  void aSessionIsReplacedAfterServingItsShareOfEvaluations() {
    RuleBase rules = RuleBase.compile(Engine.builtInSources());
    for (int i = 0; i < 2 * RuleBase.EVALUATIONS_PER_SESSION + 1; i++) {
      execute(rules, List.of(new SpikeFact("a", i, 0)));
    }
    assertEquals(3, rules.sessionsMade());
    assertEquals(1, rules.kieBase().getKieSessions().size(), "replaced sessions are disposed");
  }

  private static CollectedOutcomes execute(RuleBase rules, List<Object> facts) {
    CollectedOutcomes outcomes = new CollectedOutcomes();
    rules.execute(facts, CONTEXT, outcomes);
    return outcomes;
  }

  private static CollectedOutcomes fresh(RuleBase rules, List<Object> facts) {
    CollectedOutcomes outcomes = new CollectedOutcomes();
    KieSession session = rules.kieBase().newKieSession();
    try {
      rules.run(session, facts, CONTEXT, outcomes);
    } finally {
      session.dispose();
    }
    return outcomes;
  }

  /** Every output with its rule, reasons, facts and due date, and every suppression, sorted. */
  private static List<String> describe(CollectedOutcomes outcomes) {
    List<String> described = new ArrayList<>();
    for (RaisedOutcome o : outcomes.raised()) {
      described.add(o + " " + o.reasons() + " " + o.facts() + " due " + o.getDueOn());
    }
    for (CollectedOutcomes.Suppression s : outcomes.suppressions()) {
      described.add("held back " + s.code() + " " + s.fingerprint() + " " + s.record().getDueOn());
    }
    described.sort(null);
    return described;
  }

  private static List<RuleSource> withBuiltIns(String... added) {
    List<RuleSource> sources = new ArrayList<>(Engine.builtInSources());
    for (int i = 0; i < added.length; i++) {
      sources.add(new RuleSource("added" + i + ".drl", added[i]));
    }
    return sources;
  }
}
