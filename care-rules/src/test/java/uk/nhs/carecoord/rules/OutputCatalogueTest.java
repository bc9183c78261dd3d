package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.rules.engine.Engine;

/** The output catalogue: declared once, checked when the rules are built, followed by Java. */
class OutputCatalogueTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  @Test
  void theFacadeExposesTheCatalogueAndFindingsCarryLabelsAndRoles() {
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    assertEquals("Frail or elderly", rules.outputs().label("FRAIL_ELDERLY"));
    assertEquals("UNDECLARED", rules.outputs().label("UNDECLARED"));
    assertEquals(Set.of("ARRS_COMPLIANT"), rules.outputs().codesReliedOnAs(OutputRole.COMPLIANT_VERDICT));
    assertEquals(Set.of("FIRST_POINT_OF_CONTACT_MISSING", "GP_SUPERVISOR_MISSING"),
        rules.outputs().codesReliedOnAs(OutputRole.SUPERVISION_GAP));
    Finding frail = rules.evaluate(CohortRulesTest.person(90, b -> b)).cohorts().get(0);
    assertEquals("FRAIL_ELDERLY", frail.code());
    assertEquals("Frail or elderly", frail.label());
    assertEquals(Optional.empty(), frail.reliedOnAs());
  }

  @Test
  void aRuleRaisingAnUndeclaredCodeIsRefusedNamingFileLineAndCode(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("local.drl"), CareRulesTest.LOCAL_COHORT);
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareRules.builder().ruleDirectory(dir).build());
    assertEquals(1, e.problems().size(), e.getMessage());
    RuleProblem p = e.problems().get(0);
    assertEquals("local.drl", p.file());
    assertEquals(14, p.line());
    assertTrue(p.message().contains("raises HOUSEBOUND, which the output catalogue does not declare"), p.message());
  }

  @Test
  void aRuleDirectoryDeclaresItsOwnCodesAndOverridesLabels(@TempDir Path dir) throws Exception {
    CareRulesTest.writeRules(dir, "local.drl", CareRulesTest.LOCAL_COHORT.replace(", \"Housebound\")", ")"));
    Files.writeString(dir.resolve(OutputCatalogue.FILE_NAME), """
        // a PCN's own codes and wording
        {
          "HOUSEBOUND": {"kind": "COHORT", "label": "Housebound", "text": "Housebound: offer a home visit"},
          "CARE_HOME": {"kind": "COHORT", "label": "Care home (local wording)", "text": "Lives in a care home"}
        }
        """);
    CareRules rules = CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build();
    Finding housebound = rules.evaluate(CareRulesTest.housebound()).cohorts().stream()
        .filter(f -> f.code().equals("HOUSEBOUND")).findFirst().orElseThrow();
    assertEquals("Housebound: offer a home visit", housebound.text(), "the catalogue's default text");
    assertEquals("Care home (local wording)", rules.outputs().label("CARE_HOME"));
    assertEquals("Frail or elderly", rules.outputs().label("FRAIL_ELDERLY"), "built-in entries kept");
  }

  @Test
  void aTrainingReplacementWithoutTheArrsVerdictIsRefusedNamingTheCode(@TempDir Path dir) throws Exception {
    String training = builtIn("training.drl").replace("out.verdict(drools, \"ARRS_COMPLIANT\"", "out.verdict(drools, \"ARRS_NOT_COMPLIANT\"");
    Files.writeString(dir.resolve("training.drl"), training);
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareRules.builder().ruleDirectory(dir).build());
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("training.drl", e.problems().get(0).file());
    assertTrue(e.getMessage().contains("no rule raises ARRS_COMPLIANT, which the library relies on as COMPLIANT_VERDICT"),
        e.getMessage());
  }

  @Test
  void aRuleBaseBuiltWithoutTheBuiltInsNeedsNoReliedOnCode(@TempDir Path dir) throws Exception {
    CareRulesTest.writeRules(dir, "local.drl", CareRulesTest.LOCAL_COHORT);
    CareRules rules = CareRules.builder().asOf(AS_OF).builtInRules(false).ruleDirectory(dir).build();
    assertEquals(Set.of("HOUSEBOUND"), rules.evaluate(CareRulesTest.housebound()).codes());
  }

  @Test
  void javaFollowsTheRoleWhenARuleAuthorRenamesTheVerdict(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("training.drl"), builtIn("training.drl").replace("\"ARRS_COMPLIANT\"", "\"ARRS_MET\""));
    Files.writeString(dir.resolve(OutputCatalogue.FILE_NAME), """
        {
          "ARRS_COMPLIANT": {"kind": "VERDICT", "label": "ARRS compliant (old code)", "text": "Compliant"},
          "ARRS_MET": {"kind": "VERDICT", "label": "ARRS requirements met", "text": "Meets the requirements",
                       "reliedOnAs": "COMPLIANT_VERDICT"}
        }
        """);
    CareRules rules = CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build();
    CareCoordinator trained = TrainingRulesTest.allComplete();
    CoordinatorEvaluation e = rules.evaluate(trained, TrainingRulesTest.supervised(trained));
    assertEquals("ARRS_MET", e.verdict().orElseThrow().code());
    assertTrue(e.compliant(), "compliant() follows the catalogue's role, not a code literal");
  }

  @Test
  void matchingAnUndeclaredCodeAndAKindMismatchAndANonLiteralCodeAreRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("local.drl"), """
        // @version 1
        package local.checks;
        import uk.nhs.carecoord.rules.authoring.Outcomes;
        import uk.nhs.carecoord.rules.authoring.Outcome;
        import uk.nhs.carecoord.rules.FindingKind;
        import uk.nhs.carecoord.rules.Priority;
        import uk.nhs.carecoord.rules.authoring.PatientFacts;
        global Outcomes out;

        rule "Typo in a matched code"
        when
            PatientFacts()
            exists Outcome( kind == FindingKind.COHORT, code == "FRAIL_ELDERY" )
        then
            out.recommendation(drools, "MDT_DISCUSSION", Priority.LOW);
        end

        rule "Cohort raised as a recommendation"
        when
            $p : PatientFacts()
        then
            out.recommendation(drools, "DEMENTIA", Priority.LOW, "text");
            out.cohort(drools, $p.getPatientId(), Priority.LOW, "text");
        end
        """);
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareRules.builder().ruleDirectory(dir).build());
    List<String> problems = e.problems().stream().map(RuleProblem::toString).toList();
    assertEquals(3, problems.size(), e.getMessage());
    assertTrue(problems.get(0).startsWith("local.drl:13: rule \"Typo in a matched code\" matches output code FRAIL_ELDERY"), problems.get(0));
    assertTrue(problems.get(1).startsWith("local.drl:22: rule \"Cohort raised as a recommendation\" raises DEMENTIA as RECOMMENDATION, but outputs.json declares it COHORT"), problems.get(1));
    assertTrue(problems.get(2).contains("local.drl:23: ") && problems.get(2).contains("write the code as a quoted literal"), problems.get(2));
  }

  @Test
  void mistakesInACatalogueFileNameItsLineAndField() {
    RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> OutputCatalogue.read("outputs.json", """
        {
          "GOOD": {"kind": "COHORT", "label": "Good", "text": "Good"},
          "BAD_KIND": {"kind": "COHORTS", "label": "x", "text": "x"},
          "no_caps": {"kind": "COHORT", "label": "x", "text": "x"},
          "EXTRA": {"kind": "COHORT", "label": "x", "text": "x", "colour": "red"},
          "NO_LABEL": {"kind": "COHORT", "text": "x"}
        }
        """));
    List<String> problems = e.problems().stream().map(RuleProblem::toString).toList();
    assertEquals(4, problems.size(), e.getMessage());
    assertTrue(problems.get(0).startsWith("outputs.json:3: BAD_KIND: \"kind\" is COHORTS, not one of COHORT"), problems.get(0));
    assertTrue(problems.get(1).startsWith("outputs.json:4: code no_caps must be capital letters"), problems.get(1));
    assertTrue(problems.get(2).startsWith("outputs.json:5: EXTRA: unknown field \"colour\""), problems.get(2));
    assertTrue(problems.get(3).startsWith("outputs.json:6: NO_LABEL: \"label\" is required"), problems.get(3));
  }

  @Test
  void aCodeDeclaredTwiceInOneFileIsRefused() {
    RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> OutputCatalogue.read("outputs.json", """
        {
          "SAME": {"kind": "COHORT", "label": "One", "text": "One"},
          "SAME": {"kind": "COHORT", "label": "Two", "text": "Two"}
        }
        """));
    assertEquals(3, e.problems().get(0).line(), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate field 'SAME'"), e.getMessage());
  }

  static String builtIn(String name) {
    return Engine.builtInSources().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().text();
  }
}
