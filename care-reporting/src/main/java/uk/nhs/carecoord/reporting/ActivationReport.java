package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Patient activation: people by their latest PAM level, and movement between each person's first
 * and latest assessment. An aggregate report: every count is suppressed and no person is named.
 *
 * @param asOf the reference date
 * @param people everybody in the caseload
 * @param withoutPam people with no PAM assessment
 * @param levels people by latest PAM level, levels 1 to 4
 * @param remeasured people with two or more assessments
 * @param transitions first level to latest level for the remeasured, 16 cells, by first level then
 *     latest level
 * @param improved remeasured people whose score rose by at least {@value
 *     ActivationReport#MEANINGFUL_GAIN} points
 * @param meanPointsChange mean of latest minus first score over the remeasured, to one decimal
 *     place; absent when nobody was remeasured or their number is suppressed
 */
public record ActivationReport(
    LocalDate asOf,
    Count people,
    Count withoutPam,
    List<LevelRow> levels,
    Count remeasured,
    List<Transition> transitions,
    Count improved,
    Optional<Double> meanPointsChange) {

  /** Gain in points taken as a meaningful improvement (NQF #2483). */
  public static final double MEANINGFUL_GAIN = 3.0;

  /** Defensive copies. */
  public ActivationReport {
    levels = List.copyOf(levels);
    transitions = List.copyOf(transitions);
  }

  /**
   * People at one PAM level.
   *
   * @param level 1 to 4
   * @param people how many people's latest assessment is at this level
   */
  public record LevelRow(int level, Count people) {}

  /**
   * One cell of the level transition matrix.
   *
   * @param from level at the first assessment, 1 to 4
   * @param to level at the latest assessment, 1 to 4
   * @param people how many remeasured people moved so
   */
  public record Transition(int from, int to, Count people) {}
}
