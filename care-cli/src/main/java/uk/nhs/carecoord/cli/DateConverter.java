package uk.nhs.carecoord.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads {@code YYYY-MM-DD}. */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }
}
