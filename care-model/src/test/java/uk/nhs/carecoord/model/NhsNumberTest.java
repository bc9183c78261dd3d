package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

  @Test
  void acceptsTheDigitsWithOrWithoutSpaces() {
    NhsNumber plain = NhsNumber.of("9434765919");
    NhsNumber spaced = NhsNumber.of("943 476 5919");
    assertEquals(plain, spaced);
    assertEquals(plain.hashCode(), spaced.hashCode());
    assertEquals("9434765919", spaced.digits());
  }

  @Test
  void formatsInThreeThreeFourGroups() {
    assertEquals("943 476 5919", NhsNumber.of("9434765919").toString());
    assertEquals("999 000 0018", NhsNumber.of("9990000018").toString());
  }

  @Test
  void aCheckOfElevenBecomesZero() {
    // 9,9,9,0,0,0,0,0,5 weighted 10..2 sums to 253 = 23 x 11: 11 - 0 = 11, written 0.
    assertEquals("9990000050", NhsNumber.of("9990000050").digits());
    assertEquals("0000000000", NhsNumber.of("0000000000").digits());
  }

  @Test
  void tellsTheSyntheticRange() {
    assertTrue(NhsNumber.of("9990000018").isSyntheticRange());
    assertFalse(NhsNumber.of("9434765919").isSyntheticRange());
  }

  @Test
  void ordersByDigits() {
    assertTrue(NhsNumber.of("9434765919").compareTo(NhsNumber.of("9990000018")) < 0);
    assertNotEquals(NhsNumber.of("9434765919"), NhsNumber.of("9990000018"));
  }

  @Test
  void rejectsNull() {
    assertInvalid("nhsNumber", () -> NhsNumber.of(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"943-476-5919", "943 476 5919", "9434765919"})
  void acceptsTheWaysPeopleWriteIt(String text) {
    assertEquals("9434765919", NhsNumber.of(text).digits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "943476591", "94347659190", "943 476 591", "943-476-59190"})
  void saysHowManyDigitsThereAre(String text) {
    ModelValidationException e = assertInvalid("nhsNumber", () -> NhsNumber.of(text));
    assertTrue(e.getMessage().contains("must be 10 digits, has "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"943476591X", "943\t476\t5919", "943.476.5919", "٩٤٣٤٧٦٥٩١٩", "943/476/5919"})
  void saysWhichCharacterDoesNotBelong(String text) {
    ModelValidationException e = assertInvalid("nhsNumber", () -> NhsNumber.of(text));
    assertTrue(e.getMessage().contains("must hold only digits"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"94347-65919", "943 4765919", "943-476 5919", " 9434765919", "9434765919 ", "943  476 5919"})
  void saysWhenTheSeparatorsAreOutOfPlace(String text) {
    ModelValidationException e = assertInvalid("nhsNumber", () -> NhsNumber.of(text));
    assertTrue(e.getMessage().contains("separators are out of place"), e.getMessage());
  }

  @Test
  void aHyphenatedNumberIsNotRefusedAsTooShort() {
    // Defect: "943-476-5919" was refused as "must be 10 digits" although it has ten.
    assertEquals(NhsNumber.of("9434765919"), NhsNumber.of("943-476-5919"));
    assertEquals(NhsNumber.of("9434765919"), CareJson.read("\"943-476-5919\"", NhsNumber.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9434765918", "9434765910", "9990000019", "9990000011"})
  void rejectsAWrongCheckDigit(String text) {
    ModelValidationException e = assertInvalid("nhsNumber", () -> NhsNumber.of(text));
    assertTrue(e.getMessage().contains("check digit"), e.getMessage());
  }

  @Test
  void theMessageDoesNotRepeatTheNumber() {
    ModelValidationException e = assertInvalid("nhsNumber", () -> NhsNumber.of("9434765918"));
    assertFalse(e.getMessage().contains("9434765918"), e.getMessage());
    assertFalse(e.getMessage().contains("943 476"), e.getMessage());
  }

  @Test
  void rejectsEveryNumberWhosePrefixHasRemainderTen() {
    // 1..9 weighted 10..2 sums to 210 = 19 x 11 + 1: 11 - 1 = 10, so no check digit is valid.
    for (int d = 0; d <= 9; d++) {
      String text = "123456789" + d;
      assertInvalid("nhsNumber", () -> NhsNumber.of(text));
    }
  }

  @Test
  void completesNineDigitsWithTheirCheckDigit() {
    assertEquals(NhsNumber.of("9434765919"), NhsNumber.fromFirstNineDigits("943476591"));
    assertEquals("9990000018", NhsNumber.fromFirstNineDigits("999000001").digits());
  }

  @Test
  void ninePrefixWithNoCheckDigitIsRejected() {
    ModelValidationException e = assertInvalid("nhsNumber", () -> NhsNumber.fromFirstNineDigits("123456789"));
    assertTrue(e.getMessage().contains("no valid check digit"), e.getMessage());
    assertInvalid("nhsNumber", () -> NhsNumber.fromFirstNineDigits("999000000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "94347659", "9434765919", "94347659X", "943 476 5"})
  void completingNeedsExactlyNineDigits(String text) {
    assertInvalid("nhsNumber", () -> NhsNumber.fromFirstNineDigits(text));
  }

  @Test
  void completingRejectsNull() {
    assertInvalid("nhsNumber", () -> NhsNumber.fromFirstNineDigits(null));
  }

  @Test
  void isWrittenAsJsonDigitsAndReadWithOrWithoutSpaces() {
    NhsNumber n = NhsNumber.of("943 476 5919");
    assertEquals("\"9434765919\"", CareJson.writeLine(n));
    assertEquals(n, CareJson.read("\"9434765919\"", NhsNumber.class));
    assertEquals(n, CareJson.read("\"943 476 5919\"", NhsNumber.class));
  }

  @Test
  void aWrongNumberInJsonNamesTheField() {
    CareJsonException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CareJsonException.class, () -> CareJson.read("\"9434765918\"", NhsNumber.class));
    assertEquals("nhsNumber", e.validationError().orElseThrow().field());
  }
}
