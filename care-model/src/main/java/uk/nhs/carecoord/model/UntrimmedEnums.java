package uk.nhs.carecoord.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.EnumDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Refuses an enum value with white space around it ({@code "INTERPRETER  "}). Jackson's enum
 * reading retries a name it does not know with the spaces trimmed, so such a value would be read as
 * a different text than was written; every other enum check stays Jackson's.
 */
final class UntrimmedEnums extends BeanDeserializerModifier {
  private UntrimmedEnums() {}

  static Module module() {
    return new SimpleModule("care-untrimmed-enums").setDeserializerModifier(new UntrimmedEnums());
  }

  @Override
  public JsonDeserializer<?> modifyEnumDeserializer(
      DeserializationConfig config, JavaType type, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
    // Only Jackson's own enum reading trims; an enum with its own creator (coded values) decides.
    return deserializer instanceof EnumDeserializer ? new Untrimmed(deserializer) : deserializer;
  }

  private static final class Untrimmed extends DelegatingDeserializer {
    Untrimmed(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Untrimmed(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        String text = p.getText();
        if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
          return ctxt.handleWeirdStringValue(handledType(), text, "has white space around it");
        }
      }
      return super.deserialize(p, ctxt);
    }
  }
}
