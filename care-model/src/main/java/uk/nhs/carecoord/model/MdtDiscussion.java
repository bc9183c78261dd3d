package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import org.immutables.value.Value;

/** A multidisciplinary team discussion of the person. */
@Value.Immutable
@JsonSerialize(as = ImmutableMdtDiscussion.class)
@JsonDeserialize(as = ImmutableMdtDiscussion.class)
public abstract class MdtDiscussion {

  /** Identifier, unique within the case. */
  public abstract String id();

  /** When it was held. */
  public abstract LocalDate heldOn();

  /** What was agreed. */
  public abstract String outcome();

  /** A builder. */
  public static ImmutableMdtDiscussion.Builder builder() {
    return ImmutableMdtDiscussion.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(outcome(), "outcome");
  }
}
