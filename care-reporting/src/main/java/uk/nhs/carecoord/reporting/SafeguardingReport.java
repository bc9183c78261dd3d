package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Safeguarding: open concerns and the obligations they raise, by how long the concern has been
 * open, and GP discussions that are overdue. An aggregate report: every count is suppressed and no
 * person or concern is named.
 *
 * @param asOf the reference date
 * @param openConcerns concerns not closed (open or referred)
 * @param peopleWithOpenConcerns people with at least one open concern
 * @param overdueGpDiscussions obligations to discuss a concern with a GP whose due date has passed
 * @param byAge open concerns and their obligations, by days open
 * @param obligations obligations by code
 */
public record SafeguardingReport(
    LocalDate asOf,
    Count openConcerns,
    Count peopleWithOpenConcerns,
    Count overdueGpDiscussions,
    List<AgeBand> byAge,
    List<ObligationRow> obligations) {

  /** Defensive copies. */
  public SafeguardingReport {
    byAge = List.copyOf(byAge);
    obligations = List.copyOf(obligations);
  }

  /**
   * Open concerns of one age band.
   *
   * @param band the band, e.g. "8-28 days"
   * @param minDays the fewest days open in the band
   * @param openConcerns open concerns raised that many days before the reference date
   * @param notDiscussedWithGp of those, concerns not yet discussed with a GP
   * @param obligations obligations raised about those concerns
   */
  public record AgeBand(String band, int minDays, Count openConcerns, Count notDiscussedWithGp, Count obligations) {}

  /**
   * Obligations with one code.
   *
   * @param code the obligation code, e.g. {@code DISCUSS_SAFEGUARDING_CONCERN}
   * @param total how many
   * @param overdue how many are past their due date
   */
  public record ObligationRow(String code, Count total, Count overdue) {}
}
