package uk.nhs.carecoord.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;

/**
 * Refuses a JSON array longer than {@link JsonLimits#maxListLength()} as soon as the element over
 * the limit is read (Jackson has no such constraint). Every collection deserializer is wrapped and
 * reads through a parser that counts the array's entries, so a set that would drop repeated values
 * is counted as written.
 */
final class ListLengthLimit extends BeanDeserializerModifier {
  private static final long serialVersionUID = 1L;

  private final int max;

  private ListLengthLimit(int max) {
    this.max = max;
  }

  static SimpleModule module(int max) {
    return new SimpleModule("care-list-length-limit").setDeserializerModifier(new ListLengthLimit(max));
  }

  @Override
  public JsonDeserializer<?> modifyCollectionDeserializer(
      DeserializationConfig config, CollectionType type, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
    return new Limited(deserializer, max);
  }

  /** Thrown for a list over the limit; located at the list's opening bracket. */
  static final class TooLong extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    final int limit;

    TooLong(JsonParser parser, JsonLocation at, int limit) {
      super(parser, "list longer than the limit of " + limit + " elements", at);
      this.limit = limit;
    }
  }

  private static final class Limited extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    private final int max;

    Limited(JsonDeserializer<?> delegatee, int max) {
      super(delegatee);
      this.max = max;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new Limited(newDelegatee, max);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return _delegatee.deserialize(p, ctxt); // not an array: let the collection refuse it
      }
      return _delegatee.deserialize(new Counting(p, max), ctxt);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return ((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue);
      }
      return ((JsonDeserializer<Object>) _delegatee).deserialize(new Counting(p, max), ctxt, intoValue);
    }
  }

  /** Reads one array, failing once it holds more than {@code max} entries. */
  private static final class Counting extends JsonParserDelegate {
    private final JsonStreamContext array;
    private final JsonLocation start;
    private final int max;

    Counting(JsonParser atStartOfArray, int max) {
      super(atStartOfArray);
      this.array = atStartOfArray.getParsingContext();
      this.start = atStartOfArray.currentTokenLocation();
      this.max = max;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = delegate.nextToken();
      check();
      return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken t = delegate.nextValue();
      check();
      return t;
    }

    private void check() throws TooLong {
      if (array.getEntryCount() > max) {
        throw new TooLong(delegate, start, max);
      }
    }
  }
}
