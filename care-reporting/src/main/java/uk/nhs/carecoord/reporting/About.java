package uk.nhs.carecoord.reporting;

import java.time.LocalDate;

/**
 * What an aggregate file needs beside it to be read on its own: whose reports, as of when, and how
 * their counts were protected. Written as {@code about.json} and {@code about.csv}.
 */
record About(
    String pcnCode,
    String pcnName,
    LocalDate asOf,
    int suppressionThreshold,
    String suppressionMarker,
    int countsRoundedTo) {

  static About of(ReportSet r) {
    return new About(
        r.pcnCode(), r.pcnName(), r.asOf(), r.suppressionThreshold(), r.suppressionMarker(), r.countsRoundedTo());
  }
}
