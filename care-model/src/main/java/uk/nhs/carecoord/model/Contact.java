package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A contact or visit with the person, with its documented outcome. */
@Value.Immutable
@JsonSerialize(as = ImmutableContact.class)
@JsonDeserialize(as = ImmutableContact.class)
public abstract class Contact {

  /** Identifier, unique within the case. */
  public abstract String id();

  /** When it took place. */
  public abstract LocalDate on();

  /** How it took place. */
  public abstract ContactMode mode();

  /** What came of it, as documented. */
  public abstract String outcome();

  /** The care co-ordinator who made it. */
  public abstract Optional<String> coordinatorId();

  /** A builder. */
  public static ImmutableContact.Builder builder() {
    return ImmutableContact.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(outcome(), "outcome");
  }
}
