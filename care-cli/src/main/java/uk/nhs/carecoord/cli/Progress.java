package uk.nhs.carecoord.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on standard error, redrawn in place at most four times a second:
 * {@code 12,345 cases, 48,210/s, 3 rejected, 0:07 left}. The time left is estimated from the
 * share of the input file read so far (unknown for standard input). Draws nothing when disabled.
 */
final class Progress {
  private static final long EVERY_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final long totalBytes;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastDrawn;
  private int drawnWidth;

  /**
   * @param totalBytes the input's size, or a negative number when unknown
   * @param nanoTime the clock ({@code System::nanoTime}; tests pass their own)
   */
  Progress(PrintWriter err, boolean enabled, long totalBytes, LongSupplier nanoTime) {
    this.err = err;
    this.enabled = enabled;
    this.totalBytes = totalBytes;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.lastDrawn = started;
  }

  /** Progress drawn on {@code err} if it is a terminal and the user did not ask for quiet. */
  static Progress onTerminal(PrintWriter err, boolean quiet, long totalBytes) {
    return new Progress(err, !quiet && Terminal.stderrIsTerminal(), totalBytes, System::nanoTime);
  }

  /** Redraws the line if enough time has passed since the last time. */
  void update(long cases, long rejected, long bytesRead) {
    if (!enabled) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - lastDrawn < EVERY_NANOS) {
      return;
    }
    lastDrawn = now;
    String line = format(cases, rejected, bytesRead, totalBytes, now - started);
    err.print('\r' + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = line.length();
  }

  /** Clears the line, so that what follows starts on a clean one. */
  void finish() {
    if (enabled && drawnWidth > 0) {
      err.print('\r' + " ".repeat(drawnWidth) + '\r');
      err.flush();
      drawnWidth = 0;
    }
  }

  /** The progress line: cases done, rate, rejects (if any) and time left (if it can be estimated). */
  static String format(long cases, long rejected, long bytesRead, long totalBytes, long elapsedNanos) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d cases", cases));
    double seconds = elapsedNanos / 1e9;
    if (seconds > 0) {
      s.append(String.format(Locale.ROOT, ", %,d/s", Math.round(cases / seconds)));
    }
    if (rejected > 0) {
      s.append(String.format(Locale.ROOT, ", %,d rejected", rejected));
    }
    if (totalBytes > 0 && bytesRead > 0 && seconds > 0) {
      double left = seconds * (totalBytes - Math.min(bytesRead, totalBytes)) / bytesRead;
      s.append(", ").append(duration(Math.round(left))).append(" left");
    }
    return s.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long sec = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
