package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Coding coverage: how many people's records hold SNOMED CT codes that no code cluster
 * recognised, per practice, and the unrecognised codes most people have. Such codes count towards
 * no decision (a local code, a newer release, a condition the rules do not cover), so a practice
 * with many may have people the cohorts miss. An aggregate report: every count is suppressed, and
 * a code is listed only when the number of people with it is shown.
 *
 * @param asOf the reference date
 * @param codeListVersions the code-list versions the evaluations used, sorted (one, normally)
 * @param people people with a case and an evaluation
 * @param peopleWithUnrecognisedCodes of those, people with at least one unrecognised code
 * @param codedEntries coded entries on their records
 * @param unrecognisedEntries of those, entries whose code is in no cluster
 * @param practices one row per member practice, in the PCN's order, then any other practice code
 *     found on a case, by code
 * @param mostFrequent up to {@value #MOST_FREQUENT} unrecognised codes, most people first (then by
 *     code), each held by more people than the suppression threshold
 * @param unlistedCodes how many other distinct unrecognised codes there were (suppressed as
 *     counts of people are)
 */
public record CodingCoverageReport(
    LocalDate asOf,
    List<String> codeListVersions,
    Count people,
    Count peopleWithUnrecognisedCodes,
    Count codedEntries,
    Count unrecognisedEntries,
    List<PracticeRow> practices,
    List<CodeRow> mostFrequent,
    Count unlistedCodes) {

  /** The most unrecognised codes listed. */
  public static final int MOST_FREQUENT = 20;

  /** Defensive copies. */
  public CodingCoverageReport {
    codeListVersions = List.copyOf(codeListVersions);
    practices = List.copyOf(practices);
    mostFrequent = List.copyOf(mostFrequent);
  }

  /**
   * A practice's row.
   *
   * @param odsCode the practice's ODS code
   * @param name its name, empty when it is not a member practice of the PCN
   * @param people its people with a case and an evaluation
   * @param withUnrecognisedCodes of those, people with at least one unrecognised code
   */
  public record PracticeRow(String odsCode, String name, Count people, Count withUnrecognisedCodes) {}

  /**
   * An unrecognised code.
   *
   * @param snomedCode the code as recorded
   * @param term a term recorded with it (the first in sort order), empty if none was
   * @param people how many people's records hold it
   * @param entries how many entries hold it
   */
  public record CodeRow(String snomedCode, String term, Count people, Count entries) {}
}
