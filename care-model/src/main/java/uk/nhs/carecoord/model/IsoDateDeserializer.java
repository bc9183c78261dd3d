package uk.nhs.carecoord.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date (YYYY-MM-DD)");
    }
  }
}
