package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Practice;

class PcnReportsTest {
  static final Pcn EMPTY =
      Pcn.builder().code("U00001").name("Empty PCN").addPractices(Practice.of("A00001", "Solo Surgery")).build();

  @Test
  void emptyInputsNeedAReferenceDate() {
    PcnReports reports = PcnReports.builder().build();
    assertThrows(IllegalArgumentException.class, () -> reports.build(EMPTY, List.of(), List.of(), List.of()));
  }

  @Test
  void emptyInputsGiveZeros() {
    ReportSet r = PcnReports.builder().asOf(LocalDate.of(2026, 11, 24)).build().build(EMPTY, List.of(), List.of(), List.of());
    assertTrue(Counts.in(r.caseload()).stream().allMatch(c -> c.equals(Count.shown(0))));
    assertTrue(Counts.in(r.activation()).stream().allMatch(c -> c.equals(Count.shown(0))));
    assertTrue(r.activation().meanPointsChange().isEmpty());
    assertTrue(r.worklist().entries().isEmpty());
    assertEquals(1, r.caseload().practices().size());
  }

  @Test
  void rejectsBadConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> PcnReports.builder().suppressionThreshold(-1).build());
    assertThrows(IllegalArgumentException.class, () -> PcnReports.builder().suppressionMarker(" ").build());
  }

  @Test
  void rejectsEvaluationsOfAnotherDate() {
    GoldenReportsTest.evaluate();
    PcnReports reports = PcnReports.builder().asOf(LocalDate.of(2026, 11, 25)).build();
    assertThrows(
        IllegalArgumentException.class,
        () -> reports.build(GoldenReportsTest.pcn, GoldenReportsTest.cases, GoldenReportsTest.evaluations, List.of()));
  }

  @Test
  void countJson() {
    assertEquals("7", CareJson.write(Count.shown(7)));
    assertEquals("\"*\"", CareJson.write(Count.suppressed("*")));
    assertEquals(Count.suppressed("*"), CareJson.read("\"*\"", Count.class));
    assertEquals(Count.shown(0), CareJson.read("0", Count.class));
  }

  @Test
  void suppressionBoundaries() {
    Suppression s = new Suppression(7, "*", 1);
    assertEquals(Count.shown(0), s.count(0));
    assertEquals(Count.suppressed("*"), s.count(1));
    assertEquals(Count.suppressed("*"), s.count(7));
    assertEquals(Count.shown(8), s.count(8));
    assertEquals(Count.shown(1), new Suppression(0, "*", 1).count(1));
  }

  @Test
  void roundingToFive() {
    Suppression s = new Suppression(7, "*", 5);
    assertEquals(Count.shown(0), s.count(0));
    assertEquals(Count.suppressed("*"), s.count(7));
    assertEquals(Count.shown(10), s.count(8));
    assertEquals(Count.shown(10), s.count(12));
    assertEquals(Count.shown(15), s.count(13));
    assertEquals(Count.shown(5), new Suppression(0, "*", 5).count(1), "someone is never shown as nobody");
    assertEquals(List.of(Count.suppressed("*"), Count.shown(20), Count.suppressed("*"), Count.shown(0)),
        s.partition(new long[] {3, 21, 17, 0}, 41), "secondary suppression as without rounding");
    assertThrows(IllegalArgumentException.class, () -> PcnReports.builder().roundCountsTo(0).build());
  }

  @Property
  void roundedCountsStayNearTheirNumber(
      @ForAll @LongRange(max = 1_000_000) long n, @ForAll @IntRange(max = 20) int threshold, @ForAll @IntRange(min = 1, max = 10) int base) {
    Suppression s = new Suppression(threshold, "*", base);
    Count c = s.count(n);
    assertEquals(n >= 1 && n <= threshold, c.isSuppressed());
    if (!c.isSuppressed()) {
      int shown = c.value().getAsInt();
      assertEquals(0, shown % base);
      assertEquals(n == 0, shown == 0);
      assertTrue(Math.abs(shown - n) <= base / 2 || (n < base && shown == base), () -> n + " shown as " + shown);
      assertTrue(s.rounded(n + 1) >= shown, "never smaller for a larger count");
    }
  }

  @Test
  void complementarySuppression() {
    Suppression s = new Suppression(7, "*", 1);
    // 3 alone would be 40 - 20 - 17 by subtraction: the smallest other non-zero part goes too.
    assertEquals(
        List.of(Count.suppressed("*"), Count.shown(20), Count.suppressed("*"), Count.shown(0)),
        s.partition(new long[] {3, 20, 17, 0}, 40));
    // Two suppressed already, or a suppressed total: nothing more.
    assertEquals(
        List.of(Count.suppressed("*"), Count.suppressed("*"), Count.shown(30)),
        s.partition(new long[] {3, 4, 30}, 37));
    assertEquals(List.of(Count.suppressed("*"), Count.shown(0)), s.partition(new long[] {5, 0}, 5));
  }

  @Test
  void htmlEscaping() {
    assertEquals("&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;", Html.esc("<b> & \"q\" 'a'"));
  }
}
