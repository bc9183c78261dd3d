package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A 10-digit NHS number whose last digit is a valid Modulus 11 check digit.
 *
 * <p>Accepts the number as people write it: ten digits ({@code 9434765919}), or the 3-3-4 groups
 * separated by spaces ({@code 943 476 5919}) or hyphens ({@code 943-476-5919}); {@link #digits()}
 * is the normalised form and {@link #toString()} the spaced one. Anything else is refused with what
 * is wrong: the number of digits, a character that does not belong, separators out of place, or
 * the check digit. Numbers from 999 000 0000 to
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
   * @throws ModelValidationException saying what is wrong: not 10 digits, a character other than a
   *     digit, space or hyphen, separators other than between the 3-3-4 groups, or a check digit
   *     that does not match
   */
  @JsonCreator
  public static NhsNumber of(String text) {
    if (text == null) {
      throw new ModelValidationException(FIELD, "must not be null");
    }
    String digits = digitsOf(text);
    int expected = checkDigit(digits.substring(0, 9));
    if (expected < 0) {
      throw new ModelValidationException(FIELD, "check digit is not valid: no NHS number starts with these nine digits");
    }
    if (expected != digits.charAt(9) - '0') {
      throw new ModelValidationException(FIELD, "check digit is not valid for the first nine digits (mistyped?)");
    }
    return new NhsNumber(digits);
  }

  /** The ten digits of {@code 9434765919}, {@code 943 476 5919} or {@code 943-476-5919}. */
  private static String digitsOf(String text) {
    if (text.length() == 10 && isDigits(text, 0, 10)) {
      return text;
    }
    if (text.length() == 12) {
      char separator = text.charAt(3);
      if ((separator == ' ' || separator == '-')
          && text.charAt(7) == separator
          && isDigits(text, 0, 3)
          && isDigits(text, 4, 7)
          && isDigits(text, 8, 12)) {
        return text.substring(0, 3) + text.substring(4, 7) + text.substring(8);
      }
    }
    int digitCount = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digitCount++;
      } else if (c != ' ' && c != '-') {
        throw new ModelValidationException(
            FIELD, "must hold only digits, with spaces or hyphens between groups; character " + (i + 1) + " is not one");
      }
    }
    if (digitCount != 10) {
      throw new ModelValidationException(FIELD, "must be 10 digits, has " + digitCount);
    }
    throw new ModelValidationException(
        FIELD, "has 10 digits but the separators are out of place: write 3-3-4 groups with spaces or hyphens");
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
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
