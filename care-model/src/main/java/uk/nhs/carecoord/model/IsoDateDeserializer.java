package uk.nhs.carecoord.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.DateTimeException;

/**
 * Reads a date only from an ISO-8601 {@code YYYY-MM-DD} string. Jackson's own deserializer also
 * takes {@code [2025, 1, 31]} and a number of days since 1970 whatever its settings; a number in
 * a date field is far more likely a mistake than an epoch day.
 */
final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {
  private static final long serialVersionUID = 1L;

  IsoDateDeserializer() {
    super(LocalDate.class);
  }

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
    }
    String text = p.getText();
    try {
      return parse(text);
    } catch (DateTimeException e) {
      return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date (YYYY-MM-DD)");
    }
  }

  /**
   * {@link LocalDate#parse(CharSequence)}, read directly when the text is the usual {@code
   * YYYY-MM-DD} (ten characters, digits and two hyphens: the formatter's set-up costs more than
   * the date), which gives the same date or the same refusal of a day the month lacks.
   */
  static LocalDate parse(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(text);
  }

  /** The ASCII digits from {@code from} to {@code to} as a number, or -1 if any is not one. */
  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
