package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The streaming accumulator writes what {@link PcnReports#build} writes, byte for byte. */
class StreamingReportsTest {
  private static final PcnReports REPORTS =
      PcnReports.builder().asOf(ReportPropertiesTest.AS_OF).suppressionThreshold(3).roundCountsTo(1).build();

  @Provide
  Arbitrary<ReportPropertiesTest.World> worlds() {
    return new ReportPropertiesTest().worlds();
  }

  /**
   * Cases in any order, some without an evaluation and some evaluations without a case, sorted in
   * runs of one to five worklist entries (so nearly always merged from disk): the same files.
   */
  @Property(tries = 25)
  void sameFilesAsTheInMemoryReports(
      @ForAll("worlds") ReportPropertiesTest.World w, @ForAll Random random, @ForAll @IntRange(min = 1, max = 5) int run)
      throws IOException {
    Map<String, PatientEvaluation> byId =
        w.evaluations().stream().collect(Collectors.toMap(PatientEvaluation::patientId, Function.identity()));
    List<PatientCase> cases = new ArrayList<>(w.cases());
    Collections.shuffle(cases, random);
    List<PatientCase> keptCases = new ArrayList<>();
    List<PatientEvaluation> keptEvaluations = new ArrayList<>();
    Path root = Files.createTempDirectory("streaming-reports");
    try (ReportAccumulator acc = REPORTS.accumulator(w.pcn(), w.coordinators(), ReportPropertiesTest.AS_OF, root.resolve("work"), run)) {
      for (PatientCase c : cases) {
        PatientEvaluation e = byId.get(c.patient().id());
        switch (random.nextInt(6)) {
          case 0 -> {
            acc.addCase(c); // no evaluation: counts, in no cohort
            keptCases.add(c);
          }
          case 1 -> {
            acc.addEvaluation(e); // no case: unallocated next steps
            keptEvaluations.add(e);
          }
          default -> {
            acc.add(c, e);
            keptCases.add(c);
            keptEvaluations.add(e);
          }
        }
      }
      assertEquals(keptCases.size(), acc.cases());
      if (acc.worklistSize() > run) {
        assertTrue(acc.runFiles() > 0, "runs were written to disk");
      }
      List<Path> streamed = acc.writeAll(root.resolve("streamed"));
      List<Path> inMemory =
          REPORTS.build(w.pcn(), keptCases, keptEvaluations, w.coordinators()).writeAll(root.resolve("in-memory"));
      assertEquals(names(inMemory), names(streamed));
      for (int i = 0; i < streamed.size(); i++) {
        assertArrayEquals(Files.readAllBytes(inMemory.get(i)), Files.readAllBytes(streamed.get(i)), names(streamed).get(i));
      }
    }
    try (Stream<Path> left = Files.list(root.resolve("work"))) {
      assertEquals(List.of(), left.toList(), "closing deletes the runs");
    } catch (java.nio.file.NoSuchFileException nothingSpilled) {
      // Nothing was ever written.
    }
    delete(root);
  }

  @Test
  void repeatedPatientIdsAreFoundAcrossRuns() throws IOException {
    GoldenReportsTest.evaluate();
    Path root = Files.createTempDirectory("streaming-reports");
    List<PatientCase> cases = GoldenReportsTest.cases;
    try (ReportAccumulator acc = REPORTS.accumulator(GoldenReportsTest.pcn, List.of(), GoldenPopulation.AS_OF, root, 1)) {
      cases.forEach(acc::addCase);
      acc.addCase(cases.get(0));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, acc::finish);
      assertEquals("two cases have the same patient id", e.getMessage());
    }
    try (ReportAccumulator acc = REPORTS.accumulator(GoldenReportsTest.pcn, List.of(), GoldenPopulation.AS_OF, root, 1)) {
      GoldenReportsTest.evaluations.forEach(acc::addEvaluation);
      acc.addEvaluation(GoldenReportsTest.evaluations.get(3));
      assertThrows(IllegalArgumentException.class, acc::finish);
    }
    delete(root);
  }

  @Test
  void refusesMismatchedInputAndUseAfterTheEnd() {
    GoldenReportsTest.evaluate();
    ReportAccumulator acc = REPORTS.accumulator(GoldenReportsTest.pcn, GoldenReportsTest.coordinators);
    PatientCase first = GoldenReportsTest.cases.get(0);
    PatientEvaluation other =
        GoldenReportsTest.evaluations.stream().filter(e -> !e.patientId().equals(first.patient().id())).findFirst().orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> acc.add(first, other));
    acc.addCase(first);
    ReportSet finished = acc.finish();
    assertEquals(finished, acc.finish());
    assertThrows(IllegalStateException.class, () -> acc.addCase(GoldenReportsTest.cases.get(1)));
    acc.close();
    assertThrows(IllegalStateException.class, acc::finish);
    assertThrows(IllegalStateException.class, finished::worklist);
  }

  @Test
  void needsAReferenceDate() {
    assertThrows(IllegalArgumentException.class, () -> PcnReports.builder().build().accumulator(PcnReportsTest.EMPTY, List.of()));
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).toList();
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
