package uk.nhs.carecoord.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CodeClusterException;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/** The per-JVM rules holder and the spec that travels to executors; no Spark needed. */
class ExecutorRulesTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  @Test
  void aSpecSurvivesJavaSerialisationAndFindsTheSameCompiledRules() throws Exception {
    Pcn pcn = SyntheticPopulation.builder().patients(1).build().pcn();
    RuleSpec spec = new RuleSpec(AS_OF, Map.of("local/a.drl", "package a;\n"), List.of(CareJson.writeLine(pcn)));
    RuleSpec copy = roundTrip(spec);

    assertEquals(spec, copy);
    assertSame(ExecutorRules.of(spec), ExecutorRules.of(copy), "one compilation per JVM and spec");
    assertTrue(ExecutorRules.of(copy).pcnOf(pcn.practices().get(0).odsCode()).isPresent());
    assertTrue(ExecutorRules.of(copy).pcnOf("NOT-A-PRACTICE").isEmpty());
  }

  @Test
  void aRuleFileThatDoesNotCompileFailsOnTheDriverNamingTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("broken.drl"), "package local;\nrule \"x\" when\n  NoSuchFact()\nthen\nend\n");
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> CareSpark.builder().asOf(AS_OF).ruleDirectory(dir).build());
    assertTrue(e.getMessage().contains("broken.drl"), e.getMessage());
  }

  @Test
  void aPracticeInTwoPcnsIsRefused() {
    Pcn pcn = SyntheticPopulation.builder().patients(1).build().pcn();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CareSpark.builder().asOf(AS_OF).pcn(pcn).pcn(pcn).build());
    assertTrue(e.getMessage().contains(pcn.practices().get(0).odsCode()), e.getMessage());
  }

  @Test
  void aJobNeedsAReferenceDateAndValidSuppression() {
    assertThrows(IllegalStateException.class, () -> CareSpark.builder().build());
    assertThrows(IllegalArgumentException.class, () -> CareSpark.builder().asOf(AS_OF).roundCountsTo(0).build());
    assertThrows(IllegalArgumentException.class, () -> CareSpark.builder().asOf(AS_OF).suppressionThreshold(-1).build());
  }

  /** A code-list directory replacing HYP_COD with a one-code list (so most hypertension codes no longer count). */
  static Path narrowHypertension(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(CodeClusters.MANIFEST), "file,cluster,meaning,condition,source,release,note\n"
        + "hyp_local.csv,HYP_COD,LONG_TERM_CONDITION_PHYSICAL,HYPERTENSION,local/hyp,20261201,one code only (test)\n");
    Files.writeString(dir.resolve("hyp_local.csv"), "code,term\n1201005,Benign essential hypertension\n");
    return dir;
  }

  @Test
  void codeListsTravelAsDataAndDecideOnAnExecutorAsCareRulesCodeListsDoes(@TempDir Path temp) throws Exception {
    Path lists = narrowHypertension(temp.resolve("lists"));
    CareRules oneProcess = CareRules.builder().asOf(AS_OF).codeLists(lists).build();
    RuleSpec spec = CareSpark.builder().asOf(AS_OF).codeLists(lists).build().spec();
    assertEquals(List.of(CodeClusters.MANIFEST, "hyp_local.csv"), List.copyOf(spec.codeListFiles().keySet()));

    // An executor has only the spec: the directory is gone, the spec went through serialisation.
    Files.delete(lists.resolve("hyp_local.csv"));
    Files.delete(lists.resolve(CodeClusters.MANIFEST));
    Files.delete(lists);
    ExecutorRules executor = ExecutorRules.build(roundTrip(spec));

    assertEquals(oneProcess.codeClusters().version(), executor.rules().codeClusters().version());
    assertTrue(!oneProcess.codeClusters().version().equals(CodeClusters.builtIn().version()));
    assertEquals(List.of("1201005"), List.copyOf(executor.rules().codeClusters().cluster("HYP_COD").orElseThrow().codes().keySet()));
  }

  @Test
  void aBadCodeListFailsOnTheDriverNamingFileAndLine(@TempDir Path temp) throws IOException {
    Path lists = narrowHypertension(temp.resolve("lists"));
    Files.writeString(lists.resolve("hyp_local.csv"), "code,term\n1201005,Benign essential hypertension\nnot-a-code,x\n");
    CodeClusterException e = assertThrows(CodeClusterException.class, () -> CareSpark.builder().asOf(AS_OF).codeLists(lists));
    assertTrue(e.getMessage().contains("hyp_local.csv:3"), e.getMessage());
  }

  private static RuleSpec roundTrip(RuleSpec spec) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(spec);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RuleSpec) in.readObject();
    }
  }
}
