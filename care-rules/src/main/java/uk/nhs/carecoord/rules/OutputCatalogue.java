package uk.nhs.carecoord.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every code the rules may raise, declared once: its kind, a label for a person, a default text and
 * the part (if any) the library's Java or reports rely on it for ({@link OutputRole}).
 *
 * <p>The built-in catalogue is {@code outputs.json} beside the built-in DRL; a rule directory may
 * carry its own {@code outputs.json}, whose entries add codes or replace entries with the same
 * code. Building the rules checks them against it ({@link CareRules.Builder#build()}). Reports,
 * FHIR export and CDS Hooks show {@link #label(String)} where a person reads a code.
 *
 * <p>The file is JSON with {@code //} comments allowed: an object from code to
 * {@code {"kind", "label", "text", "reliedOnAs"}}.
 */
public final class OutputCatalogue {
  /** The catalogue's file name, beside the DRL. */
  public static final String FILE_NAME = "outputs.json";

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> FIELDS = Set.of("kind", "label", "text", "reliedOnAs");
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());

  private final Map<String, OutputEntry> entries;

  private OutputCatalogue(Map<String, OutputEntry> entries) {
    this.entries = entries;
  }

  /** The built-in catalogue ({@code outputs.json} beside the built-in DRL), e.g. for a host's stub. */
  public static OutputCatalogue builtIn() {
    String resource = "uk/nhs/carecoord/rules/drl/" + FILE_NAME;
    try (InputStream in = OutputCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no class-path resource " + resource);
      }
      return read(FILE_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The built-in catalogue with the entries of {@code directory/outputs.json} added or replacing
   * built-in ones; the built-in catalogue alone when the directory has none.
   *
   * @throws RuleCompilationException naming the file, line and field of every mistake
   */
  static OutputCatalogue builtInWith(Path directory) {
    OutputCatalogue builtIn = builtIn();
    if (directory == null) {
      return builtIn;
    }
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return builtIn;
    }
    try {
      return builtIn.with(read(FILE_NAME, Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a catalogue file.
   *
   * @param name the file name problems are reported against
   * @throws RuleCompilationException naming the file, line and field of every mistake
   */
  static OutputCatalogue read(String name, String json) {
    Map<String, OutputEntry> entries = new LinkedHashMap<>();
    List<RuleProblem> problems = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RuleCompilationException(List.of(new RuleProblem(name, line(p),
            "an output catalogue is a JSON object from code to {\"kind\", \"label\", \"text\"}")));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String code = p.currentName();
        int line = line(p);
        p.nextToken();
        JsonNode node = JSON.readTree(p);
        OutputEntry entry = entry(name, code, line, node, problems);
        if (entry != null) {
          entries.put(code, entry);
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
      problems.add(new RuleProblem(name, line, e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new RuleCompilationException(problems);
    }
    return new OutputCatalogue(Map.copyOf(entries));
  }

  private static OutputEntry entry(String file, String code, int line, JsonNode node, List<RuleProblem> problems) {
    int before = problems.size();
    if (!CODE.matcher(code).matches()) {
      problems.add(new RuleProblem(file, line, "code " + code + " must be capital letters, digits and _"));
    }
    if (!node.isObject()) {
      problems.add(new RuleProblem(file, line, code + ": expected {\"kind\", \"label\", \"text\"}"));
      return null;
    }
    node.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        problems.add(new RuleProblem(file, line, code + ": unknown field \"" + field + "\" (known: kind, label, text, reliedOnAs)"));
      }
    });
    FindingKind kind = enumField(file, code, line, node, "kind", FindingKind.class, problems);
    String label = textField(file, code, line, node, "label", problems);
    String text = textField(file, code, line, node, "text", problems);
    Optional<OutputRole> role = Optional.empty();
    if (node.has("reliedOnAs")) {
      role = Optional.ofNullable(enumField(file, code, line, node, "reliedOnAs", OutputRole.class, problems));
    }
    return problems.size() > before ? null : new OutputEntry(code, kind, label, text, role, file);
  }

  private static <E extends Enum<E>> E enumField(
      String file, String code, int line, JsonNode node, String field, Class<E> type, List<RuleProblem> problems) {
    JsonNode value = node.get(field);
    String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    if (value == null || !value.isTextual()) {
      problems.add(new RuleProblem(file, line, code + ": \"" + field + "\" is required, one of " + known));
      return null;
    }
    try {
      return Enum.valueOf(type, value.asText());
    } catch (IllegalArgumentException e) {
      problems.add(new RuleProblem(file, line, code + ": \"" + field + "\" is " + value.asText() + ", not one of " + known));
      return null;
    }
  }

  private static String textField(String file, String code, int line, JsonNode node, String field, List<RuleProblem> problems) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(new RuleProblem(file, line, code + ": \"" + field + "\" is required: words for a person"));
      return null;
    }
    return value.asText();
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  /** This catalogue with {@code other}'s entries added, replacing entries with the same code. */
  OutputCatalogue with(OutputCatalogue other) {
    Map<String, OutputEntry> merged = new LinkedHashMap<>(entries);
    merged.putAll(other.entries);
    return new OutputCatalogue(Map.copyOf(merged));
  }

  /** The entry for a code, if declared. */
  public Optional<OutputEntry> entry(String code) {
    return Optional.ofNullable(entries.get(code));
  }

  /** The label for a code; the code itself if undeclared. */
  public String label(String code) {
    OutputEntry e = entries.get(code);
    return e != null ? e.label() : code;
  }

  /** Every entry, ordered by kind then code. */
  public List<OutputEntry> entries() {
    return entries.values().stream()
        .sorted((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.code().compareTo(b.code()))
        .toList();
  }

  /** The codes declared with this role, sorted. */
  public Set<String> codesReliedOnAs(OutputRole role) {
    Objects.requireNonNull(role, "role");
    return entries.values().stream().filter(e -> e.reliedOnAs().equals(Optional.of(role)))
        .map(OutputEntry::code).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The declared codes. */
  Collection<String> codes() {
    return entries.keySet();
  }

  @Override
  public String toString() {
    return "OutputCatalogue[" + entries.size() + " codes]";
  }
}
