package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes model values as JSON: ISO-8601 dates, enums by name (FHIR-coded statuses by
 * their FHIR code), absent optionals omitted.
 *
 * <p>Reading is strict, so that a malformed value can never become a different value: unknown
 * fields, missing required fields, duplicate fields, a decimal where a whole number belongs (no
 * truncation), text where a number or {@code true}/{@code false} belongs and numbers where text
 * belongs (no coercion), a single value where a list belongs (no wrapping), a null where a value is
 * required, an unknown enum value or code, a document, string or list over its {@link JsonLimits}
 * and broken invariants are all {@link CareJsonException}s naming the path, line and column. A
 * leading UTF-8 byte-order mark is accepted.
 */
public final class CareJson {
  /** The path of the document's root in {@link CareJsonException#path()}. */
  public static final String ROOT = "$";

  private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

  private static final CareJsonReader DEFAULT = new CareJsonReader(JsonLimits.defaults());

  private CareJson() {}

  /**
   * Applies this library's settings, with the default {@link JsonLimits}, to a mapper builder, for
   * host systems that keep their own mapper.
   */
  public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return configure(builder, JsonLimits.defaults());
  }

  /**
   * Applies this library's settings and the given limits to a mapper builder. The document, string
   * and nesting limits are set on the builder's own {@link JsonFactory}.
   */
  public static JsonMapper.Builder configure(JsonMapper.Builder builder, JsonLimits limits) {
    ((JsonFactory) builder.streamFactory())
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentLength())
                .maxStringLength(limits.maxStringLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .build());
    return builder
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .addModule(new SimpleModule("care-iso-dates").addDeserializer(LocalDate.class, new IsoDateDeserializer()))
        .addModule(ListLengthLimit.module(limits.maxListLength()))
        .addModule(UntrimmedEnums.module())
        // A null only where a value is optional (an Optional field): it then means absent.
        .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL))
        .withConfigOverride(Optional.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
        .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
        .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .defaultLeniency(false)
        // No value is ever converted from another JSON type: only numbers are numbers, only
        // strings are text, only true and false are booleans.
        .withCoercionConfig(LogicalType.Integer, c -> fail(c, CoercionInputShape.Float, CoercionInputShape.String,
            CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Float, c -> fail(c, CoercionInputShape.String, CoercionInputShape.EmptyString,
            CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Boolean, c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.String, CoercionInputShape.EmptyString))
        .withCoercionConfig(LogicalType.Textual, c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Enum, c -> fail(c, CoercionInputShape.Integer, CoercionInputShape.EmptyString))
        .withCoercionConfigDefaults(c -> fail(c, CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray))
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .disable(JsonReadFeature.ALLOW_TRAILING_COMMA);
  }

  private static void fail(MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** The shared, configured mapper. Do not reconfigure it; use {@link #configure} instead. */
  public static ObjectMapper mapper() {
    return DEFAULT.mapper();
  }

  /** A reader that applies other limits than the defaults; make it once and share it. */
  public static CareJsonReader reader(JsonLimits limits) {
    return new CareJsonReader(limits);
  }

  /**
   * Reads a value from JSON text, within the default {@link JsonLimits}.
   *
   * @throws CareJsonException if the JSON is malformed or does not make a valid value
   */
  public static <T> T read(String json, Class<T> type) {
    return DEFAULT.read(json, type);
  }

  /** Reads a value from a stream of JSON (not closed). */
  public static <T> T read(InputStream json, Class<T> type) {
    return DEFAULT.read(json, type);
  }

  /** Reads a value from a JSON file. */
  public static <T> T read(Path file, Class<T> type) {
    return DEFAULT.read(file, type);
  }

  /** Reads JSON text as a tree with the same syntax rules and limits as {@link #read(String, Class)}. */
  public static JsonNode readTree(String json) {
    return DEFAULT.readTree(json);
  }

  /** Writes a value as indented JSON. */
  public static String write(Object value) {
    try {
      return mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Writes a value as JSON on one line (for JSON-lines streams). */
  public static String writeLine(Object value) {
    try {
      return mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Turns a Jackson failure into a {@link CareJsonException} with line, column and field path (the
   * document's root is {@code $}), in this library's words rather than Jackson's.
   */
  public static CareJsonException translate(JsonProcessingException e) {
    return translate(e, null);
  }

  /** As {@link #translate(JsonProcessingException)}, with the parser that read the document. */
  static CareJsonException translate(JsonProcessingException e, JsonParser reading) {
    JsonProcessingException root = innermost(e);
    JsonParser parser = reading != null ? reading : parser(root) != null ? parser(root) : parser(e);
    JsonLocation at = e.getLocation() != null ? e.getLocation() : root.getLocation();
    if (at == null && parser != null) {
      at = parser.currentLocation();
    }
    int line = at == null ? -1 : at.getLineNr();
    int column = at == null ? -1 : at.getColumnNr();
    String path = e instanceof JsonMappingException m ? path(m) : "";
    if (!(root instanceof JsonMappingException) && parser != null) {
      // A syntax error or limit inside a value: the parser knows the field; databind only the object.
      // After a syntax error the current name may be text that was never meant as a name (a
      // value with its quotes misplaced): name only the enclosing object then.
      boolean syntax = root instanceof JsonParseException && !(root instanceof JsonEOFException)
          && !String.valueOf(root.getOriginalMessage()).startsWith("Duplicate field ");
      String inner = path(parser.getParsingContext(), !syntax);
      path = inner.isEmpty() ? path : inner;
    }
    if (root instanceof ListLengthLimit.TooLong) {
      path = path.replaceFirst("\\[[0-9]+]$", ""); // the list, not its element over the limit
    }
    ModelValidationException invalid = rootValidation(e);
    if (invalid != null) {
      String field = invalid.field();
      // A scalar's own check names the field the path already ends with.
      String full =
          path.isEmpty() ? field : path.equals(field) || path.endsWith("." + field) ? path : path + "." + field;
      String problem = invalid.getMessage().substring(Math.min(invalid.getMessage().length(), field.length() + 2));
      return new CareJsonException(problem, line, column, full, invalid);
    }
    return new CareJsonException(problem(e, root, parser), line, column, path.isEmpty() ? ROOT : path, e);
  }

  private static String problem(JsonProcessingException e, JsonProcessingException root, JsonParser parser) {
    if (root instanceof StreamConstraintsException limit) {
      return overLimit(limit.getOriginalMessage());
    }
    if (root instanceof ListLengthLimit.TooLong tooLong) {
      return tooLong.getOriginalMessage();
    }
    if (root instanceof JsonEOFException) {
      return "the JSON ends before its objects and arrays are closed";
    }
    if (root instanceof InputCoercionException) {
      return "number out of range for " + expected(((InputCoercionException) root).getTargetType());
    }
    String message = String.valueOf(root.getOriginalMessage());
    if (message.startsWith("Duplicate field ")) {
      // The first value would silently be replaced by the second.
      return "duplicate field " + message.substring("Duplicate field ".length());
    }
    if (e instanceof InvalidNullException) {
      return "must not be null";
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      // Jackson's own message quotes the value (a date of birth, an NHS number written as a number).
      return "cannot be read as " + expected(m.getTargetType()) + found(m, parser);
    }
    if (message.startsWith("No content to map")) {
      return "no JSON value (the input is empty)";
    }
    return message;
  }

  /** Jackson's limit messages name its own classes; say which limit, and what it is. */
  private static String overLimit(String message) {
    Matcher m = LIMIT.matcher(message);
    String limit = m.find() ? " of " + m.group(1) : "";
    if (message.startsWith("String value length")) {
      return "text longer than the limit" + limit + " characters";
    }
    if (message.startsWith("Document length")) {
      return "document longer than the limit" + limit + " characters (or bytes)";
    }
    if (message.startsWith("Document nesting depth")) {
      return "objects and arrays nested deeper than the limit" + limit;
    }
    if (message.startsWith("Number value length")) {
      return "number longer than the limit" + limit + " digits";
    }
    if (message.startsWith("Name length")) {
      return "field name longer than the limit" + limit + " characters";
    }
    return "over a size limit" + limit;
  }

  private static String found(MismatchedInputException m, JsonParser parser) {
    Class<?> type = m.getTargetType();
    JsonToken token = parser == null ? null : parser.currentToken();
    if (token == null || type == LocalDate.class || type.isEnum()) {
      return "";
    }
    String what =
        switch (token) {
          case VALUE_STRING -> "text";
          case VALUE_NUMBER_INT -> "a whole number";
          case VALUE_NUMBER_FLOAT -> "a decimal number";
          case VALUE_TRUE, VALUE_FALSE -> "true or false";
          case VALUE_NULL -> "null";
          case START_OBJECT, END_OBJECT -> "an object";
          case START_ARRAY, END_ARRAY -> "an array";
          default -> "";
        };
    return what.isEmpty() ? "" : ", found " + what;
  }

  private static String expected(Class<?> type) {
    if (type == LocalDate.class) {
      return "a date (YYYY-MM-DD)";
    }
    if (type.isEnum()) {
      return "one of " + jsonNames(type);
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class || type == NhsNumber.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /** An enum's values as JSON spells them (its {@code @JsonProperty} or {@code @JsonValue} names), not their Java names. */
  private static String jsonNames(Class<?> enumType) {
    List<String> names = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      names.add(mapper().convertValue(constant, String.class));
    }
    return String.join(", ", names);
  }

  private static JsonProcessingException innermost(JsonProcessingException e) {
    JsonProcessingException last = e;
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JsonProcessingException j) {
        last = j;
      }
    }
    return last;
  }

  private static JsonParser parser(JsonProcessingException e) {
    return e.getProcessor() instanceof JsonParser p ? p : null;
  }

  private static ModelValidationException rootValidation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ModelValidationException m) {
        return m;
      }
    }
    return null;
  }

  /** The parser's position as a path: {@code contacts[0].on}; empty at the root. */
  private static String path(JsonStreamContext context, boolean withCurrentName) {
    List<JsonStreamContext> chain = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.add(c);
    }
    StringBuilder s = new StringBuilder();
    for (int i = chain.size() - 1; i >= 0; i--) {
      JsonStreamContext c = chain.get(i);
      if (c.inObject() && c.getCurrentName() != null && (withCurrentName || i > 0)) {
        if (s.length() > 0) {
          s.append('.');
        }
        s.append(c.getCurrentName());
      } else if (c.inArray() && c.hasCurrentIndex()) {
        s.append('[').append(c.getCurrentIndex()).append(']');
      }
    }
    return s.toString();
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
