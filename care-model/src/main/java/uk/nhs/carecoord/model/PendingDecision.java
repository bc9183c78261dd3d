package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A decision about treatment or care that the person faces (e.g. whether to have surgery). */
@Value.Immutable
@JsonSerialize(as = ImmutablePendingDecision.class)
@JsonDeserialize(as = ImmutablePendingDecision.class)
public abstract class PendingDecision {

  /** Identifier, unique within the case. */
  public abstract String id();

  /** What is to be decided. */
  public abstract String topic();

  /** When it has to be decided by, if known. */
  public abstract Optional<LocalDate> decideBy();

  /** A builder. */
  public static ImmutablePendingDecision.Builder builder() {
    return ImmutablePendingDecision.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(topic(), "topic");
  }
}
