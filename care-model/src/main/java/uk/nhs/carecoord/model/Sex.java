package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Administrative sex, the FHIR R4 {@code AdministrativeGender} value set. */
public enum Sex {
  /** Female. */
  FEMALE("female"),
  /** Male. */
  MALE("male"),
  /** Other. */
  OTHER("other"),
  /** Not known. */
  UNKNOWN("unknown");

  private final String code;

  Sex(String code) {
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
  public static Sex fromCode(String code) {
    for (Sex value : values()) {
      if (value.code.equals(code)) {
        return value;
      }
    }
    throw new ModelValidationException(
        "sex", "unknown code '" + code + "', expected one of " + Checks.codes(values(), Sex::code));
  }
}
