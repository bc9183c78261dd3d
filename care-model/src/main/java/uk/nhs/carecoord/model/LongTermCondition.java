package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A long-term condition coded in SNOMED CT, in the record's earlier form ({@code
 * patient.conditions}, still read). The rules read it as an active {@link CodedEntry} dated when
 * diagnosed; what it means comes from the code clusters in force ({@link CodeClusters}), not from
 * the record itself. New records use {@link Patient#codedEntries()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLongTermCondition.class)
@JsonDeserialize(as = ImmutableLongTermCondition.class)
public abstract class LongTermCondition {

  /** The SNOMED CT concept identifier (6 to 18 digits). */
  public abstract String snomedCode();

  /** The term as recorded, for people to read. */
  public abstract Optional<String> display();

  /** When it was diagnosed, if known. */
  public abstract Optional<LocalDate> diagnosedOn();

  /** A builder. */
  public static ImmutableLongTermCondition.Builder builder() {
    return ImmutableLongTermCondition.builder();
  }

  /** A condition with just its code. */
  public static LongTermCondition of(String snomedCode) {
    return builder().snomedCode(snomedCode).build();
  }

  @Value.Check
  void check() {
    Checks.require(
        snomedCode().matches("[0-9]{6,18}"), "snomedCode", "must be a SNOMED CT identifier (6-18 digits)");
    Checks.notBlank(display(), "display");
  }
}
