package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/** NHS number Modulus 11 check, checked against an independent reference implementation. */
class NhsNumberPropertyTest {

  /** The check digit per the NHS Data Dictionary, or 10 where no check digit is valid. */
  private static int reference(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += Character.digit(nineDigits.charAt(i), 10) * (10 - i);
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  @Property
  void everyNineDigitPrefixWithACheckDigitRoundTrips(@ForAll("nineDigits") String prefix) {
    int check = reference(prefix);
    if (check == 10) {
      assertEquals(
          "nhsNumber",
          assertThrows(ModelValidationException.class, () -> NhsNumber.fromFirstNineDigits(prefix)).field());
      for (int d = 0; d <= 9; d++) {
        String text = prefix + d;
        assertThrows(ModelValidationException.class, () -> NhsNumber.of(text));
      }
      return;
    }
    NhsNumber n = NhsNumber.fromFirstNineDigits(prefix);
    assertEquals(prefix + check, n.digits());
    assertEquals(n, NhsNumber.of(n.digits()));
    assertEquals(n, NhsNumber.of(n.toString()));
    assertEquals(n, CareJson.read(CareJson.writeLine(n), NhsNumber.class));
  }

  @Property
  void theThreeWrittenFormsReadAsTheSameNumber(@ForAll("anyNumbers") NhsNumber n) {
    String d = n.digits();
    String hyphens = d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6);
    assertEquals(n, NhsNumber.of(hyphens));
    assertEquals(n, NhsNumber.of(n.toString()));
    assertEquals(d, NhsNumber.of(hyphens).digits());
  }

  @Property
  void anyOtherCharacterIsRefusedNamingItsPosition(
      @ForAll("anyNumbers") NhsNumber n, @ForAll @IntRange(min = 0, max = 9) int at, @ForAll("notDigits") char c) {
    String text = n.digits().substring(0, at) + c + n.digits().substring(at + 1);
    ModelValidationException e = assertThrows(ModelValidationException.class, () -> NhsNumber.of(text));
    assertTrue(e.getMessage().contains("character " + (at + 1) + " "), e.getMessage());
  }

  @Provide
  Arbitrary<Character> notDigits() {
    return Arbitraries.chars().filter(c -> (c < '0' || c > '9') && c != ' ' && c != '-');
  }

  @Property
  void changingAnySingleDigitMakesItInvalid(
      @ForAll("anyNumbers") NhsNumber n,
      @ForAll @IntRange(min = 0, max = 9) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    char[] digits = n.digits().toCharArray();
    digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
    String changed = new String(digits);
    ModelValidationException e = assertThrows(ModelValidationException.class, () -> NhsNumber.of(changed));
    assertEquals("nhsNumber", e.field());
  }

  @Property
  void swappingTwoDifferentAdjacentDigitsMakesItInvalid(
      @ForAll("anyNumbers") NhsNumber n, @ForAll @IntRange(min = 0, max = 8) int position) {
    char[] digits = n.digits().toCharArray();
    if (digits[position] == digits[position + 1]) {
      return;
    }
    char c = digits[position];
    digits[position] = digits[position + 1];
    digits[position + 1] = c;
    String swapped = new String(digits);
    assertThrows(ModelValidationException.class, () -> NhsNumber.of(swapped));
  }

  @Property
  void formatsAsThreeThreeFour(@ForAll("anyNumbers") NhsNumber n) {
    String text = n.toString();
    assertTrue(text.matches("[0-9]{3} [0-9]{3} [0-9]{4}"), text);
    assertEquals(n.digits(), text.replace(" ", ""));
  }

  @Property
  void syntheticNumbersAreInTheNeverIssuedRange(@ForAll("synthetic") NhsNumber n) {
    assertTrue(n.isSyntheticRange());
    assertTrue(n.digits().startsWith("999"));
  }

  @Provide
  Arbitrary<String> nineDigits() {
    return Arbitraries.strings().numeric().ofLength(9);
  }

  @Provide
  Arbitrary<NhsNumber> anyNumbers() {
    return Arbitraries.oneOf(CareArbitraries.nhsNumbers(), CareArbitraries.syntheticNhsNumbers());
  }

  @Provide
  Arbitrary<NhsNumber> synthetic() {
    return CareArbitraries.syntheticNhsNumbers();
  }
}
