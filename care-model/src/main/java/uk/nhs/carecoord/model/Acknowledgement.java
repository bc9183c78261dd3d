package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A care co-ordinator's acceptance or refusal of a recommendation, recorded on the case. The rules
 * use it to hold back a declined recommendation until a period passes or its facts change.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAcknowledgement.class)
@JsonDeserialize(as = ImmutableAcknowledgement.class)
public abstract class Acknowledgement {

  /** The stable code of the recommendation answered. */
  public abstract String recommendationCode();

  /** Accepted or declined. */
  public abstract AcknowledgementDecision decision();

  /** The coded reason. */
  public abstract AcknowledgementReason reason();

  /** When it was recorded. */
  public abstract LocalDate recordedOn();

  /** The co-ordinator who recorded it. */
  public abstract Optional<String> coordinatorId();

  /** Fingerprint of the facts the recommendation was based on (from its decision record). */
  public abstract Optional<String> factsFingerprint();

  /** A builder. */
  public static ImmutableAcknowledgement.Builder builder() {
    return ImmutableAcknowledgement.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(recommendationCode(), "recommendationCode");
    Checks.require(
        decision() == AcknowledgementDecision.ACCEPTED || reason() != AcknowledgementReason.WILL_ACT,
        "reason",
        "WILL_ACT is not a reason to decline");
  }
}
