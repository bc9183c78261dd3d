package uk.nhs.carecoord.fhir;

import java.util.List;
import java.util.Objects;

/**
 * What an import did with every resource and every relevant element: used, ignored with a reason,
 * or refused. Entries are in the order the import met them (resources in input order).
 *
 * @param entries one line per resource or element
 */
public record ImportReport(List<Entry> entries) {

  /**
   * One resource or element.
   *
   * @param resource the resource, {@code Type/id} (or the bundle entry's fullUrl when it has no id)
   * @param path the element path in FHIRPath form, e.g. {@code Observation.valueQuantity.value};
   *     the resource type alone for the whole resource
   * @param outcome used, ignored or refused
   * @param detail what it became in the case (used) or why not (ignored, refused)
   */
  public record Entry(String resource, String path, ImportOutcome outcome, String detail) {
    /** Checks every part is given. */
    public Entry {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return outcome + " " + resource + " " + path + ": " + detail;
    }
  }

  /** Copies the entries. */
  public ImportReport {
    entries = List.copyOf(entries);
  }

  /** The entries with the given outcome. */
  public List<Entry> entries(ImportOutcome outcome) {
    return entries.stream().filter(e -> e.outcome() == outcome).toList();
  }

  /** True if anything was refused. */
  public boolean refused() {
    return entries.stream().anyMatch(e -> e.outcome() == ImportOutcome.REFUSED);
  }

  /** How many entries have the outcome. */
  public long count(ImportOutcome outcome) {
    return entries.stream().filter(e -> e.outcome() == outcome).count();
  }

  /** One entry a line, as {@code OUTCOME resource path: detail}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Entry e : entries) {
      out.append(e).append('\n');
    }
    return out.toString();
  }
}
