package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A versioned list mapping SNOMED CT codes to {@link ConditionCategory}s. Its version travels with
 * every evaluation so a decision can be traced to the list it used. A code not on the list counts
 * towards no category.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCodeList.class)
@JsonDeserialize(as = ImmutableCodeList.class)
public abstract class CodeList {
  private static final String BUNDLED = "long-term-conditions.codelist.json";

  /** Identifier of the list. */
  public abstract String id();

  /** Version of the list, e.g. {@code 2026.1}. */
  public abstract String version();

  /** What the list is and where it came from. */
  public abstract Optional<String> description();

  /** One entry per code. */
  public abstract List<CodeListEntry> entries();

  @Value.Lazy
  Map<String, CodeListEntry> byCode() {
    return entries().stream().collect(Collectors.toUnmodifiableMap(CodeListEntry::snomedCode, Function.identity()));
  }

  /** The categories a code counts towards; empty for a code not on the list. */
  public Set<ConditionCategory> categoriesOf(String snomedCode) {
    CodeListEntry entry = byCode().get(snomedCode);
    return entry == null ? Set.of() : entry.categories();
  }

  /** The categories any of the conditions count towards. */
  public Set<ConditionCategory> categoriesOf(Collection<LongTermCondition> conditions) {
    Set<ConditionCategory> result = EnumSet.noneOf(ConditionCategory.class);
    for (LongTermCondition c : conditions) {
      result.addAll(categoriesOf(c.snomedCode()));
    }
    return result;
  }

  /** The list shipped with this library. */
  public static CodeList bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Reads a code list from JSON (same shape as the bundled one).
   *
   * @throws CareJsonException if the JSON is malformed or breaks the list's invariants
   */
  public static CodeList read(InputStream json) {
    return CareJson.read(json, CodeList.class);
  }

  /** A builder. */
  public static ImmutableCodeList.Builder builder() {
    return ImmutableCodeList.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(version(), "version");
    Checks.uniqueIds(entries(), CodeListEntry::snomedCode, "entries");
  }

  private static final class Bundled {
    static final CodeList INSTANCE = load();

    private static CodeList load() {
      try (InputStream in = CodeList.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("bundled code list missing: " + BUNDLED);
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
