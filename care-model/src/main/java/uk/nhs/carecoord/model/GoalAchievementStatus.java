package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Progress towards a goal, exactly the FHIR R4 {@code Goal.achievementStatus} value set. */
public enum GoalAchievementStatus {
  /** Being attempted. */
  IN_PROGRESS("in-progress"),
  /** Getting closer. */
  IMPROVING("improving"),
  /** Moving away. */
  WORSENING("worsening"),
  /** No change since last measured. */
  NO_CHANGE("no-change"),
  /** Reached. */
  ACHIEVED("achieved"),
  /** Reached and kept up. */
  SUSTAINING("sustaining"),
  /** Not reached. */
  NOT_ACHIEVED("not-achieved"),
  /** No progress being made. */
  NO_PROGRESS("no-progress"),
  /** Judged out of reach. */
  NOT_ATTAINABLE("not-attainable");

  private final String code;

  GoalAchievementStatus(String code) {
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
  public static GoalAchievementStatus fromCode(String code) {
    for (GoalAchievementStatus value : values()) {
      if (value.code.equals(code)) {
        return value;
      }
    }
    throw new ModelValidationException(
        "achievementStatus", "unknown code '" + code + "', expected one of " + Checks.codes(values(), GoalAchievementStatus::code));
  }
}
