package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.ConcernCategory;
import uk.nhs.carecoord.model.ConcernStatus;

/** A safeguarding concern. */
public final class ConcernFact {
  private final String concernId;
  private final ConcernCategory category;
  private final ConcernStatus status;
  private final LocalDate raisedOn;
  private final boolean discussedWithGp;
  private final LocalDate discussedOn;
  private final String gpName;

  /** Made by the engine; public for rule tests. */
  public ConcernFact(String concernId, ConcernCategory category, ConcernStatus status, LocalDate raisedOn, boolean discussedWithGp, LocalDate discussedOn, String gpName) {
    this.concernId = concernId;
    this.category = category;
    this.status = status;
    this.raisedOn = raisedOn;
    this.discussedWithGp = discussedWithGp;
    this.discussedOn = discussedOn;
    this.gpName = gpName;
  }

  /** Concern identifier. */
  public String getConcernId() {
    return concernId;
  }

  /** Kind of concern. */
  public ConcernCategory getCategory() {
    return category;
  }

  /** Where it has got to. */
  public ConcernStatus getStatus() {
    return status;
  }

  /** When it was raised. */
  public LocalDate getRaisedOn() {
    return raisedOn;
  }

  /** True once discussed with a GP. */
  public boolean isDiscussedWithGp() {
    return discussedWithGp;
  }

  /** When it was discussed, or null. */
  public LocalDate getDiscussedOn() {
    return discussedOn;
  }

  /** The GP it was discussed with, or null. */
  public String getGpName() {
    return gpName;
  }

  @Override
  public String toString() {
    return "ConcernFact[" + "concernId=" + concernId + ", " + "category=" + category + ", " + "status=" + status + ", " + "raisedOn=" + raisedOn + ", " + "discussedWithGp=" + discussedWithGp + ", " + "discussedOn=" + discussedOn + ", " + "gpName=" + gpName + "]";
  }
}
