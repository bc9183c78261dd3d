package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Plan status, exactly the FHIR R4 {@code CarePlan.status} value set. */
public enum CarePlanStatus {
  /** Being prepared, not yet agreed. */
  DRAFT("draft"),
  /** In force. */
  ACTIVE("active"),
  /** Temporarily suspended. */
  ON_HOLD("on-hold"),
  /** Withdrawn before completion. */
  REVOKED("revoked"),
  /** Finished. */
  COMPLETED("completed"),
  /** Recorded by mistake. */
  ENTERED_IN_ERROR("entered-in-error"),
  /** Status not known. */
  UNKNOWN("unknown");

  private final String code;

  CarePlanStatus(String code) {
    this.code = code;
  }

  /** The FHIR R4 code, as written in JSON. */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * The value for a FHIR R4 code.
   *
   * @throws ModelValidationException for an unknown code
   */
  @JsonCreator
  public static CarePlanStatus fromCode(String code) {
    for (CarePlanStatus value : values()) {
      if (value.code.equals(code)) {
        return value;
      }
    }
    throw new ModelValidationException(
        "status", "unknown code '" + code + "', expected one of " + Checks.codes(values(), CarePlanStatus::code));
  }
}
