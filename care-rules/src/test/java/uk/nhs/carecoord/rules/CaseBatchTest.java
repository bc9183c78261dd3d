package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CareJsonException;
import uk.nhs.carecoord.model.JsonLines;
import uk.nhs.carecoord.model.LineResult;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/**
 * A batch accounts for every line, in input order, and decides exactly what evaluating each case
 * alone decides, on any number of threads.
 */
class CaseBatchTest {
  static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  static CareRules rules;

  @BeforeContainer
  static void compile() {
    rules = CareRules.builder().asOf(AS_OF).build();
  }

  /** Lines of a batch: valid cases, cases dated after the reference date, malformed lines, blank lines. */
  @Provide
  Arbitrary<List<String>> batches() {
    Arbitrary<String> valid = CareArbitraries.patientCases(AS_OF).map(CareJson::writeLine);
    Arbitrary<String> late = CareArbitraries.patientCases(AS_OF.plusYears(3)).map(CareJson::writeLine);
    Arbitrary<String> bad = Arbitraries.of("{\"patient\": ", "{}", "[1, 2]", "{\"patient\": {\"id\": 3}}");
    Arbitrary<String> blank = Arbitraries.of("", "  ");
    return Arbitraries.frequencyOf(Tuple.of(8, valid), Tuple.of(2, late), Tuple.of(1, bad), Tuple.of(1, blank))
        .list().ofMaxSize(80);
  }

  /** What evaluating each non-blank line alone gives: its evaluation, or the reject's text. */
  private static List<Object> oneByOne(List<String> lines) {
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        expected.add(rules.evaluate(CareJson.read(lines.get(i), PatientCase.class)));
      } catch (CareJsonException e) {
        expected.add("in.jsonl:" + (i + 1) + ":" + e.column() + ": " + (e.path().isEmpty() ? "" : e.path() + ": "));
      } catch (ModelValidationException e) {
        expected.add("in.jsonl:" + (i + 1) + ": " + e.getMessage());
      }
    }
    return expected;
  }

  private static List<Object> batch(List<String> lines, int threads) {
    List<Object> actual = new ArrayList<>();
    CaseBatch.of(rules).threads(threads).evaluate(reader(String.join("\n", lines)), r -> actual.add(
        r.value().<Object>map(e -> e).orElseGet(() -> r.reject().orElseThrow().toString())));
    return actual;
  }

  @Property(tries = 25)
  void everyLineIsAccountedForInOrderOnAnyNumberOfThreads(
      @ForAll("batches") List<String> lines, @ForAll @IntRange(min = 1, max = 3) int threads) {
    List<Object> expected = oneByOne(lines);
    List<Object> actual = batch(lines, threads);
    assertEquals(expected.size(), actual.size(), "one result per non-blank line");
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e instanceof String prefix) {
        assertTrue(a instanceof String s && s.startsWith(prefix), "result " + i + ": " + a + " expected " + prefix);
      } else {
        assertEquals(e, a, "result " + i);
      }
    }
  }

  @Property(tries = 10)
  void twoThreadsGiveWhatOneThreadGives(@ForAll("batches") List<String> lines) {
    assertEquals(batch(lines, 1), batch(lines, 2));
  }

  @Example
  void aSinkThatThrowsStopsTheBatch() {
    String good = CareJson.writeLine(CareArbitraries.patientCases(AS_OF).sample());
    String input = (good + "\n").repeat(600) + "{\n" + (good + "\n").repeat(600);
    List<Long> seen = new ArrayList<>();
    IllegalStateException stop = new IllegalStateException("stop");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
        CaseBatch.of(rules).threads(2).evaluate(reader(input), r -> {
          seen.add(r.line().number());
          if (!r.ok()) {
            throw stop;
          }
        }));
    assertSame(stop, thrown);
    assertEquals(601, seen.size(), "every line up to the reject, in order, and none after it");
    assertEquals(601L, seen.get(600));
  }

  @Example
  void idleIsCalledAtTheEnd() {
    String good = CareJson.writeLine(CareArbitraries.patientCases(AS_OF).sample());
    int[] idle = {0};
    List<LineResult<PatientEvaluation>> results = new ArrayList<>();
    CaseBatch.of(rules).threads(2).evaluate(reader(good + "\n" + good), new CaseBatch.Sink<>() {
      @Override
      public void accept(LineResult<PatientEvaluation> result) {
        results.add(result);
      }

      @Override
      public void idle() {
        idle[0]++;
      }
    });
    assertEquals(2, results.size());
    assertTrue(idle[0] >= 1);
  }

  @Example
  void evaluateAllWithAPcnNamesSupervisors() {
    var population = uk.nhs.carecoord.synthetic.SyntheticPopulation.builder().seed(3).patients(40).build();
    StringBuilder input = new StringBuilder();
    population.cases().forEach(c -> input.append(CareJson.writeLine(c)).append('\n'));
    CareRules dated = rules.asOf(population.asOf());
    List<LineResult<PatientEvaluation>> results =
        CaseBatch.of(dated).pcn(population.pcn()).threads(2).evaluateAll(reader(input.toString()));
    assertEquals(dated.evaluateAll(population.pcn(), population.cases()),
        results.stream().map(r -> r.value().orElseThrow()).toList());
  }

  @Example
  void threadsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> CaseBatch.of(rules).threads(0));
  }

  private static JsonLines<PatientCase> reader(String input) {
    return JsonLines.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "in.jsonl", PatientCase.class);
  }
}
