package uk.nhs.carecoord.model;

import org.immutables.value.Value;

/**
 * How much JSON {@link CareJson} reads before refusing: the size of a whole document, the length of
 * one string and of one list, and how deeply objects and arrays nest. A document over a limit is a
 * {@link CareJsonException} naming the field, line and column where the limit was passed.
 *
 * <p>The defaults are generous for one person's case (a GP record of thousands of coded entries)
 * and still keep a hostile or corrupt document from exhausting memory:
 *
 * <pre>{@code
 * CareJsonReader reader = CareJson.reader(JsonLimits.builder().maxListLength(500).build());
 * }</pre>
 */
@Value.Immutable
public abstract class JsonLimits {

  /** Default {@link #maxDocumentLength()}: 8 million characters (or bytes, read from a stream). */
  public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 8_000_000L;

  /** Default {@link #maxStringLength()}: 20,000 characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 20_000;

  /** Default {@link #maxListLength()}: 10,000 elements. */
  public static final int DEFAULT_MAX_LIST_LENGTH = 10_000;

  /** Default {@link #maxNestingDepth()}: 64 levels of objects and arrays. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  private static final JsonLimits DEFAULTS = builder().build();

  /** The defaults. */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static ImmutableJsonLimits.Builder builder() {
    return ImmutableJsonLimits.builder();
  }

  /** Longest document, in characters (text) or bytes (streams and files). */
  @Value.Default
  public long maxDocumentLength() {
    return DEFAULT_MAX_DOCUMENT_LENGTH;
  }

  /** Longest string value, in characters. */
  @Value.Default
  public int maxStringLength() {
    return DEFAULT_MAX_STRING_LENGTH;
  }

  /** Most elements in one list (an array in the JSON). */
  @Value.Default
  public int maxListLength() {
    return DEFAULT_MAX_LIST_LENGTH;
  }

  /** Deepest nesting of objects and arrays. */
  @Value.Default
  public int maxNestingDepth() {
    return DEFAULT_MAX_NESTING_DEPTH;
  }

  @Value.Check
  void check() {
    Checks.require(maxDocumentLength() > 0, "maxDocumentLength", "must be positive, was " + maxDocumentLength());
    Checks.require(maxStringLength() > 0, "maxStringLength", "must be positive, was " + maxStringLength());
    Checks.require(maxListLength() > 0, "maxListLength", "must be positive, was " + maxListLength());
    Checks.require(maxNestingDepth() > 0, "maxNestingDepth", "must be positive, was " + maxNestingDepth());
  }
}
