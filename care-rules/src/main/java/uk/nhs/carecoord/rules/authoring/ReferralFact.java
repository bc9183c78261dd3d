package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.ReferralStatus;
import uk.nhs.carecoord.model.ServiceType;

/** A referral to a service. */
public final class ReferralFact {
  private final String referralId;
  private final ServiceType service;
  private final ReferralStatus status;
  private final LocalDate referredOn;

  /** Made by the engine; public for rule tests. */
  public ReferralFact(String referralId, ServiceType service, ReferralStatus status, LocalDate referredOn) {
    this.referralId = referralId;
    this.service = service;
    this.status = status;
    this.referredOn = referredOn;
  }

  /** Referral identifier. */
  public String getReferralId() {
    return referralId;
  }

  /** Kind of service. */
  public ServiceType getService() {
    return service;
  }

  /** Where it has got to. */
  public ReferralStatus getStatus() {
    return status;
  }

  /** When it was made. */
  public LocalDate getReferredOn() {
    return referredOn;
  }

  @Override
  public String toString() {
    return "ReferralFact[" + "referralId=" + referralId + ", " + "service=" + service + ", " + "status=" + status + ", " + "referredOn=" + referredOn + "]";
  }
}
