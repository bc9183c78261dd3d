package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every rule-author scenario under {@code src/test/resources/scenarios}; one test each. */
class ScenarioTest {
  static CareRules rules;

  @BeforeAll
  static void compile() {
    rules = CareRules.builder().build();
  }

  @TestFactory
  Stream<DynamicTest> scenarios() throws URISyntaxException {
    Path root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
    return Scenario.find(root).stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
      Scenario.Result result = Scenario.read(file).run(rules);
      assertTrue(result.passed(), () -> result.description() + ": " + result.problems() + "; actual " + result.actualCodes());
    }));
  }
}
