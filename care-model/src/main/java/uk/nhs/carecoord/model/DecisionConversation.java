package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A shared decision-making conversation, with the decision aid used. */
@Value.Immutable
@JsonSerialize(as = ImmutableDecisionConversation.class)
@JsonDeserialize(as = ImmutableDecisionConversation.class)
public abstract class DecisionConversation {

  /** Identifier, unique within the case. */
  public abstract String id();

  /** When it was held. */
  public abstract LocalDate heldOn();

  /** What was being decided. */
  public abstract String topic();

  /** The decision aid or support tool used, if any. */
  public abstract Optional<String> decisionAid();

  /** The pending decision it supported; must name one in the same case. */
  public abstract Optional<String> pendingDecisionId();

  /** A builder. */
  public static ImmutableDecisionConversation.Builder builder() {
    return ImmutableDecisionConversation.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(topic(), "topic");
    Checks.notBlank(decisionAid(), "decisionAid");
  }
}
