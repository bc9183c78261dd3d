package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.CarePlanStatus;

/** The current version of the person's care and support plan; inserted only when a plan exists. */
public final class PlanFacts {
  private final String planId;
  private final CarePlanStatus status;
  private final LocalDate agreedOn;
  private final LocalDate nextReviewOn;
  private final boolean sharedWithPatient;
  private final int versionCount;
  private final LocalDate lastRecordedOn;
  private final int goalCount;

  /** Made by the engine; public for rule tests. */
  public PlanFacts(String planId, CarePlanStatus status, LocalDate agreedOn, LocalDate nextReviewOn, boolean sharedWithPatient, int versionCount, LocalDate lastRecordedOn, int goalCount) {
    this.planId = planId;
    this.status = status;
    this.agreedOn = agreedOn;
    this.nextReviewOn = nextReviewOn;
    this.sharedWithPatient = sharedWithPatient;
    this.versionCount = versionCount;
    this.lastRecordedOn = lastRecordedOn;
    this.goalCount = goalCount;
  }

  /** Plan identifier. */
  public String getPlanId() {
    return planId;
  }

  /** FHIR CarePlan status. */
  public CarePlanStatus getStatus() {
    return status;
  }

  /** Agreed date, or null. */
  public LocalDate getAgreedOn() {
    return agreedOn;
  }

  /** Next review date, or null. */
  public LocalDate getNextReviewOn() {
    return nextReviewOn;
  }

  /** Shared with the person. */
  public boolean isSharedWithPatient() {
    return sharedWithPatient;
  }

  /** Number of versions (1 + amendments). */
  public int getVersionCount() {
    return versionCount;
  }

  /** When the current version was recorded. */
  public LocalDate getLastRecordedOn() {
    return lastRecordedOn;
  }

  /** Goals in the current version. */
  public int getGoalCount() {
    return goalCount;
  }

  @Override
  public String toString() {
    return "PlanFacts[" + "planId=" + planId + ", " + "status=" + status + ", " + "agreedOn=" + agreedOn + ", " + "nextReviewOn=" + nextReviewOn + ", " + "sharedWithPatient=" + sharedWithPatient + ", " + "versionCount=" + versionCount + ", " + "lastRecordedOn=" + lastRecordedOn + ", " + "goalCount=" + goalCount + "]";
  }
}
