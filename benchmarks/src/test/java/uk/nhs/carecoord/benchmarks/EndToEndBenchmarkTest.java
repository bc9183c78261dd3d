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
}
