package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Caseload and cohorts: people per cohort and per practice, with their care and support plans.
 * An aggregate report: every count is suppressed and no person is named.
 *
 * @param asOf the reference date
 * @param total figures for everybody in the caseload
 * @param inNoCohort people the rules placed in no cohort
 * @param cohorts one row per cohort raised, by cohort code
 * @param practices one row per member practice, in the PCN's order, then any other practice code
 *     found on a case, by code
 */
public record CaseloadReport(
    LocalDate asOf,
    Figures total,
    Count inNoCohort,
    List<CohortRow> cohorts,
    List<PracticeRow> practices) {

  /** Defensive copies. */
  public CaseloadReport {
    cohorts = List.copyOf(cohorts);
    practices = List.copyOf(practices);
  }

  /**
   * The figures of one group of people.
   *
   * @param people how many people
   * @param withAgreedPlan with a personalised care and support plan that is agreed (an agreed-on
   *     date, and active, on hold or completed)
   * @param planSharedWithPerson whose current plan has been shared with them
   * @param reviewOverdue whose active plan's review date has passed
   * @param withoutPlan with no plan, or only a revoked or entered-in-error one
   */
  public record Figures(
      Count people, Count withAgreedPlan, Count planSharedWithPerson, Count reviewOverdue, Count withoutPlan) {}

  /**
   * A cohort's row.
   *
   * @param cohort the cohort code, e.g. {@code FRAIL_ELDERLY}
   * @param figures its figures
   */
  public record CohortRow(String cohort, Figures figures) {}

  /**
   * A practice's row.
   *
   * @param odsCode the practice's ODS code
   * @param name its name, empty when it is not a member practice of the PCN
   * @param figures its figures
   */
  public record PracticeRow(String odsCode, String name, Figures figures) {}
}
