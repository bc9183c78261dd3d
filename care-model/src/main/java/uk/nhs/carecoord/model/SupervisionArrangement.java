package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who supports a care co-ordinator: a first point of contact for advice and support and (if
 * different) a GP supervisor, who is also the relevant GP for safeguarding discussions.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSupervisionArrangement.class)
@JsonDeserialize(as = ImmutableSupervisionArrangement.class)
public abstract class SupervisionArrangement {

  /** The co-ordinator supported. */
  public abstract String coordinatorId();

  /** First point of contact for advice and support. */
  public abstract Optional<NamedContact> firstPointOfContact();

  /** GP providing supervision. */
  public abstract Optional<NamedContact> gpSupervisor();

  /** A builder. */
  public static ImmutableSupervisionArrangement.Builder builder() {
    return ImmutableSupervisionArrangement.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(coordinatorId(), "coordinatorId");
  }
}
