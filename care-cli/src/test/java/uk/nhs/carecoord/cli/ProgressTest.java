package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The progress line's content, its pacing, and silence when it is not wanted. */
class ProgressTest {

  @Test
  void formatsCasesRateRejectsAndTimeLeft() {
    // 10,000 cases in 2 s, a quarter of the file read: 6 s left.
    assertEquals("10,000 cases, 5,000/s, 3 rejected, 0:06 left", Progress.format(10_000, 3, 250, 1000, 2_000_000_000L));
    assertEquals("10,000 cases, 5,000/s, 0:06 left", Progress.format(10_000, 0, 250, 1000, 2_000_000_000L));
  }

  @Test
  void noTimeLeftWithoutAKnownSize() {
    assertEquals("1,500 cases, 3,000/s", Progress.format(1500, 0, 4096, -1, 500_000_000L));
  }

  @Test
  void durations() {
    assertEquals("0:00", Progress.duration(0));
    assertEquals("1:05", Progress.duration(65));
    assertEquals("1:00:01", Progress.duration(3601));
  }

  @Property
  void timeLeftNeverNegativeAndZeroAtTheEnd(
      @ForAll @LongRange(min = 1, max = 1_000_000_000) long total,
      @ForAll @LongRange(min = 1, max = 1_000_000_000) long read) {
    String line = Progress.format(100, 0, read, total, 1_000_000_000L);
    assertFalse(line.contains("-"), line);
    if (read >= total) {
      assertTrue(line.endsWith(", 0:00 left"), line);
    }
  }

  @Test
  void drawsInPlaceAtMostFourTimesASecondAndClearsAtTheEnd() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    Progress p = new Progress(new PrintWriter(err), true, 1000, () -> now[0]);
    p.update(1, 0, 10);
    assertEquals("", err.toString(), "not before a quarter of a second");
    now[0] = 300_000_000L;
    p.update(30, 0, 100);
    assertEquals("\r30 cases, 100/s, 0:03 left", err.toString());
    now[0] = 400_000_000L;
    p.update(40, 0, 120);
    assertEquals("\r30 cases, 100/s, 0:03 left", err.toString(), "too soon to redraw");
    p.finish();
    assertTrue(err.toString().endsWith("\r" + " ".repeat("30 cases, 100/s, 0:03 left".length()) + "\r"));
  }

  @Test
  void disabledDrawsNothing() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    Progress p = new Progress(new PrintWriter(err), false, 1000, () -> now[0]);
    now[0] = 10_000_000_000L;
    p.update(1000, 1, 1000);
    p.finish();
    assertEquals("", err.toString());
  }

  @Test
  void standardErrorOfATestIsNotATerminal() {
    // Surefire runs tests with standard error on a pipe or file: the command line stays quiet there.
    assertFalse(Terminal.stderrIsTerminal());
  }
}
