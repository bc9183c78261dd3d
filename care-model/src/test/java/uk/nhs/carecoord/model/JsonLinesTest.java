package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/** A JSON-lines batch accounts for every line: each gives its value or a reject naming where. */
class JsonLinesTest {

  /** One line of a generated input and what reading it should give. */
  record Given(String text, PamAssessment expected, String rejectPath) {
    boolean blank() {
      return text.isBlank();
    }
  }

  @Provide
  Arbitrary<List<Given>> lines() {
    Arbitrary<Given> valid = CareArbitraries.pamAssessments().map(p -> new Given(CareJson.writeLine(p), p, null));
    Arbitrary<Given> outOfRange = Arbitraries.of(101.0, -1.0, 250.5)
        .map(s -> new Given("{\"assessedOn\": \"2026-10-01\", \"score\": " + s + "}", null, "score"));
    Arbitrary<Given> unknownField = Arbitraries.of("{\"assessedOn\": \"2026-10-01\", \"score\": 50, \"colour\": 1}")
        .map(t -> new Given(t, null, "colour"));
    // Where the text breaks off, the field it was in; otherwise the line as a whole ($).
    Arbitrary<Given> malformed = Arbitraries.of(
        new Given("{\"assessedOn\": ", null, "assessedOn"), new Given("not json", null, CareJson.ROOT),
        new Given("{\"score\": 50,,}", null, CareJson.ROOT), new Given("[", null, CareJson.ROOT));
    Arbitrary<Given> blank = Arbitraries.of("", "   ", "\t").map(t -> new Given(t, null, null));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, valid), net.jqwik.api.Tuple.of(1, outOfRange), net.jqwik.api.Tuple.of(1, unknownField),
        net.jqwik.api.Tuple.of(1, malformed), net.jqwik.api.Tuple.of(1, blank)).list().ofMaxSize(30);
  }

  @Property(tries = 200)
  void everyNonBlankLineGivesItsValueOrARejectWithItsNumber(
      @ForAll("lines") List<Given> given, @ForAll boolean crlf, @ForAll boolean finalNewline) {
    String eol = crlf ? "\r\n" : "\n";
    String input = String.join(eol, given.stream().map(Given::text).toList()) + (finalNewline ? eol : "");
    List<LineResult<PamAssessment>> results = readAll(input);

    List<Integer> expectedNumbers = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      if (!given.get(i).blank()) {
        expectedNumbers.add(i + 1);
      }
    }
    assertEquals(expectedNumbers, results.stream().map(r -> (int) r.line().number()).toList());
    for (LineResult<PamAssessment> r : results) {
      Given g = given.get((int) r.line().number() - 1);
      assertEquals(g.text(), r.line().text());
      if (g.expected() != null) {
        assertEquals(g.expected(), r.value().orElseThrow());
        assertTrue(r.ok());
      } else {
        LineReject reject = r.reject().orElseThrow();
        assertFalse(r.value().isPresent());
        assertEquals(r.line().number(), reject.lineNumber());
        assertEquals(g.rejectPath(), reject.path(), reject::toString);
        assertTrue(reject.toString().startsWith("in.jsonl:" + r.line().number() + ":"), reject::toString);
        assertFalse(reject.message().isBlank());
      }
    }
  }

  @Example
  void aRejectReadsLikeACompilerMessage() {
    String good = CareJson.writeLine(PamAssessment.of(50.0, java.time.LocalDate.of(2026, 10, 1)));
    List<LineResult<PamAssessment>> results =
        readAll(good + "\n\n{\"assessedOn\": \"2026-10-01\", \"score\": 101}\n" + good + "\n");
    assertEquals(3, results.size());
    LineReject reject = results.get(1).reject().orElseThrow();
    assertEquals(3, reject.lineNumber());
    assertTrue(reject.column() > 0, reject::toString);
    assertEquals("in.jsonl:3:" + reject.column() + ": score: " + reject.message(), reject.toString());
    assertTrue(results.get(2).ok(), "reading goes on after a reject");
  }

  @Example
  void malformedJsonNamesTheFieldWhereItBroke() {
    LineReject reject = readAll("{\"score\": \n").get(0).reject().orElseThrow();
    assertEquals("score", reject.path());
    assertEquals(CareJson.ROOT, readAll("[\n").get(0).reject().orElseThrow().path());
    assertTrue(reject.toString().startsWith("in.jsonl:1:"), reject::toString);
    assertFalse(reject.toString().contains("line 1, column"), "the location is said once");
  }

  @Example
  void aByteOrderMarkAtTheStartIsIgnored() {
    String good = CareJson.writeLine(PamAssessment.of(50.0, java.time.LocalDate.of(2026, 10, 1)));
    List<LineResult<PamAssessment>> results = readAll("\uFEFF" + good + "\n" + good);
    assertEquals(2, results.size());
    assertTrue(results.get(0).ok() && results.get(1).ok());
  }

  @Example
  void linesLongerThanTheBufferAreReadWhole() {
    String padding = " ".repeat(200_000);
    String good = "{\"assessedOn\": \"2026-10-01\"," + padding + "\"score\": 50}";
    List<LineResult<PamAssessment>> results = readAll(good + "\n" + good + "\n");
    assertEquals(2, results.size());
    assertTrue(results.get(1).ok());
    assertEquals(good, results.get(1).line().text());
  }

  @Example
  void theOriginalBytesAreKeptForTheRejectsFile() {
    String bad = "{\"assessedOn\": \"2026-10-01\", \"score\": \"é\"}";
    LineResult<PamAssessment> r = readAll(bad).get(0);
    assertFalse(r.ok());
    assertArrayEquals(bad.getBytes(StandardCharsets.UTF_8), r.line().bytes());
  }

  @Example
  void nextLinesStopsAtTheEndAndCountsBytes() {
    String good = CareJson.writeLine(PamAssessment.of(50.0, java.time.LocalDate.of(2026, 10, 1)));
    byte[] input = (good + "\n" + good + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8);
    JsonLines<PamAssessment> lines = JsonLines.of(new ByteArrayInputStream(input), "in.jsonl", PamAssessment.class);
    assertEquals(2, lines.nextLines(2).size());
    assertEquals(1, lines.nextLines(2).size());
    assertTrue(lines.nextLines(2).isEmpty());
    assertEquals(input.length, lines.bytesRead());
    assertNull(lines.next());
  }

  @Property(tries = 100)
  void aLineOverTheLimitIsRejectedAndTheNextLinesAreRead(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 120) int padding,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4) int copies, @ForAll boolean crlf) {
    int limit = 80;
    String line = "{\"assessedOn\": \"2026-10-01\"," + " ".repeat(padding) + "\"score\": 50}";
    String eol = crlf ? "\r\n" : "\n";
    String input = (line + eol).repeat(copies);
    List<LineResult<PamAssessment>> results = new ArrayList<>();
    try (JsonLines<PamAssessment> lines = JsonLines.of(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "in.jsonl", PamAssessment.class, limit)) {
      for (LineResult<PamAssessment> r = lines.next(); r != null; r = lines.next()) {
        results.add(r);
      }
    }
    assertEquals(copies, results.size());
    for (int i = 0; i < copies; i++) {
      LineResult<PamAssessment> r = results.get(i);
      assertEquals(i + 1, r.line().number());
      if (line.length() <= limit) {
        assertTrue(r.ok(), r::toString);
      } else {
        assertEquals("in.jsonl:" + (i + 1) + ":" + (limit + 1) + ": $: line longer than the limit of 80 bytes",
            r.reject().orElseThrow().toString());
        assertEquals(line.substring(0, limit), r.line().text());
      }
    }
  }

  @Example
  void aLineFarOverTheLimitIsRejectedAndSkipped() {
    int limit = 100_000;
    String good = CareJson.writeLine(PamAssessment.of(50.0, java.time.LocalDate.of(2026, 10, 1)));
    String huge = "{\"assessedOn\": \"2026-10-01\"," + " ".repeat(1_000_000) + "\"score\": 50}";
    List<LineResult<PamAssessment>> results = new ArrayList<>();
    try (JsonLines<PamAssessment> lines = JsonLines.of(new ByteArrayInputStream(
        (good + "\n" + huge + "\n" + good).getBytes(StandardCharsets.UTF_8)), "in.jsonl", PamAssessment.class, limit)) {
      for (LineResult<PamAssessment> r = lines.next(); r != null; r = lines.next()) {
        results.add(r);
      }
    }
    assertEquals(3, results.size());
    assertTrue(results.get(0).ok() && results.get(2).ok());
    assertEquals(limit, results.get(1).line().bytes().length);
    assertTrue(results.get(1).reject().orElseThrow().message().startsWith("line longer than"));
  }

  private static List<LineResult<PamAssessment>> readAll(String input) {
    InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    List<LineResult<PamAssessment>> results = new ArrayList<>();
    try (JsonLines<PamAssessment> lines = JsonLines.of(in, "in.jsonl", PamAssessment.class)) {
      for (LineResult<PamAssessment> r = lines.next(); r != null; r = lines.next()) {
        results.add(r);
      }
    }
    return results;
  }
}
