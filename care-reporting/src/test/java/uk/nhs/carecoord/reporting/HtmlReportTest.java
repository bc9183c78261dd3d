package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  static ReportSet reports;
  static Document page;

  @BeforeAll
  static void render() {
    GoldenReportsTest.evaluate();
    reports = GoldenReportsTest.reports(1);
    page = Jsoup.parse(reports.toHtml());
  }

  @Test
  void selfContained() {
    assertTrue(page.select("script[src], link[href], img[src]").isEmpty());
    assertEquals(3, page.select("svg").size());
    assertNotNull(page.selectFirst("style"));
  }

  @Test
  void escapesText() {
    assertEquals("Riverside & <Hilltop> PCN (U12345)", page.selectFirst("h1").text());
    assertTrue(reports.toHtml().contains("Riverside &amp; &lt;Hilltop&gt; PCN"));
    assertTrue(page.select("svg#compliance-matrix text.row").eachText().contains("Sam O'Neill"));
    assertFalse(reports.toHtml().contains("<Hilltop>"));
  }

  @Test
  void pamBarChart() {
    Elements bars = page.select("svg#pam-distribution g.bar");
    assertEquals(List.of("1", "2", "3", "4"), bars.eachAttr("data-level"));
    assertEquals(List.of("*", "2", "*", "2"), bars.eachAttr("data-count"));
    assertEquals(List.of("*", "2", "*", "2"), bars.select("text.count").eachText());
    Element l2 = bars.get(1).selectFirst("rect");
    Element l4 = bars.get(3).selectFirst("rect");
    assertEquals(l2.attr("height"), l4.attr("height"));
    assertEquals("url(#hatch)", bars.get(0).selectFirst("rect").attr("fill"));
  }

  @Test
  void transitionHeatMap() {
    Elements cells = page.select("svg#pam-transitions g.cell");
    assertEquals(16, cells.size());
    assertEquals("*", page.selectFirst("svg#pam-transitions g.cell[data-from=1][data-to=3]").attr("data-count"));
    assertEquals("0", page.selectFirst("svg#pam-transitions g.cell[data-from=1][data-to=1]").attr("data-count"));
    assertEquals(4, cells.select("[data-count=*]").size());
  }

  @Test
  void complianceMatrix() {
    TrainingComplianceReport t = reports.training();
    Elements cells = page.select("svg#compliance-matrix g.status");
    assertEquals(t.rows().size() * t.items().size(), cells.size());
    assertEquals("COMPLETE",
        page.selectFirst("svg#compliance-matrix g.status[data-coordinator=cc-1][data-item=PCI_CARE_COORDINATOR_COURSE]")
            .attr("data-status"));
    assertEquals("false", page.selectFirst("svg#compliance-matrix g.verdict[data-coordinator=cc-2]").attr("data-compliant"));
    assertTrue(page.select("table#supervision td").eachText().contains("Dr A. Patel (GP partner)"));
  }

  @Test
  void tablesShowSuppressedFigures() {
    Element total = page.selectFirst("table#practices tr[data-practice=TOTAL]");
    assertEquals(List.of("10", "2", "*", "*", "7"), total.select("td.n").eachText());
    assertEquals("4", page.selectFirst("#without-pam").text());
    assertEquals("+3.8", page.selectFirst("#mean-change").text());
    assertTrue(page.selectFirst("#suppression-note").text().contains("from 1 to 1 are shown as *. "));
  }

  @Test
  void roundedReportsSayHowAndShowRoundedFigures() {
    ReportSet rounded = PcnReports.builder().suppressionThreshold(1).roundCountsTo(5).build()
        .build(GoldenReportsTest.pcn, GoldenReportsTest.cases, GoldenReportsTest.evaluations, GoldenReportsTest.coordinators);
    Document p = Jsoup.parse(rounded.toHtml());
    assertTrue(p.selectFirst("#suppression-note").text().contains("are shown as *; other counts are rounded to the nearest 5."));
    assertEquals(List.of("10", "5", "*", "*", "5"),
        p.selectFirst("table#practices tr[data-practice=TOTAL]").select("td.n").eachText());
  }

  @Test
  void worklistPageCarriesBanner(@TempDir Path dir) throws IOException {
    Path file = reports.writeWorklistHtml(dir.resolve(ReportSet.WORKLIST_HTML_FILE));
    Document w = Jsoup.parse(Files.readString(file));
    assertTrue(w.selectFirst("#patient-data-banner").text().startsWith("CONTAINS PATIENT DATA"));
    assertEquals(reports.worklist().entries().size(), w.select("tr.entry").size());
    assertEquals("UNALLOCATED", w.select("section.coordinator").last().attr("data-coordinator"));
  }

  /** Where a person reads a cohort or obligation, they read the catalogue's label; JSON keeps the code. */
  @Test
  void labelsFromTheOutputCatalogue(@TempDir Path dir) throws IOException {
    var outputs = GoldenReportsTest.rules.outputs();
    assertEquals(outputs.label("FRAIL_ELDERLY"),
        page.selectFirst("table#cohorts tr[data-cohort=FRAIL_ELDERLY] td").text());
    assertFalse(page.select("table#cohorts td").eachText().contains("FRAIL_ELDERLY"));
    assertTrue(page.select("table#obligations td").eachText().contains(outputs.label("DISCUSS_SAFEGUARDING_CONCERN")));
    reports.writeCsv(dir);
    assertTrue(Files.readAllLines(dir.resolve("caseload-cohorts.csv")).stream()
        .anyMatch(l -> l.startsWith("FRAIL_ELDERLY," + outputs.label("FRAIL_ELDERLY") + ",")));
    assertTrue(Files.readAllLines(dir.resolve("safeguarding-obligations.csv")).stream().anyMatch(l -> l.startsWith(
        "DISCUSS_SAFEGUARDING_CONCERN," + outputs.label("DISCUSS_SAFEGUARDING_CONCERN") + ",")));
    reports.writeJson(dir);
    assertTrue(Files.readString(dir.resolve("caseload.json")).contains("\"cohort\" : \"FRAIL_ELDERLY\""));
  }
}
