package uk.nhs.carecoord.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads model values from JSON strictly, within a set of {@link JsonLimits}. Made by {@link
 * CareJson#reader(JsonLimits)}; {@link CareJson#read(String, Class)} uses one with the default
 * limits. Thread-safe: make one and share it.
 */
public final class CareJsonReader {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final JsonLimits limits;
  private final ObjectMapper mapper;

  CareJsonReader(JsonLimits limits) {
    this.limits = limits;
    // Blackbird: setters and creators called through generated lambdas rather than reflection,
    // with this package's lookup so that it reaches the Immutables classes' package-private
    // JSON holders. Only on this library's own mapper: a host's mapper has its own types.
    this.mapper = CareJson.configure(JsonMapper.builder(), limits)
        .addModule(new BlackbirdModule(MethodHandles::lookup))
        .build();
  }

  /** The limits this reader applies. */
  public JsonLimits limits() {
    return limits;
  }

  /** The configured mapper (do not reconfigure it). */
  ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Reads a value from JSON text. A leading byte-order mark is ignored.
   *
   * @throws CareJsonException if the JSON is malformed, over a limit, or does not make a valid value
   */
  public <T> T read(String json, Class<T> type) {
    try {
      return read(mapper.createParser(text(json)), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a value from a stream of JSON (UTF-8, -16 or -32, with or without a byte-order mark; not closed). */
  public <T> T read(InputStream json, Class<T> type) {
    try {
      return read(mapper.createParser(json), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a value from a JSON file. */
  public <T> T read(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads JSON text as a tree, with the same syntax rules and limits (for documents that hold model
   * values among other things, such as rule scenarios).
   */
  public JsonNode readTree(String json) {
    try {
      return read(mapper.createParser(text(json)), JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(JsonParser parser, Class<T> type) throws IOException {
    try (parser) {
      T value = mapper.readValue(parser, type);
      if (value == null) {
        throw CareJson.translate(MismatchedInputException.from(parser, type, "null document"), parser);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw CareJson.translate(e, parser);
    }
  }

  /**
   * The text without a leading byte-order mark (Jackson skips one in bytes, not in text, and a
   * file read with {@code Files.readString} keeps it), checked against the document limit: Jackson
   * counts a document's length only as it refills its buffer from a stream.
   */
  private String text(String json) {
    String text = !json.isEmpty() && json.charAt(0) == BYTE_ORDER_MARK ? json.substring(1) : json;
    long max = limits.maxDocumentLength();
    if (text.length() > max) {
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < max; i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new CareJsonException(
          "document longer than the limit of " + max + " characters (or bytes)",
          line, (int) (max - lineStart + 1), CareJson.ROOT, null);
    }
    return text;
  }
}
