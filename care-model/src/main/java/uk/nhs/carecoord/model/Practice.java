package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A member practice of a PCN. */
@Value.Immutable
@JsonSerialize(as = ImmutablePractice.class)
@JsonDeserialize(as = ImmutablePractice.class)
public abstract class Practice {

  /** ODS code. */
  public abstract String odsCode();

  /** Practice name. */
  public abstract String name();

  /** A practice. */
  public static Practice of(String odsCode, String name) {
    return ImmutablePractice.builder().odsCode(odsCode).name(name).build();
  }

  @Value.Check
  void check() {
    Checks.notBlank(odsCode(), "odsCode");
    Checks.notBlank(name(), "name");
  }
}
