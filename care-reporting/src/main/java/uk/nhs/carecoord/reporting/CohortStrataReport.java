package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Each cohort's caseload figures stratified by practice and by latest PAM level: the counts a
 * FHIR {@code MeasureReport} carries. The figures mean what they mean in the {@link
 * CaseloadReport} (people, agreed plan, plan shared, review overdue, no plan), and a cohort's total
 * equals its row there. An aggregate report: every count is suppressed and no person is named.
 *
 * <p>Within a cohort the practices partition its people, and so do the PAM levels with "no PAM":
 * each figure is suppressed across the strata as parts of the cohort's figure, as the caseload
 * report does across practices, so a suppressed stratum cannot be recovered by subtraction.
 *
 * @param asOf the reference date
 * @param cohorts one entry per cohort raised, by cohort code
 */
public record CohortStrataReport(LocalDate asOf, List<CohortStrata> cohorts) {

  /** The stratum of people with no PAM assessment. */
  public static final String NO_PAM = "NO_PAM";

  /** Defensive copy. */
  public CohortStrataReport {
    cohorts = List.copyOf(cohorts);
  }

  /**
   * One cohort.
   *
   * @param cohort the cohort code, e.g. {@code FRAIL_ELDERLY}
   * @param figures the cohort's figures, as its row in the caseload report
   * @param practices one stratum per member practice in the PCN's order, then any other practice
   *     code found among the cohort's people, by code
   * @param pamLevels strata {@code LEVEL_1}…{@code LEVEL_4} (latest assessment) and {@link #NO_PAM}
   */
  public record CohortStrata(
      String cohort, CaseloadReport.Figures figures, List<Stratum> practices, List<Stratum> pamLevels) {
    /** Defensive copies. */
    public CohortStrata {
      practices = List.copyOf(practices);
      pamLevels = List.copyOf(pamLevels);
    }
  }

  /**
   * One stratum of a cohort.
   *
   * @param value the practice's ODS code, or the PAM level ({@code LEVEL_1}…, {@code NO_PAM})
   * @param figures its figures
   */
  public record Stratum(String value, CaseloadReport.Figures figures) {}
}
