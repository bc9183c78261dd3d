package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Set;
import org.immutables.value.Value;

/** One code on a {@link CodeList} and the categories it counts towards. */
@Value.Immutable
@JsonSerialize(as = ImmutableCodeListEntry.class)
@JsonDeserialize(as = ImmutableCodeListEntry.class)
public abstract class CodeListEntry {

  /** SNOMED CT concept identifier. */
  public abstract String snomedCode();

  /** Preferred term. */
  public abstract String display();

  /** Categories; at least one. */
  public abstract Set<ConditionCategory> categories();

  @Value.Check
  void check() {
    Checks.require(snomedCode().matches("[0-9]{6,18}"), "snomedCode", "must be a SNOMED CT identifier (6-18 digits)");
    Checks.notBlank(display(), "display");
    Checks.require(!categories().isEmpty(), "categories", "must name at least one category");
  }
}
