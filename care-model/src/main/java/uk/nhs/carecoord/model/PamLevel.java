package uk.nhs.carecoord.model;

/**
 * Patient Activation Measure level, derived from a 0–100 score.
 *
 * <p>Level boundaries are inclusive upper bounds: level 1 up to 47.0, level 2 up to 55.1, level 3
 * up to 67.0, level 4 above that (so 47.1 is level 2 and 67.1 is level 4).
 */
public enum PamLevel {
  /** Disengaged and overwhelmed; does not yet see their own role. */
  LEVEL_1(1, 47.0),
  /** Becoming aware but lacks the knowledge and confidence to act. */
  LEVEL_2(2, 55.1),
  /** Beginning to take action. */
  LEVEL_3(3, 67.0),
  /** Has adopted new behaviours but may slip under stress. */
  LEVEL_4(4, 100.0);

  private final int number;
  private final double upperBound;

  PamLevel(int number, double upperBound) {
    this.number = number;
    this.upperBound = upperBound;
  }

  /** 1 to 4. */
  public int number() {
    return number;
  }

  /** The highest score at this level, inclusive. */
  public double upperBound() {
    return upperBound;
  }

  /**
   * The level of a score.
   *
   * @throws ModelValidationException if the score is not within 0.0–100.0
   */
  public static PamLevel fromScore(double score) {
    PamAssessment.checkScore(score);
    for (PamLevel level : values()) {
      if (score <= level.upperBound) {
        return level;
      }
    }
    throw new AssertionError("unreachable: score checked to be at most 100");
  }
}
