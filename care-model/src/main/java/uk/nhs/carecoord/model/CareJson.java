package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;

/**
 * Reads and writes model values as JSON: ISO-8601 dates, enums by name (FHIR-coded statuses by
 * their FHIR code), absent optionals omitted. Reading is strict: unknown fields, missing required
 * fields and broken invariants are all {@link CareJsonException}s.
 */
public final class CareJson {
  private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

  private CareJson() {}

  /**
   * Applies this library's settings to a mapper builder, for host systems that keep their own
   * mapper.
   */
  public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .disable(JsonReadFeature.ALLOW_TRAILING_COMMA);
  }

  /** The shared, configured mapper. Do not reconfigure it; use {@link #configure} instead. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads a value from JSON text.
   *
   * @throws CareJsonException if the JSON is malformed or does not make a valid value
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw translate(e);
    }
  }

  /** Reads a value from a stream of JSON (not closed). */
  public static <T> T read(InputStream json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw translate(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a value from a JSON file. */
  public static <T> T read(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a value as indented JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Writes a value as JSON on one line (for JSON-lines streams). */
  public static String writeLine(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Turns a Jackson failure into a {@link CareJsonException} with line, column and field path. */
  public static CareJsonException translate(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? -1 : at.getLineNr();
    int column = at == null ? -1 : at.getColumnNr();
    String path = e instanceof JsonMappingException m ? path(m) : "";
    ModelValidationException invalid = rootValidation(e);
    if (invalid != null) {
      String field = invalid.field();
      // A scalar's own check names the field the path already ends with.
      String full =
          path.isEmpty() ? field : path.equals(field) || path.endsWith("." + field) ? path : path + "." + field;
      String problem = invalid.getMessage().substring(Math.min(invalid.getMessage().length(), field.length() + 2));
      return new CareJsonException(problem, line, column, full, invalid);
    }
    String problem;
    if (e instanceof UnrecognizedPropertyException u) {
      problem = "unknown field '" + u.getPropertyName() + "'";
    } else if (e instanceof MismatchedInputException m && !path.isEmpty() && m.getTargetType() != null) {
      // Jackson's own message quotes the value (a date of birth, an NHS number written as a number).
      problem = "cannot be read as " + expected(m.getTargetType());
    } else {
      problem = e.getOriginalMessage();
    }
    return new CareJsonException(problem, line, column, path, e);
  }

  private static String expected(Class<?> type) {
    if (type == LocalDate.class) {
      return "a date (YYYY-MM-DD)";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a number (" + type.getSimpleName() + ")";
    }
    if (type == String.class || type == NhsNumber.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static ModelValidationException rootValidation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ModelValidationException m) {
        return m;
      }
    }
    return null;
  }

  private static String path(JsonMappingException e) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (s.length() > 0) {
          s.append('.');
        }
        s.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        s.append('[').append(ref.getIndex()).append(']');
      }
    }
    return s.toString();
  }
}
