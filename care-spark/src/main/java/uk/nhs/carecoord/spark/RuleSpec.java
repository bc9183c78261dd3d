package uk.nhs.carecoord.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything an executor needs to build the same rules as the driver, as plain serialisable data:
 * the reference date, the text of the rule author's DRL files, the text of a PCN's own code lists
 * and the PCNs as JSON. The KieBase itself is never serialised (it cannot be); each executor JVM
 * compiles it once from this.
 *
 * @param asOf the reference date
 * @param ruleFiles a rule directory's files by relative name ({@code local/extra.drl}, {@code
 *     outputs.json}) to text; empty for the built-in rules only
 * @param pcnJson the PCNs, each as {@code CareJson}, naming co-ordinators' GP supervisors
 * @param codeListFiles a code-list directory's files (the manifest and its CSV files) by name to
 *     text; empty for the built-in clusters only
 */
record RuleSpec(LocalDate asOf, Map<String, String> ruleFiles, List<String> pcnJson, Map<String, String> codeListFiles)
    implements Serializable {
  private static final long serialVersionUID = 2L;

  RuleSpec {
    Objects.requireNonNull(asOf, "asOf");
    // TreeMap and ArrayList: serialisable, ordered, and equal across JVMs for equal content.
    ruleFiles = new TreeMap<>(ruleFiles);
    pcnJson = List.copyOf(pcnJson);
    codeListFiles = new TreeMap<>(codeListFiles);
  }

  /** With the built-in code clusters. */
  RuleSpec(LocalDate asOf, Map<String, String> ruleFiles, List<String> pcnJson) {
    this(asOf, ruleFiles, pcnJson, Map.of());
  }
}
