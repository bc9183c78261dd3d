package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.rules.engine.Engine;

/**
 * The built-in rules precompiled at build time decide exactly what their DRL compiled at run time
 * decides, and a rule directory makes the façade load them, add to them or compile everything as
 * it should (the archive itself: {@code engine.PrecompiledArchiveTest}).
 */
class PrecompiledRulesTest {
  static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  // Shared by the jqwik property and the Jupiter tests, whose lifecycles differ.
  static final CareRules precompiled = CareRules.builder().asOf(AS_OF).build();
  static final CareRules compiledAtRunTime = CareRules.builder().asOf(AS_OF).precompiled(false).build();

  @Provide
  Arbitrary<PatientCase> cases() {
    return CareArbitraries.patientCases(AS_OF);
  }

  @Property(tries = 300)
  void precompiledRulesDecideAsTheDrlCompiledAtRunTime(@ForAll("cases") PatientCase c) {
    assertEquals(compiledAtRunTime.evaluate(c), precompiled.evaluate(c));
  }

  @Test
  void theBuildShipsTheBuiltInRulesPrecompiled() {
    assertEquals("PRECOMPILED", precompiled.ruleBaseOrigin(),
        "the build's process-classes step writes uk/nhs/carecoord/rules/precompiled/built-in-rules.zip: run the tests through Maven");
    assertEquals("COMPILED_AT_RUN_TIME", compiledAtRunTime.ruleBaseOrigin());
    assertEquals(compiledAtRunTime.ruleSetVersions(), precompiled.ruleSetVersions());
  }

  @Test
  void aSyntheticPcnIsJudgedAlikeWithSupervisionAndTraining() {
    SyntheticPcn pcn = SyntheticPopulation.builder().seed(7).patients(400).practices(3).coordinators(12).asOf(AS_OF).build();
    for (PatientCase c : pcn.cases()) {
      assertEquals(compiledAtRunTime.evaluate(c, pcn.pcn()), precompiled.evaluate(c, pcn.pcn()));
    }
    for (CareCoordinator cc : pcn.pcn().coordinators()) {
      assertEquals(compiledAtRunTime.evaluate(cc, pcn.pcn()), precompiled.evaluate(cc, pcn.pcn()));
    }
  }

  @Test
  void aRuleDirectoryIsCompiledAtRunTimeAndAnIdenticalCopyIsNot(@TempDir Path dir) throws IOException {
    RuleSource cohorts = Engine.builtInSources().get(0);
    Files.writeString(dir.resolve(cohorts.name()), cohorts.text());
    assertEquals("PRECOMPILED", originWith(dir), "identical replacement");

    Files.writeString(dir.resolve(cohorts.name()), cohorts.text() + "\n// edited\n");
    assertEquals("COMPILED_AT_RUN_TIME", originWith(dir), "edited replacement");
  }

  @Test
  void addedFilesAreCompiledAloneAndJoinThePrecompiledRules(@TempDir Path dir) throws IOException {
    CareRulesTest.writeRules(dir, "local.drl", CareRulesTest.LOCAL_COHORT);
    assertEquals("PRECOMPILED_PLUS_COMPILED_AT_RUN_TIME", originWith(dir));

    CareRulesTest.writeRules(dir, "local.drl", CareRulesTest.LOCAL_COHORT.replace("package local.cohorts;", "package uk.nhs.carecoord.rules.cohorts;"));
    assertEquals("COMPILED_AT_RUN_TIME", originWith(dir), "in a built-in rule set's package");

    CareRulesTest.writeRules(dir, "local.drl", USES_A_BUILT_IN_DECLARED_TYPE);
    assertEquals("COMPILED_AT_RUN_TIME", originWith(dir), "does not compile alone");
  }

  @Property(tries = 100)
  void addedFilesDecideAsWhenEveryFileIsCompiledTogether(@ForAll("cases") PatientCase c) {
    assertEquals(withAuthorFiles(false).evaluate(c), withAuthorFiles(true).evaluate(c));
  }

  /** Uses the training rule set's declared type, so it compiles only beside training.drl. */
  static final String USES_A_BUILT_IN_DECLARED_TYPE = """
      package local.training;
      import uk.nhs.carecoord.rules.training.Requirement;

      rule "Every requirement is seen"
      when
          Requirement()
      then
      end
      """;

  private static final CareRules[] AUTHOR_RULES = new CareRules[2];

  /** Built-in rules plus an added file in each style, precompiled or all compiled together. */
  private static synchronized CareRules withAuthorFiles(boolean precompiled) {
    int i = precompiled ? 1 : 0;
    if (AUTHOR_RULES[i] == null) {
      try {
        Path dir = Files.createTempDirectory("author-rules");
        Path local = CareRulesTest.writeRules(dir, "local.drl", CareRulesTest.LOCAL_COHORT);
        try {
          AUTHOR_RULES[i] = CareRules.builder().asOf(AS_OF).ruleDirectory(dir).precompiled(precompiled).build();
        } finally { // read only when built (or reloaded, which these tests never do)
          Files.delete(local);
          Files.delete(dir.resolve(OutputCatalogue.FILE_NAME));
          Files.delete(dir);
        }
        assertEquals(precompiled ? "PRECOMPILED_PLUS_COMPILED_AT_RUN_TIME" : "COMPILED_AT_RUN_TIME",
            AUTHOR_RULES[i].ruleBaseOrigin());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return AUTHOR_RULES[i];
  }

  private static String originWith(Path dir) {
    return CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build().ruleBaseOrigin();
  }

}
