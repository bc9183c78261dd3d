package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** A referral to a service: link worker, coach, benefits, education, peer support, an agency… */
@Value.Immutable
@JsonSerialize(as = ImmutableReferral.class)
@JsonDeserialize(as = ImmutableReferral.class)
public abstract class Referral {

  /** Identifier, unique within the case. */
  public abstract String id();

  /** When the referral was made. */
  public abstract LocalDate referredOn();

  /** The kind of service. */
  public abstract ServiceType service();

  /** The agency's name; required for {@code NAMED_AGENCY}. */
  public abstract Optional<String> agencyName();

  /** Where it has got to. */
  @Value.Default
  public ReferralStatus status() {
    return ReferralStatus.REQUESTED;
  }

  /** A builder. */
  public static ImmutableReferral.Builder builder() {
    return ImmutableReferral.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(agencyName(), "agencyName");
    Checks.require(
        service() != ServiceType.NAMED_AGENCY || agencyName().isPresent(),
        "agencyName",
        "is required for a referral to a named agency");
  }
}
