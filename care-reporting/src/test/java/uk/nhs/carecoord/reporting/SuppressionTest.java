package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The public suppression function other aggregations (Spark) reuse. */
class SuppressionTest {

  /** Secondary suppression: a shown total never has exactly one suppressed part beside shown non-zero ones. */
  @Property
  void partitionHidesEverySmallPartAndNeverALoneOne(
      @ForAll @Size(max = 12) List<@LongRange(max = 40) Long> parts,
      @ForAll @IntRange(max = 10) int threshold,
      @ForAll @IntRange(min = 1, max = 10) int base) {
    Suppression s = new Suppression(threshold, "*", base);
    long[] raw = parts.stream().mapToLong(Long::longValue).toArray();
    long total = LongStream.of(raw).sum();
    List<Count> counts = s.partition(raw, total);
    assertEquals(raw.length, counts.size());
    long hidden = counts.stream().filter(Count::isSuppressed).count();
    for (int i = 0; i < raw.length; i++) {
      if (s.suppresses(raw[i])) {
        assertTrue(counts.get(i).isSuppressed(), "primary");
      } else if (!counts.get(i).isSuppressed()) {
        assertEquals(s.count(raw[i]), counts.get(i), "shown parts are shown as count() shows them");
      } else {
        assertTrue(raw[i] > 0, "a zero is never hidden");
      }
    }
    long nonZeroShown = counts.stream().filter(c -> !c.isSuppressed() && c.value().getAsInt() > 0).count();
    if (!s.suppresses(total) && hidden == 1) {
      assertEquals(0, nonZeroShown, "a lone suppressed part only when nothing else could hide it");
    }
    long primary = LongStream.of(raw).filter(s::suppresses).count();
    assertTrue(hidden - primary <= 1, "at most one part is added to the suppressed ones");
  }

  @Test
  void refusesNegativeCountsAndBadSettings() {
    Suppression s = new Suppression(7, "*", 5);
    assertThrows(IllegalArgumentException.class, () -> s.count(-1));
    assertThrows(IllegalArgumentException.class, () -> s.rounded(-3));
    assertThrows(IllegalArgumentException.class, () -> s.partition(new long[] {2, -1}, 1));
    assertThrows(IllegalArgumentException.class, () -> new Suppression(-1, "*", 1));
    assertThrows(IllegalArgumentException.class, () -> new Suppression(7, " ", 1));
    assertThrows(IllegalArgumentException.class, () -> new Suppression(7, "*", 0));
    assertFalse(s.suppresses(0));
    assertEquals(s, PcnReports.builder().suppressionThreshold(7).roundCountsTo(5).build().suppression());
  }
}
