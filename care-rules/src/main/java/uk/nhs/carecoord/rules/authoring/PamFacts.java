package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.PamLevel;

/** The person's Patient Activation Measure history; inserted only when there is at least one assessment. */
public final class PamFacts {
  private final double latestScore;
  private final PamLevel latestLevel;
  private final LocalDate latestOn;
  private final int monthsSinceLatest;
  private final double firstScore;
  private final PamLevel firstLevel;
  private final LocalDate firstOn;
  private final int assessmentCount;

  /** Made by the engine; public for rule tests. */
  public PamFacts(double latestScore, PamLevel latestLevel, LocalDate latestOn, int monthsSinceLatest, double firstScore, PamLevel firstLevel, LocalDate firstOn, int assessmentCount) {
    this.latestScore = latestScore;
    this.latestLevel = latestLevel;
    this.latestOn = latestOn;
    this.monthsSinceLatest = monthsSinceLatest;
    this.firstScore = firstScore;
    this.firstLevel = firstLevel;
    this.firstOn = firstOn;
    this.assessmentCount = assessmentCount;
  }

  /** Latest score. */
  public double getLatestScore() {
    return latestScore;
  }

  /** Latest level. */
  public PamLevel getLatestLevel() {
    return latestLevel;
  }

  /** Date of the latest assessment. */
  public LocalDate getLatestOn() {
    return latestOn;
  }

  /** Whole months from the latest assessment to the reference date. */
  public int getMonthsSinceLatest() {
    return monthsSinceLatest;
  }

  /** First score. */
  public double getFirstScore() {
    return firstScore;
  }

  /** First level. */
  public PamLevel getFirstLevel() {
    return firstLevel;
  }

  /** Date of the first assessment. */
  public LocalDate getFirstOn() {
    return firstOn;
  }

  /** Number of assessments. */
  public int getAssessmentCount() {
    return assessmentCount;
  }

  @Override
  public String toString() {
    return "PamFacts[" + "latestScore=" + latestScore + ", " + "latestLevel=" + latestLevel + ", " + "latestOn=" + latestOn + ", " + "monthsSinceLatest=" + monthsSinceLatest + ", " + "firstScore=" + firstScore + ", " + "firstLevel=" + firstLevel + ", " + "firstOn=" + firstOn + ", " + "assessmentCount=" + assessmentCount + "]";
  }
}
