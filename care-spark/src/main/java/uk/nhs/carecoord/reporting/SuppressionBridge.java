package uk.nhs.carecoord.reporting;

import java.util.List;

/**
 * care-reporting's own small-number suppression and rounding ({@code Suppression}), reached from
 * care-spark so that Spark's aggregates are suppressed by the very same function as {@link
 * PcnReports}' reports. {@code Suppression} is package-private in care-reporting for now, hence
 * this class in the same package (a split package, fine on the class path, which is how Spark
 * loads jars). Remove it once care-reporting makes {@code Suppression} public.
 */
public final class SuppressionBridge {
  private final Suppression suppression;

  /**
   * As {@link PcnReports.Builder}'s settings.
   *
   * @throws IllegalArgumentException if the threshold is negative, the marker blank or the
   *     rounding base below 1
   */
  public SuppressionBridge(int threshold, String marker, int roundTo) {
    this.suppression = new Suppression(threshold, marker, roundTo);
  }

  /** A count as it may leave the practice: suppressed, or rounded. */
  public Count count(long n) {
    return suppression.count(n);
  }

  /** Counts of parts of a shown total, with a second part suppressed where one alone would be. */
  public List<Count> partition(long[] parts, long total) {
    return suppression.partition(parts, total);
  }
}
