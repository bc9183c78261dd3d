package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.AcknowledgementDecision;
import uk.nhs.carecoord.model.AcknowledgementReason;

/** A co-ordinator's earlier answer to a recommendation. */
public final class AcknowledgementFact {
  private final String recommendationCode;
  private final AcknowledgementDecision decision;
  private final AcknowledgementReason reason;
  private final LocalDate recordedOn;
  private final String factsFingerprint;

  /** Made by the engine; public for rule tests. */
  public AcknowledgementFact(String recommendationCode, AcknowledgementDecision decision, AcknowledgementReason reason, LocalDate recordedOn, String factsFingerprint) {
    this.recommendationCode = recommendationCode;
    this.decision = decision;
    this.reason = reason;
    this.recordedOn = recordedOn;
    this.factsFingerprint = factsFingerprint;
  }

  /** The recommendation's code. */
  public String getRecommendationCode() {
    return recommendationCode;
  }

  /** Accepted or declined. */
  public AcknowledgementDecision getDecision() {
    return decision;
  }

  /** Coded reason. */
  public AcknowledgementReason getReason() {
    return reason;
  }

  /** When. */
  public LocalDate getRecordedOn() {
    return recordedOn;
  }

  /** Fingerprint of the facts the recommendation rested on, or null. */
  public String getFactsFingerprint() {
    return factsFingerprint;
  }

  @Override
  public String toString() {
    return "AcknowledgementFact[" + "recommendationCode=" + recommendationCode + ", " + "decision=" + decision + ", " + "reason=" + reason + ", " + "recordedOn=" + recordedOn + ", " + "factsFingerprint=" + factsFingerprint + "]";
  }
}
