package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareJson;

/**
 * The streaming reports run in a heap far smaller than what they write: a JVM with a 24 MB heap
 * streams 70,000 people (some 147,000 worklist entries, sorted in runs of 10,000) and writes a
 * worklist JSON of more than twice its whole heap. Held as objects, one entry takes about 300
 * bytes (the record, its patient id, its text, its date), so the sorted worklist alone would need
 * about 44 MB, and the evaluations more: neither was ever held whole. The run size scales the
 * bound: the default (50,000 entries) suits a heap of a few hundred MB (BENCHMARKS.md).
 */
class BoundedMemoryTest {
  private static final int HEAP_MB = 24;
  private static final int PEOPLE = 70_000;
  private static final int RUN = 10_000;

  @Test
  void streamsAWorklistSeveralTimesTheHeap(@TempDir Path dir) throws IOException, InterruptedException {
    GoldenReportsTest.evaluate();
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("pcn.json"), CareJson.write(GoldenReportsTest.pcn));
    Files.writeString(templates.resolve("cases.json"), CareJson.mapper().writeValueAsString(GoldenReportsTest.cases));
    Files.writeString(
        templates.resolve("evaluations.json"),
        CareJson.mapper().writeValueAsString(
            GoldenReportsTest.cases.stream()
                .map(c -> GoldenReportsTest.evaluations.stream()
                    .filter(e -> e.patientId().equals(c.patient().id())).findFirst().orElseThrow())
                .toList()));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = dir.resolve("run.log");
    Process run =
        new ProcessBuilder(
                java.toString(), "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                BoundedMemoryRun.class.getName(), templates.toString(), String.valueOf(PEOPLE),
                dir.resolve("out").toString(), GoldenPopulation.AS_OF.toString(), String.valueOf(RUN))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(run.waitFor(5, TimeUnit.MINUTES), "the run finishes");
    String output = Files.readString(log);
    assertEquals(0, run.exitValue(), output);

    int entriesPerRound =
        GoldenReportsTest.evaluations.stream().mapToInt(e -> e.obligations().size() + e.recommendations().size()).sum();
    long entries = (long) entriesPerRound * PEOPLE / GoldenReportsTest.cases.size();
    assertTrue(output.contains("entries=" + entries + " "), output);
    Path reports = dir.resolve("out").resolve("reports");
    long worklistBytes = Files.size(reports.resolve(ReportSet.WORKLIST_JSON_FILE));
    assertTrue(worklistBytes > 2L * HEAP_MB * 1024 * 1024, () -> "worklist of " + worklistBytes + " bytes");
    try (Stream<String> lines = Files.lines(reports.resolve(ReportSet.WORKLIST_CSV_FILE))) {
      assertEquals(entries + 1, lines.count(), "one CSV row per entry, after the header");
    }
    assertEquals(
        Integer.toString(PEOPLE),
        CareJson.mapper().readTree(reports.resolve("caseload.json").toFile()).get("total").get("people").asText());
    try (Stream<Path> work = Files.list(dir.resolve("out").resolve("work"))) {
      assertEquals(List.of(), work.toList(), "the run files are deleted");
    }
  }
}
