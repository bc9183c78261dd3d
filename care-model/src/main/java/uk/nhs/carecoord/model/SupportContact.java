package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Someone the person or their carers can contact about the plan. */
@Value.Immutable
@JsonSerialize(as = ImmutableSupportContact.class)
@JsonDeserialize(as = ImmutableSupportContact.class)
public abstract class SupportContact {

  /** Name of the person or service. */
  public abstract String name();

  /** Their role, e.g. "Care co-ordinator" or "District nurses". */
  public abstract String role();

  /** How to reach them. */
  public abstract Optional<String> telephone();

  /** A builder. */
  public static ImmutableSupportContact.Builder builder() {
    return ImmutableSupportContact.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(name(), "name");
    Checks.notBlank(role(), "role");
    Checks.notBlank(telephone(), "telephone");
  }
}
