package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;

/** A shared decision-making conversation. */
public final class DecisionConversationFact {
  private final String conversationId;
  private final String pendingDecisionId;
  private final LocalDate heldOn;
  private final String decisionAid;

  /** Made by the engine; public for rule tests. */
  public DecisionConversationFact(String conversationId, String pendingDecisionId, LocalDate heldOn, String decisionAid) {
    this.conversationId = conversationId;
    this.pendingDecisionId = pendingDecisionId;
    this.heldOn = heldOn;
    this.decisionAid = decisionAid;
  }

  /** Conversation identifier. */
  public String getConversationId() {
    return conversationId;
  }

  /** The pending decision it supported, or null. */
  public String getPendingDecisionId() {
    return pendingDecisionId;
  }

  /** When it was held. */
  public LocalDate getHeldOn() {
    return heldOn;
  }

  /** Decision aid used, or null. */
  public String getDecisionAid() {
    return decisionAid;
  }

  @Override
  public String toString() {
    return "DecisionConversationFact[" + "conversationId=" + conversationId + ", " + "pendingDecisionId=" + pendingDecisionId + ", " + "heldOn=" + heldOn + ", " + "decisionAid=" + decisionAid + "]";
  }
}
