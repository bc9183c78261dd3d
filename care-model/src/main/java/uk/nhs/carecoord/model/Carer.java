package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Set;
import org.immutables.value.Value;

/** A carer or family member of the person, with any needs of their own. */
@Value.Immutable
@JsonSerialize(as = ImmutableCarer.class)
@JsonDeserialize(as = ImmutableCarer.class)
public abstract class Carer {

  /** Identifier, unique within the person's record. */
  public abstract String id();

  /** How they are related to the person. */
  public abstract CarerRelationship relationship();

  /** True if they are the person's main unpaid carer. */
  @Value.Default
  public boolean mainCarer() {
    return false;
  }

  /** Needs they have in their own right. */
  public abstract Set<CarerNeed> ownNeeds();

  /** A builder. */
  public static ImmutableCarer.Builder builder() {
    return ImmutableCarer.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
  }
}
