package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Goal lifecycle status, exactly the FHIR R4 {@code Goal.lifecycleStatus} value set. */
public enum GoalLifecycleStatus {
  /** Suggested, not yet agreed. */
  PROPOSED("proposed"),
  /** Agreed and planned, not yet started. */
  PLANNED("planned"),
  /** Accepted by the person. */
  ACCEPTED("accepted"),
  /** Being worked on. */
  ACTIVE("active"),
  /** Paused. */
  ON_HOLD("on-hold"),
  /** No longer being worked on because it was reached or finished. */
  COMPLETED("completed"),
  /** Stopped before it was reached. */
  CANCELLED("cancelled"),
  /** Recorded by mistake. */
  ENTERED_IN_ERROR("entered-in-error"),
  /** Proposed and not accepted. */
  REJECTED("rejected");

  private final String code;

  GoalLifecycleStatus(String code) {
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
  public static GoalLifecycleStatus fromCode(String code) {
    for (GoalLifecycleStatus value : values()) {
      if (value.code.equals(code)) {
        return value;
      }
    }
    throw new ModelValidationException(
        "lifecycleStatus", "unknown code '" + code + "', expected one of " + Checks.codes(values(), GoalLifecycleStatus::code));
  }
}
