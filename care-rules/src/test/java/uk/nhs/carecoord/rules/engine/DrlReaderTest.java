package uk.nhs.carecoord.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.rules.RuleSource;

/** The one DRL reader: its whole-file and line-by-line views agree, and the latter copes with broken DRL. */
class DrlReaderTest {
  @Test
  void bothViewsFindTheSameRulesOnTheSameLinesInEveryBuiltInFile() {
    for (RuleSource source : Engine.builtInSources()) {
      DrlReader.DrlFile file = DrlReader.read(source);
      DrlReader.Layout layout = DrlReader.layout(source);
      assertEquals(file.packageName(), layout.packageName(), source.name());
      assertEquals(file.rules().stream().map(r -> r.name() + "@" + r.line()).toList(),
          layout.rules().stream().map(r -> r.name() + "@" + r.line()).toList(), source.name());
      for (DrlReader.RuleSpan span : layout.rules()) {
        assertTrue(span.line() < span.thenLine() && span.thenLine() < span.endLine() && span.endLine() <= span.lastLine(),
            source.name() + ": " + span);
      }
      assertTrue(layout.isHeader(lineOf(source, "package ")), source.name());
    }
  }

  @Test
  void aRuleWithoutEndIsReadAsSuchAndTheNextRuleStillFound() throws IOException {
    String text;
    try (var in = getClass().getResourceAsStream("/drl-fixtures/errors/missing-end.drl")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    DrlReader.Layout layout = DrlReader.layout(new RuleSource("missing-end.drl", text));
    assertEquals(List.of("Good rule in missing-end", "Missing end", "After missing end"),
        layout.rules().stream().map(DrlReader.RuleSpan::name).toList());
    DrlReader.RuleSpan broken = layout.rule("Missing end");
    assertEquals(0, broken.endLine());
    assertEquals(20, broken.thenLine());
    assertEquals("\n    $r.add(\"x\");\n", layout.consequence(broken));
    assertEquals(layout.rule("After missing end").line() - 1, broken.lastLine());
    assertEquals("spike.errors", layout.packageName());
    assertTrue(layout.isHeader(3) && !layout.isHeader(8));
  }

  private static int lineOf(RuleSource source, String start) {
    List<String> lines = source.text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    return 0;
  }
}
