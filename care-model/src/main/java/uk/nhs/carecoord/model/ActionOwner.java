package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Who does an action: the person, a carer, the care co-ordinator, or a named service. */
@Value.Immutable
@JsonSerialize(as = ImmutableActionOwner.class)
@JsonDeserialize(as = ImmutableActionOwner.class)
public abstract class ActionOwner {

  /** The kind of owner. */
  public abstract ActionOwnerKind kind();

  /** The service or professional, required when {@link #kind()} is {@code SERVICE}. */
  public abstract Optional<String> name();

  /** An owner of the given kind (not {@code SERVICE}). */
  public static ActionOwner of(ActionOwnerKind kind) {
    return ImmutableActionOwner.builder().kind(kind).build();
  }

  /** A named service. */
  public static ActionOwner service(String name) {
    return ImmutableActionOwner.builder().kind(ActionOwnerKind.SERVICE).name(name).build();
  }

  @Value.Check
  void check() {
    Checks.notBlank(name(), "name");
    Checks.require(
        kind() != ActionOwnerKind.SERVICE || name().isPresent(),
        "name",
        "is required when the owner is a service");
  }
}
