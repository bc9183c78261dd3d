package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A named member of PCN staff: a first point of contact or a GP supervisor. */
@Value.Immutable
@JsonSerialize(as = ImmutableNamedContact.class)
@JsonDeserialize(as = ImmutableNamedContact.class)
public abstract class NamedContact {

  /** Their name. */
  public abstract String name();

  /** Their role, e.g. "GP partner" or "PCN manager". */
  public abstract String role();

  /** A named contact. */
  public static NamedContact of(String name, String role) {
    return ImmutableNamedContact.builder().name(name).role(role).build();
  }

  @Value.Check
  void check() {
    Checks.notBlank(name(), "name");
    Checks.notBlank(role(), "role");
  }
}
