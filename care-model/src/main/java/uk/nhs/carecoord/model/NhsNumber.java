package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A 10-digit NHS number whose last digit is a valid Modulus 11 check digit.
 *
 * <p>Accepts the digits with or without spaces ({@code 9434765919} or {@code 943 476 5919});
 * {@link #toString()} formats it in the usual 3-3-4 groups. Numbers from 999 000 0000 to
 * 999 999 9999 pass the check but are never issued: use only those for synthetic data (see {@link
 * #isSyntheticRange()}).
 */
public final class NhsNumber implements Comparable<NhsNumber> {
  private static final String FIELD = "nhsNumber";

  private final String digits;

  private NhsNumber(String digits) {
    this.digits = digits;
  }

  /**
   * Parses and validates an NHS number.
   *
   * @throws ModelValidationException if it is not 10 digits or its check digit is wrong
   */
  @JsonCreator
  public static NhsNumber of(String text) {
    if (text == null) {
      throw new ModelValidationException(FIELD, "must not be null");
    }
    String digits = text.replace(" ", "");
    if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ModelValidationException(FIELD, "must be 10 digits");
    }
    int expected = checkDigit(digits.substring(0, 9));
    if (expected < 0 || expected != digits.charAt(9) - '0') {
      throw new ModelValidationException(FIELD, "check digit is not valid");
    }
    return new NhsNumber(digits);
  }

  /**
   * Completes nine leading digits with their check digit.
   *
   * @throws ModelValidationException if the nine digits have no valid check digit (remainder 10)
   */
  public static NhsNumber fromFirstNineDigits(String nineDigits) {
    if (nineDigits == null
        || nineDigits.length() != 9
        || !nineDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ModelValidationException(FIELD, "first part must be 9 digits");
    }
    int check = checkDigit(nineDigits);
    if (check < 0) {
      throw new ModelValidationException(FIELD, "these nine digits have no valid check digit");
    }
    return new NhsNumber(nineDigits + check);
  }

  /**
   * The Modulus 11 check digit of nine digits: weights 10 down to 2, 11 minus the remainder, 11
   * becomes 0; returns -1 where the result would be 10 (no valid number).
   */
  static int checkDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      return 0;
    }
    return check == 10 ? -1 : check;
  }

  /** The ten digits without spaces. */
  @JsonValue
  public String digits() {
    return digits;
  }

  /** True for the never-issued 999 range that synthetic data must use. */
  public boolean isSyntheticRange() {
    return digits.startsWith("999");
  }

  /** Formatted as {@code 999 123 4567}. */
  @Override
  public String toString() {
    return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NhsNumber other && digits.equals(other.digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  @Override
  public int compareTo(NhsNumber o) {
    return digits.compareTo(o.digits);
  }
}
