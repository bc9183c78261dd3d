package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written checks on the reading path accept and refuse exactly what the library calls
 * they replace accept and refuse: {@code IsoDateDeserializer.parse} against {@link
 * LocalDate#parse(CharSequence)}, {@code Checks.sixToEighteenDigits} against {@code [0-9]{6,18}}.
 */
class FastReadingPropertyTest {
  private static final Pattern SNOMED_SHAPE = Pattern.compile("[0-9]{6,18}");

  @Property(tries = 3000)
  void aDateIsReadAsLocalDateParseReadsIt(@ForAll("dateLikeTexts") String text) {
    assertEquals(outcome(() -> LocalDate.parse(text)), outcome(() -> IsoDateDeserializer.parse(text)), text);
  }

  @Property(tries = 3000)
  void aCodeHasTheIdentifierShapeExactlyWhenThePatternMatches(@ForAll("codeLikeTexts") String code) {
    assertEquals(SNOMED_SHAPE.matcher(code).matches(), Checks.sixToEighteenDigits(code), code);
  }

  @Example
  void daysTheMonthLacksAndOddShapesAreRefusedAsBefore() {
    for (String text : new String[] {"2025-02-29", "2024-04-31", "2025-00-10", "2025-13-01", "2025-01-00",
        "0000-01-01", "+2025-01-01", "2025-1-01", "2025/01/01", "２０２５-01-01", "2024-02-29", "20250101"}) {
      assertEquals(outcome(() -> LocalDate.parse(text)), outcome(() -> IsoDateDeserializer.parse(text)), text);
    }
  }

  /** Ten-character texts mostly of digits and hyphens, real dates among them, and some others. */
  @Provide
  Arbitrary<String> dateLikeTexts() {
    Arbitrary<Character> c = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.chars().range('0', '9')),
        net.jqwik.api.Tuple.of(2, Arbitraries.of('-', '+', ' ', '/', 'x', '\u0663')));
    Arbitrary<String> shaped = Combinators.combine(
            Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, 32))
        .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    Arbitrary<String> anything = c.list().ofMinSize(8).ofMaxSize(12)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    return Arbitraries.oneOf(shaped, shaped, anything);
  }

  @Provide
  Arbitrary<String> codeLikeTexts() {
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(21);
    Arbitrary<String> mixed = Arbitraries.strings().withCharRange('0', '9').withChars('a', ' ', '-', '\u0663', '０')
        .ofMinLength(0).ofMaxLength(21);
    return Arbitraries.oneOf(digits, mixed);
  }

  /** The date read, or the kind of refusal (both refuse with a {@link DateTimeException}). */
  private static Object outcome(java.util.function.Supplier<LocalDate> read) {
    try {
      return read.get();
    } catch (DateTimeException e) {
      return "refused";
    }
  }
}
