package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A safeguarding concern raised by the care co-ordinator, to be discussed with a GP. */
@Value.Immutable
@JsonSerialize(as = ImmutableSafeguardingConcern.class)
@JsonDeserialize(as = ImmutableSafeguardingConcern.class)
public abstract class SafeguardingConcern {

  /** Identifier, unique within the case. */
  public abstract String id();

  /** The kind of concern. */
  public abstract ConcernCategory category();

  /** When it was raised. */
  public abstract LocalDate raisedOn();

  /** Where it has got to. */
  @Value.Default
  public ConcernStatus status() {
    return ConcernStatus.OPEN;
  }

  /** The discussion with a GP, once held. */
  public abstract Optional<GpDiscussion> gpDiscussion();

  /** A builder. */
  public static ImmutableSafeguardingConcern.Builder builder() {
    return ImmutableSafeguardingConcern.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    gpDiscussion()
        .ifPresent(
            d ->
                Checks.notBefore(
                    Optional.of(d.discussedOn()), "gpDiscussion.discussedOn", raisedOn(), "raisedOn"));
  }
}
