package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A frailty assessment: a Rockwood Clinical Frailty Scale score, an electronic frailty index
 * category, or both.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFrailty.class)
@JsonDeserialize(as = ImmutableFrailty.class)
public abstract class Frailty {

  /** Rockwood Clinical Frailty Scale, 1 (very fit) to 9 (terminally ill). */
  public abstract Optional<Integer> clinicalFrailtyScale();

  /** Electronic Frailty Index category. */
  public abstract Optional<EfiCategory> efiCategory();

  /** When frailty was last assessed. */
  public abstract Optional<LocalDate> assessedOn();

  /** A builder. */
  public static ImmutableFrailty.Builder builder() {
    return ImmutableFrailty.builder();
  }

  @Value.Check
  void check() {
    Checks.require(
        clinicalFrailtyScale().isPresent() || efiCategory().isPresent(),
        "frailty",
        "needs a clinicalFrailtyScale score or an efiCategory");
    clinicalFrailtyScale()
        .ifPresent(
            cfs ->
                Checks.require(
                    cfs >= 1 && cfs <= 9, "clinicalFrailtyScale", "must be 1 to 9, was " + cfs));
  }
}
