package uk.nhs.carecoord.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-number suppression and rounding, as every aggregate report applies them: counts from 1 to
 * the threshold become the marker; zero and larger counts are shown, rounded to the nearest
 * multiple of {@code roundTo} (1: as they are). A threshold of 0 shows every count.
 *
 * <p>For parts that add up to a shown total, {@link #partition} also suppresses a second part
 * when only one would be, so the one cannot be worked out by subtraction. Rounding (NHS Digital's
 * HES method rounds to 5) also blurs what subtracting counts of different reports would reveal.
 *
 * <p>Public so that other ways of computing the same aggregates (a Spark job over a national
 * extract) protect their counts exactly as these reports do:
 *
 * <pre>{@code
 * Suppression s = new Suppression(7, "*", 5);
 * s.count(12);                                    // 10
 * s.count(3);                                     // *
 * s.partition(new long[] {3, 21, 17, 0}, 41);     // [*, 20, *, 0]: 17 goes too, or 41-21-17 gives 3
 * }</pre>
 *
 * <p>{@link PcnReports#suppression()} gives the one a report configuration uses. Immutable and
 * thread-safe.
 *
 * @param threshold counts from 1 to this are suppressed; 0 suppresses nothing
 * @param marker what a suppressed count shows, e.g. {@code *}
 * @param roundTo shown counts are rounded to the nearest multiple of this; 1 leaves them as they are
 */
public record Suppression(int threshold, String marker, int roundTo) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the threshold is negative, the rounding base below 1 or the
   *     marker blank
   */
  public Suppression {
    if (threshold < 0) {
      throw new IllegalArgumentException("suppression threshold must be 0 or more: " + threshold);
    }
    if (roundTo < 1) {
      throw new IllegalArgumentException("counts are rounded to a multiple of 1 or more: " + roundTo);
    }
    if (marker == null || marker.isBlank()) {
      throw new IllegalArgumentException("the suppression marker must not be blank");
    }
  }

  /**
   * The count as it may leave the practice: the marker when {@link #suppresses suppressed}, else
   * the number {@link #rounded}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public Count count(long n) {
    requireCount(n);
    return suppresses(n) ? Count.suppressed(marker) : Count.shown(rounded(n));
  }

  /**
   * {@code n} to the nearest multiple of {@code roundTo}, halves up; a count above zero is never
   * shown as zero (it would say nobody), so it is at least {@code roundTo}. Says nothing about
   * suppression: use {@link #count} for a count that may be shown.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws ArithmeticException if the result does not fit an {@code int}
   */
  public int rounded(long n) {
    requireCount(n);
    if (n == 0 || roundTo == 1) {
      return Math.toIntExact(n);
    }
    return Math.toIntExact(Math.max(roundTo, (n + roundTo / 2) / roundTo * roundTo));
  }

  /**
   * Counts of parts that add up to {@code total}, in the parts' order: primary suppression, plus
   * the smallest other non-zero part (the first of equal ones) when exactly one part is suppressed
   * and the total is shown; then rounding of what is shown.
   *
   * @param parts the exact counts of the parts
   * @param total their exact sum (the shown total decides whether secondary suppression is needed)
   * @throws IllegalArgumentException if a part or the total is negative
   */
  public List<Count> partition(long[] parts, long total) {
    requireCount(total);
    boolean[] hide = new boolean[parts.length];
    int hidden = 0;
    for (int i = 0; i < parts.length; i++) {
      requireCount(parts[i]);
      hide[i] = suppresses(parts[i]);
      hidden += hide[i] ? 1 : 0;
    }
    if (hidden == 1 && !suppresses(total)) {
      int complement = -1;
      for (int i = 0; i < parts.length; i++) {
        if (!hide[i] && parts[i] > 0 && (complement < 0 || parts[i] < parts[complement])) {
          complement = i;
        }
      }
      if (complement >= 0) {
        hide[complement] = true;
      }
    }
    List<Count> counts = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      counts.add(hide[i] ? Count.suppressed(marker) : Count.shown(rounded(parts[i])));
    }
    return List.copyOf(counts);
  }

  /** True when a count of {@code n} is replaced by the marker: {@code 1 <= n <= threshold}. */
  public boolean suppresses(long n) {
    return n >= 1 && n <= threshold;
  }

  private static void requireCount(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a count cannot be negative: " + n);
    }
  }
}
