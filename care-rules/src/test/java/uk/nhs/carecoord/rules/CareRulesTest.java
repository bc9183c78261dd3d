package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PatientCase;

/** The façade: rule directories, reloading, concurrency and reference-date checks. */
class CareRulesTest {
  static final LocalDate AS_OF = CohortRulesTest.AS_OF;

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

  /** The output catalogue entries the local rule sets here raise, for their rule directory. */
  static final String LOCAL_OUTPUTS = """
      {
        "HOUSEBOUND": {"kind": "COHORT", "label": "Housebound", "text": "Housebound"},
        "LOCAL_OLD": {"kind": "COHORT", "label": "Old", "text": "Old"}
      }
      """;

  /** Writes a rule file and the local output catalogue into a rule directory. */
  static Path writeRules(Path dir, String name, String drl) throws java.io.IOException {
    Files.writeString(dir.resolve(OutputCatalogue.FILE_NAME), LOCAL_OUTPUTS);
    return Files.writeString(dir.resolve(name), drl);
  }

  /** The older style: the output matched as a fact rather than used as a global. */
  static final String OUTCOMES_AS_A_FACT = """
      package local.facts;
      import uk.nhs.carecoord.rules.authoring.Outcomes;
      import uk.nhs.carecoord.rules.Priority;
      import uk.nhs.carecoord.rules.authoring.PatientFacts;

      rule "Older than the frailty age"
      when
          $out : Outcomes()
          PatientFacts( age >= 65 )
      then
          $out.cohort(drools, "LOCAL_OLD", Priority.LOW, "Old");
      end
      """;

  static PatientCase housebound() {
    return CohortRulesTest.person(70, b -> b.addFlags(ClinicalFlag.HOUSEBOUND));
  }

  @Test
  void aRuleDirectoryAddsRuleSets(@TempDir Path dir) throws Exception {
    writeRules(dir, "local.drl", LOCAL_COHORT);
    CareRules rules = CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build();
    Finding f = rules.evaluate(housebound()).cohorts().stream().filter(c -> c.code().equals("HOUSEBOUND")).findFirst().orElseThrow();
    assertEquals("local", f.decisions().get(0).ruleSet());
    assertEquals("1.0.0", f.decisions().get(0).ruleSetVersion());
    assertTrue(rules.ruleSetVersions().containsKey("cohorts"), "built-in rules still loaded");
  }

  @Test
  void aFileNamedLikeABuiltInReplacesIt(@TempDir Path dir) throws Exception {
    writeRules(dir, "cohorts.drl", LOCAL_COHORT);
    CareRules rules = CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build();
    PatientCase c = CohortRulesTest.person(90, b -> b.addFlags(ClinicalFlag.HOUSEBOUND));
    assertEquals(List.of("HOUSEBOUND"), rules.evaluate(c).cohorts().stream().map(Finding::code).toList());
  }

  @Test
  void aRuleMatchingTheOutputAsAFactIsRefusedAtItsLine(@TempDir Path dir) throws Exception {
    writeRules(dir, "facts.drl", OUTCOMES_AS_A_FACT);
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareRules.builder().ruleDirectory(dir).build());
    assertEquals(List.of(new RuleProblem("facts.drl", 8,
        "Outcomes is not a fact: declare 'global Outcomes out;' and raise outputs with out.cohort(drools, …)")), e.problems());
  }

  @Test
  void aGlobalTheEngineDoesNotSetIsRefusedAtItsLine(@TempDir Path dir) throws Exception {
    assertGlobalRefused(dir, "global String practice;",
        "global practice is not set by the engine, which sets only LocalDate asOf, Outcomes out, Thresholds thresholds");
  }

  @Test
  void aGlobalOfTheWrongTypeIsRefused(@TempDir Path dir) throws Exception {
    assertGlobalRefused(dir, "global String asOf;", "global asOf must be declared as java.time.LocalDate, not java.lang.String");
  }

  /** Adds the declaration after line 8 of LOCAL_COHORT and expects exactly this problem at line 9. */
  private static void assertGlobalRefused(Path dir, String declaration, String message) throws Exception {
    writeRules(dir, "local.drl", LOCAL_COHORT.replace("global Outcomes out;", "global Outcomes out;\n" + declaration));
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareRules.builder().ruleDirectory(dir).build());
    assertEquals(List.of(new RuleProblem("local.drl", 9, message)), e.problems());
  }

  @Test
  void brokenRulesAreReportedWithFileAndLine(@TempDir Path dir) throws Exception {
    writeRules(dir, "broken.drl", LOCAL_COHORT.replace("flags contains", "flagz contains"));
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareRules.builder().ruleDirectory(dir).build());
    assertFalse(e.problems().isEmpty());
    assertEquals("broken.drl", e.problems().get(0).file());
    assertTrue(e.problems().get(0).line() > 0);
  }

  @Test
  void sessionResetReasonNamesTheRuleThatNeedsIt(@TempDir Path dir) throws Exception {
    CareRules rules = CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build();
    assertEquals(Optional.empty(), rules.sessionResetReason(), "built-in rules alone");

    writeRules(dir, "local.drl", """
        package local.pam;
        import uk.nhs.carecoord.rules.authoring.PamFacts;
        rule "Nobody measured"
        when
            not PamFacts()
        then
        end
        """);
    rules.reload();
    String reason = rules.sessionResetReason().orElseThrow();
    assertTrue(reason.contains("\"Nobody measured\""), reason);

    writeRules(dir, "local.drl", LOCAL_COHORT);
    rules.reload();
    assertEquals(Optional.empty(), rules.sessionResetReason(), "an added file in the usual style");
  }

  @Test
  void reloadSwapsInNewRulesAndKeepsTheLastGoodOnesOnFailure(@TempDir Path dir) throws Exception {
    CareRules rules = CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build();
    assertFalse(rules.evaluate(housebound()).codes().contains("HOUSEBOUND"));

    writeRules(dir, "local.drl", LOCAL_COHORT);
    rules.reload();
    assertTrue(rules.evaluate(housebound()).codes().contains("HOUSEBOUND"));

    writeRules(dir, "local.drl", "rule \"half written\" when then");
    assertThrows(RuleCompilationException.class, rules::reload);
    assertTrue(rules.evaluate(housebound()).codes().contains("HOUSEBOUND"), "last good rules kept");
  }

  @Test
  void concurrentEvaluationsGiveTheSameAnswers() throws Exception {
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    List<PatientCase> cases = IntStream.range(0, 40)
        .mapToObj(i -> CohortRulesTest.person(40 + i, b -> b.repeatMedicines(i % 15)))
        .toList();
    List<PatientEvaluation> expected = rules.evaluateAll(cases);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<PatientEvaluation>>> runs = IntStream.range(0, 8)
          .mapToObj(i -> pool.submit(() -> rules.evaluateAll(cases))).toList();
      for (Future<List<PatientEvaluation>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(expected, rules.evaluateAll(cases.parallelStream()).toList());
  }

  @Test
  void aCaseRecordingTheFutureIsRejected() {
    PatientCase c = PatientCase.builder().from(CohortRulesTest.person(50, b -> b))
        .addPamAssessments(PamAssessment.of(50, AS_OF.plusDays(1))).build();
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    ModelValidationException e = assertThrows(ModelValidationException.class, () -> rules.evaluate(c));
    assertEquals("pamAssessments[0].assessedOn", e.field());
  }

  @Test
  void coordinatorEvaluationsSurviveJson() {
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    uk.nhs.carecoord.model.Pcn pcn = uk.nhs.carecoord.model.Pcn.builder().code("U99999").name("Example PCN")
        .addCoordinators(uk.nhs.carecoord.model.CareCoordinator.builder().id("cc-1").name("Sam Example")
            .startedOn(AS_OF.minusYears(2)).build())
        .build();
    CoordinatorEvaluation e = rules.evaluateCoordinators(pcn).get(0);
    assertFalse(e.compliant());
    assertEquals(e, uk.nhs.carecoord.model.CareJson.read(uk.nhs.carecoord.model.CareJson.write(e), CoordinatorEvaluation.class));
  }

  @Test
  void theReferenceDateComesFromTheInjectedClock() {
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    assertEquals(AS_OF, rules.today());
    assertEquals(AS_OF.plusDays(7), rules.asOf(AS_OF.plusDays(7)).evaluate(housebound()).asOf());
  }
}
