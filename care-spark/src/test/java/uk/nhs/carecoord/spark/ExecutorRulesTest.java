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
import uk.nhs.carecoord.model.Pcn;
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
