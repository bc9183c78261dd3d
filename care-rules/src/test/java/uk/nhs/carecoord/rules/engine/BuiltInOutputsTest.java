package uk.nhs.carecoord.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.OutputEntry;
import uk.nhs.carecoord.rules.RuleSource;

/** The built-in rules and the built-in output catalogue agree, as the one DRL reader sees them. */
class BuiltInOutputsTest {
  @Test
  void everyCodeTheBuiltInRulesRaiseOrMatchIsDeclaredWithItsKind() {
    OutputCatalogue outputs = OutputCatalogue.builtIn();
    Set<String> raised = new TreeSet<>();
    for (RuleSource source : Engine.builtInSources()) {
      for (DrlReader.DrlRule rule : DrlReader.read(source).rules()) {
        for (DrlReader.Raise r : rule.raises()) {
          r.code().ifPresent(code -> {
            raised.add(code);
            assertEquals(Optional.of(r.kind()), outputs.entry(code).map(OutputEntry::kind), code);
          });
        }
        rule.codesRead().forEach(read -> assertTrue(outputs.entry(read.code()).isPresent(), read.code()));
      }
    }
    for (TrainingModule m : TrainingModule.values()) {
      assertEquals(FindingKind.TRAINING, outputs.entry(m.name()).orElseThrow().kind());
    }
    assertTrue(raised.size() >= 30, "codes read from the built-in DRL: " + raised);
    // Nothing declared that no built-in rule raises (training items are raised by module).
    Set<String> declared = outputs.entries().stream().map(OutputEntry::code).collect(Collectors.toCollection(TreeSet::new));
    declared.removeAll(raised);
    for (TrainingModule m : TrainingModule.values()) {
      declared.remove(m.name());
    }
    assertEquals(Set.of(), declared, "declared but never raised");
  }
}
