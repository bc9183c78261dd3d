package uk.nhs.carecoord.reporting;

/**
 * Small-number suppression: counts from 1 to the threshold become the marker; zero and larger
 * counts are shown, rounded to the nearest multiple of {@code roundTo} (1: as they are). A
 * threshold of 0 shows every count.
 *
 * <p>For parts that add up to a shown total, {@link #partition} also suppresses a second part
 * when only one would be, so the one cannot be worked out by subtraction. Rounding (NHS Digital's
 * HES method rounds to 5) also blurs what subtracting counts of different reports would reveal.
 */
record Suppression(int threshold, String marker, int roundTo) {

  Suppression {
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

  /** The count as it may leave the practice. */
  Count count(long n) {
    return suppresses(n) ? Count.suppressed(marker) : Count.shown(rounded(n));
  }

  /**
   * {@code n} to the nearest multiple of {@code roundTo}, halves up; a count above zero is never
   * shown as zero (it would say nobody), so it is at least {@code roundTo}.
   */
  int rounded(long n) {
    if (n == 0 || roundTo == 1) {
      return Math.toIntExact(n);
    }
    return Math.toIntExact(Math.max(roundTo, (n + roundTo / 2) / roundTo * roundTo));
  }

  /**
   * Counts of parts that add up to {@code total}: primary suppression, plus the smallest other
   * non-zero part when exactly one part is suppressed and the total is shown.
   */
  java.util.List<Count> partition(long[] parts, long total) {
    boolean[] hide = new boolean[parts.length];
    int hidden = 0;
    for (int i = 0; i < parts.length; i++) {
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
    java.util.List<Count> counts = new java.util.ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      counts.add(hide[i] ? Count.suppressed(marker) : Count.shown(rounded(parts[i])));
    }
    return java.util.List.copyOf(counts);
  }

  /** True when a count of {@code n} is replaced by the marker. */
  boolean suppresses(long n) {
    return n >= 1 && n <= threshold;
  }
}
