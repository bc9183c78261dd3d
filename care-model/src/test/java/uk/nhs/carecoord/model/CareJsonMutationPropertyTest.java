package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/**
 * Mutates valid case JSON and checks the reader never turns it into a different value: it either
 * returns a valid case holding exactly what the mutated JSON says, or throws a {@link
 * CareJsonException} with a path; never another exception. Mutations that can only be mistakes
 * (truncation, a value of another JSON type, a decimal for a whole number, a duplicated field) must
 * always be refused.
 */
class CareJsonMutationPropertyTest {
  /** A lenient reader, to see what a mutated text says when the strict one accepts it. */
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static final Pattern WHOLE_NUMBER_FIELD = Pattern.compile("(\"[A-Za-z]+\" : )(-?[0-9]+)(,?\n)");
  private static final Pattern SCALAR_FIELD_LINE = Pattern.compile("(?m)^ *\"[A-Za-z]+\" : (\"[^\"\n]*\"|-?[0-9.]+|true|false),$");

  @Provide
  Arbitrary<String> cases() {
    return CareArbitraries.patientCases().map(CareJson::write);
  }

  @Property(tries = 50)
  void droppingAFieldGivesTheSameCaseWithoutItOrARefusal(@ForAll("cases") String json, @ForAll long seed) {
    Field f = randomField(json, seed);
    if (f == null) {
      return;
    }
    f.object().remove(f.name());
    readsAsWrittenOrRefuses(f.tree().toString());
  }

  @Property(tries = 50)
  void aValueOfAnotherJsonTypeIsAlwaysRefused(@ForAll("cases") String json, @ForAll long seed) {
    Field f = randomField(json, seed);
    if (f == null) {
      return;
    }
    ObjectNode victim = f.object();
    String name = f.name();
    java.util.Random random = f.random();
    JsonNode value = victim.get(name);
    JsonNode changed;
    if (value.isTextual()) {
      changed = random.nextBoolean() ? victim.numberNode(random.nextInt(100)) : victim.booleanNode(true);
    } else if (value.isNumber()) {
      changed = victim.textNode(value.asText());
    } else if (value.isBoolean()) {
      changed = random.nextBoolean() ? victim.textNode(value.asText()) : victim.numberNode(value.asBoolean() ? 1 : 0);
    } else if (value.isArray()) {
      changed = value.isEmpty() ? victim.textNode("x") : value.get(0);
    } else {
      changed = victim.arrayNode().add(value);
    }
    victim.set(name, changed);
    refused(f.tree().toString());
  }

  /** A field of one of the document's objects, chosen by {@code seed}; null when that object is empty. */
  private record Field(ObjectNode tree, ObjectNode object, String name, java.util.Random random) {}

  private static Field randomField(String json, long seed) {
    ObjectNode tree = (ObjectNode) tree(json);
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(tree, objects);
    java.util.Random random = new java.util.Random(seed);
    ObjectNode object = objects.get(random.nextInt(objects.size()));
    if (object.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return new Field(tree, object, names.get(random.nextInt(names.size())), random);
  }

  @Property(tries = 50)
  void aTruncatedDocumentIsAlwaysRefused(@ForAll("cases") String json, @ForAll @IntRange(min = 0, max = 100_000) int at) {
    refused(json.substring(0, at % json.length()));
  }

  @Property(tries = 80)
  void insertedGarbageIsRefusedOrReadAsWritten(
      @ForAll("cases") String json, @ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll("garbage") String garbage) {
    int i = at % (json.length() + 1);
    readsAsWrittenOrRefuses(json.substring(0, i) + garbage + json.substring(i));
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[],:\"\\01-9.eEtrufalsn x").ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(3),
        Arbitraries.of(",", "\"", "}", "]", "null", "\uFEFF", "//", "NaN", "1e999"));
  }

  @Property(tries = 50)
  void aDuplicatedFieldIsAlwaysRefused(@ForAll("cases") String json, @ForAll long seed) {
    Matcher m = SCALAR_FIELD_LINE.matcher(json);
    List<int[]> lines = new ArrayList<>();
    while (m.find()) {
      lines.add(new int[] {m.start(), m.end()});
    }
    int[] line = lines.get(new java.util.Random(seed).nextInt(lines.size()));
    String copy = json.substring(line[0], line[1]);
    refused(json.substring(0, line[1]) + "\n" + copy + json.substring(line[1]));
  }

  @Property(tries = 50)
  void aDecimalWhereAWholeNumberBelongsIsAlwaysRefused(
      @ForAll("cases") String json, @ForAll long seed, @ForAll("fractions") String fraction) {
    Matcher m = WHOLE_NUMBER_FIELD.matcher(json);
    List<MatchResult> found = new ArrayList<>();
    while (m.find()) {
      found.add(new MatchResult(m.start(2), m.end(2)));
    }
    if (found.isEmpty()) {
      fail("a written case always has whole numbers (repeatMedicines, serviceUse)");
    }
    MatchResult r = found.get(new java.util.Random(seed).nextInt(found.size()));
    refused(json.substring(0, r.end) + fraction + json.substring(r.end));
  }

  @Provide
  Arbitrary<String> fractions() {
    return Arbitraries.of(".0", ".5", ".9", ".99", "e0", ".1e1");
  }

  private record MatchResult(int start, int end) {}

  /** Either a refusal with a path, or a valid case holding every value the text holds. */
  private static void readsAsWrittenOrRefuses(String mutated) {
    PatientCase read;
    try {
      read = CareJson.read(mutated, PatientCase.class);
    } catch (CareJsonException e) {
      assertFalse(e.path().isEmpty(), e.getMessage());
      return;
    }
    JsonNode said;
    try {
      said = PLAIN.readTree(mutated.startsWith("\uFEFF") ? mutated.substring(1) : mutated);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the strict reader accepted text a lenient one refuses: " + mutated, e);
    }
    assertEquals(read, CareJson.read(CareJson.write(read), PatientCase.class), "not a valid case");
    assertContained(said, tree(CareJson.write(read)), "");
  }

  private static void refused(String mutated) {
    CareJsonException e = assertThrows(CareJsonException.class, () -> CareJson.read(mutated, PatientCase.class), mutated);
    assertFalse(e.path().isEmpty(), e.getMessage());
    assertTrue(e.line() >= 1, e.getMessage());
  }

  /** Every value in {@code said} is in {@code read}, equal (numbers by value). */
  private static void assertContained(JsonNode said, JsonNode read, String path) {
    if (said.isObject()) {
      assertTrue(read.isObject(), path);
      for (Iterator<Map.Entry<String, JsonNode>> it = said.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isNull()) {
          assertFalse(read.has(field.getKey()), path + "." + field.getKey() + " was null");
          continue;
        }
        assertTrue(read.has(field.getKey()), "lost " + path + "." + field.getKey());
        assertContained(field.getValue(), read.get(field.getKey()), path + "." + field.getKey());
      }
    } else if (said.isArray()) {
      assertTrue(read.isArray(), path);
      assertEquals(said.size(), read.size(), path);
      if (said.size() > 0 && !said.get(0).isContainerNode()) {
        // Sets (flags, needs) may come back in another order: compare scalars as sorted lists.
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        said.forEach(n -> a.add(n.isNumber() ? String.valueOf(n.asDouble()) : n.toString()));
        read.forEach(n -> b.add(n.isNumber() ? String.valueOf(n.asDouble()) : n.toString()));
        a.sort(null);
        b.sort(null);
        assertEquals(a, b, path);
      } else {
        for (int i = 0; i < said.size(); i++) {
          assertContained(said.get(i), read.get(i), path + "[" + i + "]");
        }
      }
    } else if (said.isNumber()) {
      assertTrue(read.isNumber(), path);
      assertEquals(said.asDouble(), read.asDouble(), path);
    } else {
      assertEquals(said, read, path);
    }
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode o) {
      into.add(o);
    }
    node.forEach(child -> collectObjects(child, into));
  }

  private static JsonNode tree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
