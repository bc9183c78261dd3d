package uk.nhs.carecoord.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The end-to-end benchmarks do the whole work: every case evaluated and written, on any number of threads. */
class EndToEndBenchmarkTest {
  static JsonLinesInput input;

  @BeforeAll
  static void setUp() {
    input = new JsonLinesInput();
    input.setUp(300);
  }

  @Test
  void theBatchWritesWhatTheLineByLineBaselineWrites() {
    long baseline = new EndToEndBenchmark().lineByLine(input);
    assertTrue(baseline > 300 * 100, "every evaluation written: " + baseline + " bytes");
    assertEquals(baseline, EndToEndBenchmark.batch(input, 1));
    assertEquals(baseline, EndToEndBenchmark.batch(input, 2));
  }

  @Test
  void theHarnessEngineEvaluatesEveryCaseOnceOnAnyNumberOfThreads() {
    long one = EndToEndHarness.engine(input, 1);
    assertTrue(one > 0, "findings counted");
    assertEquals(one, EndToEndHarness.engine(input, 2));
    assertEquals(one, EndToEndHarness.engine(input, 3));
  }

  @Test
  void theHarnessPartsReadEveryCaseAndWriteWhatTheBatchWrites() {
    long contacts = java.util.Arrays.stream(input.cases).mapToLong(c -> c.contacts().size()).sum();
    assertEquals(contacts, EndToEndHarness.readOnly(input), "every line read back to its case");
    var evaluations = java.util.Arrays.stream(input.cases)
        .map(c -> input.rules.evaluate(c, input.pcn)).toArray(uk.nhs.carecoord.rules.PatientEvaluation[]::new);
    assertEquals(EndToEndBenchmark.batch(input, 1), EndToEndHarness.writeOnly(evaluations));
    var plain = uk.nhs.carecoord.model.CareJson.configure(com.fasterxml.jackson.databind.json.JsonMapper.builder()).build();
    byte[][] lines = java.util.Arrays.stream(input.cases)
        .map(c -> uk.nhs.carecoord.model.CareJson.writeLine(c).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toArray(byte[][]::new);
    assertEquals(contacts, EndToEndHarness.readWith(plain, lines));
    assertEquals(EndToEndBenchmark.batch(input, 1) - evaluations.length,
        EndToEndHarness.writeWith(plain, evaluations), "the same JSON, without the line ends");
  }
}
