package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.rules.Priority;

/** Presentation rules of cards: summary length, indicator, stable ids, safe markdown. */
class CardFactoryTest {

  @Property
  void summariesNeverExceed140CharactersAndShortOnesAreKept(@ForAll @StringLength(max = 400) String text) {
    String s = CardFactory.shorten(text);
    assertTrue(s.length() <= CardFactory.SUMMARY_LIMIT, s);
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= CardFactory.SUMMARY_LIMIT) {
      assertEquals(flat, s);
    } else {
      assertTrue(s.endsWith("\u2026"));
      assertTrue(flat.startsWith(s.substring(0, s.length() - 1).stripTrailing()));
    }
  }

  @Test
  void indicatorFollowsPriority() {
    assertEquals("critical", CardFactory.indicator(Priority.URGENT));
    assertEquals("warning", CardFactory.indicator(Priority.HIGH));
    assertEquals("info", CardFactory.indicator(Priority.MEDIUM));
    assertEquals("info", CardFactory.indicator(Priority.LOW));
  }

  @Property
  void cardIdsAreStableAndTellFindingsAndPatientsApart(
      @ForAll("refs") String patient, @ForAll("refs") String other, @ForAll("codes") String code, @ForAll("refs") String fingerprint) {
    assertEquals(CardIds.of(patient, "RECOMMENDATION", code, "", fingerprint), CardIds.of(patient, "RECOMMENDATION", code, "", fingerprint));
    if (!patient.equals(other)) {
      assertNotEquals(CardIds.of(patient, "RECOMMENDATION", code, "", fingerprint), CardIds.of(other, "RECOMMENDATION", code, "", fingerprint));
    }
    assertNotEquals(CardIds.of(patient, "RECOMMENDATION", code, "", fingerprint), CardIds.of(patient, "RECOMMENDATION", code, "", fingerprint + "0"));
  }

  @Property
  void escapedTextHasNoUnescapedMarkupAndNoLineBreaks(@ForAll String text) {
    String escaped = Markdown.escape(text);
    assertTrue(escaped.indexOf('\n') < 0 && escaped.indexOf('\r') < 0);
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if ("`*_[]|<>~".indexOf(c) >= 0) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && escaped.charAt(j) == '\\'; j--) {
          backslashes++;
        }
        assertEquals(1, backslashes % 2, "unescaped " + c + " in " + escaped);
      }
    }
  }

  @Provide
  Arbitrary<String> refs() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.of("PAM_LEVEL_1_SMALL_STEPS", "PLAN_CREATE", "CARER_SUPPORT", "DISCUSS_SAFEGUARDING_CONCERN");
  }
}
