package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;

/** A decision about treatment or care the person faces. */
public final class PendingDecisionFact {
  private final String decisionId;
  private final String topic;
  private final LocalDate decideBy;

  /** Made by the engine; public for rule tests. */
  public PendingDecisionFact(String decisionId, String topic, LocalDate decideBy) {
    this.decisionId = decisionId;
    this.topic = topic;
    this.decideBy = decideBy;
  }

  /** Decision identifier. */
  public String getDecisionId() {
    return decisionId;
  }

  /** What is to be decided. */
  public String getTopic() {
    return topic;
  }

  /** Deadline, or null. */
  public LocalDate getDecideBy() {
    return decideBy;
  }

  @Override
  public String toString() {
    return "PendingDecisionFact[" + "decisionId=" + decisionId + ", " + "topic=" + topic + ", " + "decideBy=" + decideBy + "]";
  }
}
