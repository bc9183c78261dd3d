package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.ArrsEngagement;

/** A care co-ordinator being evaluated for ARRS training compliance. */
public final class CoordinatorFacts {
  private final String coordinatorId;
  private final LocalDate startedOn;
  private final ArrsEngagement engagement;
  private final int monthsInPost;

  /** Made by the engine; public for rule tests. */
  public CoordinatorFacts(String coordinatorId, LocalDate startedOn, ArrsEngagement engagement, int monthsInPost) {
    this.coordinatorId = coordinatorId;
    this.startedOn = startedOn;
    this.engagement = engagement;
    this.monthsInPost = monthsInPost;
  }

  /** The co-ordinator. */
  public String getCoordinatorId() {
    return coordinatorId;
  }

  /** Start in the role. */
  public LocalDate getStartedOn() {
    return startedOn;
  }

  /** Employed or engaged. */
  public ArrsEngagement getEngagement() {
    return engagement;
  }

  /** Whole months from start to the reference date (negative before start). */
  public int getMonthsInPost() {
    return monthsInPost;
  }

  @Override
  public String toString() {
    return "CoordinatorFacts[" + "coordinatorId=" + coordinatorId + ", " + "startedOn=" + startedOn + ", " + "engagement=" + engagement + ", " + "monthsInPost=" + monthsInPost + "]";
  }
}
