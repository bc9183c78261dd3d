package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

/**
 * The built-in rules precompiled at build time decide exactly what their DRL compiled at run time
 * decides, and are used only for exactly those sources.
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
    assertEquals(RuleBase.Origin.PRECOMPILED, precompiled.ruleBaseOrigin(),
        "the build's process-classes step writes " + PrecompiledRules.RESOURCE + ": run the tests through Maven");
    assertEquals(RuleBase.Origin.COMPILED_AT_RUN_TIME, compiledAtRunTime.ruleBaseOrigin());
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
  void onlyExactlyTheBuiltInSourcesArePrecompiled() {
    List<RuleSource> builtIn = CareRules.builtInSources();
    assertTrue(PrecompiledRules.load(builtIn).isPresent());

    List<RuleSource> edited = new ArrayList<>(builtIn);
    RuleSource cohorts = edited.get(0);
    edited.set(0, new RuleSource(cohorts.name(), cohorts.text() + "\n// edited\n"));
    assertFalse(PrecompiledRules.load(edited).isPresent(), "edited text");

    List<RuleSource> reordered = new ArrayList<>(builtIn);
    reordered.add(reordered.remove(0));
    assertFalse(PrecompiledRules.load(reordered).isPresent(), "reordered");

    assertFalse(PrecompiledRules.load(builtIn.subList(0, builtIn.size() - 1)).isPresent(), "one removed");
  }

  @Test
  void aRuleDirectoryIsCompiledAtRunTimeAndAnIdenticalCopyIsNot(@TempDir Path dir) throws IOException {
    RuleSource cohorts = CareRules.builtInSources().get(0);
    Files.writeString(dir.resolve(cohorts.name()), cohorts.text());
    assertEquals(RuleBase.Origin.PRECOMPILED, originWith(dir), "identical replacement");

    Files.writeString(dir.resolve(cohorts.name()), cohorts.text() + "\n// edited\n");
    assertEquals(RuleBase.Origin.COMPILED_AT_RUN_TIME, originWith(dir), "edited replacement");
  }

  @Test
  void addedFilesAreCompiledAloneAndJoinThePrecompiledRules(@TempDir Path dir) throws IOException {
    CareRulesTest.writeRules(dir, "local.drl", CareRulesTest.LOCAL_COHORT);
    assertEquals(RuleBase.Origin.PRECOMPILED_PLUS_COMPILED_AT_RUN_TIME, originWith(dir));

    CareRulesTest.writeRules(dir, "local.drl", CareRulesTest.LOCAL_COHORT.replace("package local.cohorts;", "package uk.nhs.carecoord.rules.cohorts;"));
    assertEquals(RuleBase.Origin.COMPILED_AT_RUN_TIME, originWith(dir), "in a built-in rule set's package");

    CareRulesTest.writeRules(dir, "local.drl", USES_A_BUILT_IN_DECLARED_TYPE);
    assertEquals(RuleBase.Origin.COMPILED_AT_RUN_TIME, originWith(dir), "does not compile alone");
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
        assertEquals(precompiled ? RuleBase.Origin.PRECOMPILED_PLUS_COMPILED_AT_RUN_TIME : RuleBase.Origin.COMPILED_AT_RUN_TIME,
            AUTHOR_RULES[i].ruleBaseOrigin());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return AUTHOR_RULES[i];
  }

  private static RuleBase.Origin originWith(Path dir) {
    return CareRules.builder().asOf(AS_OF).ruleDirectory(dir).build().ruleBaseOrigin();
  }

  @Test
  void anArchiveWithoutManifestOrForOtherSourcesGivesNothing() throws IOException {
    List<RuleSource> builtIn = CareRules.builtInSources();
    assertFalse(PrecompiledRules.load(builtIn, archive("uk/x/Y.class", new byte[] {1, 2})).isPresent(), "no manifest");
    assertFalse(PrecompiledRules.load(builtIn, archive("manifest.properties",
        "drools.version=0.0.1\nsources.digest=00\nmodels=uk.x.Y\n".getBytes())).isPresent(), "other version and sources");
  }

  @Test
  void corruptClassesFallBackToRunTimeCompilationNotFailure() throws IOException {
    List<RuleSource> builtIn = CareRules.builtInSources();
    String manifest = "drools.version=" + org.drools.base.util.Drools.getFullVersion() + "\n"
        + "sources.digest=" + PrecompiledRules.digest(builtIn) + "\n"
        + "models=uk.nhs.carecoord.rules.cohorts.Missing\n";
    assertFalse(PrecompiledRules.load(builtIn, archive("manifest.properties", manifest.getBytes())).isPresent());
  }

  private static InputStream archive(String name, byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(bytes);
      zip.closeEntry();
    }
    return new ByteArrayInputStream(out.toByteArray());
  }
}
