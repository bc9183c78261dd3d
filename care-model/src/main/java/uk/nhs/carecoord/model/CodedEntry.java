package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One SNOMED CT coded entry in a person's GP record: a diagnosis, a finding, a status (carer,
 * housebound, care-home resident, frailty) or an event, with the date it applies from and its
 * status. What a code means comes from the code clusters, never from the record itself.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCodedEntry.class)
@JsonDeserialize(as = ImmutableCodedEntry.class)
public abstract class CodedEntry {

  /** The SNOMED CT concept identifier (6 to 18 digits). */
  public abstract String snomedCode();

  /** The term as recorded, for people to read. */
  public abstract Optional<String> display();

  /** The date the entry applies from: onset if known, else when it was recorded. */
  public abstract LocalDate recordedOn();

  /** Active unless the record says otherwise. */
  @Value.Default
  public CodedEntryStatus status() {
    return CodedEntryStatus.ACTIVE;
  }

  /** The host system's identifier for the entry (a FHIR resource id), if it has one. */
  public abstract Optional<String> id();

  /** A builder. */
  public static ImmutableCodedEntry.Builder builder() {
    return ImmutableCodedEntry.builder();
  }

  /** An active entry with just its code and date. */
  public static CodedEntry of(String snomedCode, LocalDate recordedOn) {
    return builder().snomedCode(snomedCode).recordedOn(recordedOn).build();
  }

  @Value.Check
  void check() {
    Checks.require(
        Checks.sixToEighteenDigits(snomedCode()), "snomedCode", "must be a SNOMED CT identifier (6-18 digits)");
    Checks.notBlank(display(), "display");
    Checks.notBlank(id(), "id");
  }
}
