package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.PatientCase;

class CodingCoverageReportTest {
  /** In no cluster: held by all ten people, so shown. */
  static final String COMMON = "1000000001";
  /** In no cluster: held by two people, fewer than the threshold, so never shown. */
  static final String RARE = "1000000002";
  /** Type 2 diabetes mellitus without complication: in DM_COD. */
  static final String DIABETES = "313436004";

  @Test
  void countsUnrecognisedCodesPerPracticeAndListsOnlyTheFrequentOnes(@TempDir Path dir) throws IOException {
    GoldenReportsTest.evaluate();
    List<PatientCase> cases = new ArrayList<>();
    for (int i = 0; i < GoldenReportsTest.cases.size(); i++) {
      PatientCase c = GoldenReportsTest.cases.get(i);
      List<CodedEntry> entries = new ArrayList<>(List.of(
          CodedEntry.builder().snomedCode(COMMON).display("Local code").recordedOn(GoldenPopulation.AS_OF.minusDays(30)).build()));
      if (i < 2) {
        entries.add(CodedEntry.of(RARE, GoldenPopulation.AS_OF.minusDays(20)));
      }
      if (i == 2) {
        entries.add(CodedEntry.of(DIABETES, GoldenPopulation.AS_OF.minusDays(10)));
      }
      cases.add(ImmutablePatientCase.copyOf(c)
          .withPatient(ImmutablePatient.copyOf(c.patient()).withCodedEntries(entries)));
    }
    var evaluations = GoldenReportsTest.rules.evaluateAll(GoldenReportsTest.pcn, cases);
    ReportSet r = PcnReports.builder().build().build(GoldenReportsTest.pcn, cases, evaluations, GoldenReportsTest.coordinators);
    CodingCoverageReport coding = r.report(CodingCoverageReport.class).orElseThrow();
    assertEquals("10", coding.people().display());
    assertEquals("10", coding.peopleWithUnrecognisedCodes().display());
    assertEquals(1, coding.mostFrequent().size());
    CodingCoverageReport.CodeRow row = coding.mostFrequent().get(0);
    assertEquals(COMMON, row.snomedCode());
    assertEquals("Local code", row.term());
    assertEquals("10", row.people().display());
    assertEquals("*", coding.unlistedCodes().display(), "the rare code is counted (and suppressed), not named");
    assertEquals(List.of("*", "*", "*"),
        coding.practices().stream().map(p -> p.people().display()).toList(), "6, 3 and 1 are all 7 or fewer");
    for (Path f : r.writeAll(dir)) {
      String text = Files.readString(f);
      assertFalse(text.contains(RARE), f + " names a code fewer than 8 people hold");
    }
    assertTrue(Files.readString(dir.resolve("coding-coverage-codes.csv")).contains(COMMON + ",Local code,10,10"));
    assertTrue(Files.readString(dir.resolve(ReportSet.HTML_FILE)).contains("<section id=\"coding\">"));
    assertTrue(Files.exists(dir.resolve("coding.json")));
  }
}
