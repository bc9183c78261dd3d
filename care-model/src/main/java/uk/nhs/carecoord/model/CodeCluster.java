package uk.nhs.carecoord.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A published SNOMED CT code cluster, such as NHS England's Primary Care Domain reference set
 * cluster {@code DM_COD}: its id, where it comes from and which release, what its codes mean to
 * the rules, the condition it counts towards, and its codes with their terms.
 *
 * <pre>{@code
 * CodeCluster dm = CodeCluster.builder()
 *     .id("DM_COD").source("nhsd-primary-care-domain-refsets/dm_cod").release("20260630")
 *     .meaning(ClusterMeaning.LONG_TERM_CONDITION_PHYSICAL).condition("DIABETES")
 *     .code("73211009", "Diabetes mellitus")
 *     .build();
 * }</pre>
 */
public final class CodeCluster {
  private final String id;
  private final String source;
  private final String release;
  private final ClusterMeaning meaning;
  private final String condition;
  private final Map<String, String> codes;
  private final String file;
  /** The line of each code in {@link #file}, in the order of {@link #codes} (0 for a code not read from a file). */
  private final int[] lines;
  /** The keys of {@link #codes}, in their order, for loops that would otherwise go through its views. */
  private final String[] order;

  private CodeCluster(Builder b, Map<String, String> codes) {
    this.id = b.id;
    this.source = b.source;
    this.release = b.release;
    this.meaning = b.meaning;
    this.condition = b.condition == null ? b.id : b.condition;
    this.codes = Collections.unmodifiableMap(codes);
    this.file = b.file;
    this.lines = Arrays.copyOf(b.lines, b.count);
    this.order = Arrays.copyOf(b.order, b.count);
  }

  /** The cluster's id, e.g. {@code DM_COD}. */
  public String id() {
    return id;
  }

  /** Where it is published, e.g. {@code nhsd-primary-care-domain-refsets/dm_cod} on OpenCodelists. */
  public String source() {
    return source;
  }

  /** The release, e.g. {@code 20260630} (a PCD refset release date) or an OpenCodelists version id. */
  public String release() {
    return release;
  }

  /** Source and release together, e.g. {@code nhsd-primary-care-domain-refsets/dm_cod/20260630}. */
  public String sourceRelease() {
    return source + "/" + release;
  }

  /** What its codes mean to the rules. */
  public ClusterMeaning meaning() {
    return meaning;
  }

  /**
   * The condition it counts towards: clusters sharing one (stroke and TIA, the multiple sclerosis
   * lists) count as one condition. The cluster's id when it shares with none.
   */
  public String condition() {
    return condition;
  }

  /** SNOMED CT code to term, in the order published. */
  public Map<String, String> codes() {
    return codes;
  }

  /** Whether the code is in this cluster. */
  public boolean contains(String snomedCode) {
    return codes.containsKey(snomedCode);
  }

  /** The file it was read from (its name within the directory), if it was read from one. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /** The 1-based line of a code in its file; 0 when not read from a file. */
  int lineOf(String snomedCode) {
    return Builder.lineOf(order, lines, order.length, snomedCode);
  }

  /** Its codes in their order (the array itself: not to be changed). */
  String[] codesInOrder() {
    return order;
  }

  @Override
  public String toString() {
    return id + " (" + sourceRelease() + ", " + meaning + ", " + codes.size() + " codes)";
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a cluster's codes from an OpenCodelists CSV file ({@code code,term}, UTF-8) into a
   * builder and builds it, handing the builder's code map to the cluster instead of copying it
   * (the builder is not used again).
   */
  static CodeCluster readCsv(String file, byte[] csv, Builder into) {
    ClusterCsv.Table table = ClusterCsv.parse(file, csv);
    int code = table.requireColumn("code");
    int term = table.column("term");
    into.file = file;
    for (ClusterCsv.Row row : table.rows()) {
      into.add(row.field(code), term < 0 ? "" : row.field(term), row.line()); // fields come stripped
    }
    into.check();
    return new CodeCluster(into, into.codes);
  }

  /** 6 to 18 digits, not starting with 0 (checked for every code loaded: no regular expression). */
  private static boolean isSnomedId(String code) {
    return Checks.sixToEighteenDigits(code) && code.charAt(0) != '0';
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9_.-]*}, without a regular expression (compiling one is slow in a fresh JVM). */
  private static boolean isClusterId(String id) {
    if (id == null || id.isEmpty()) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || (c != '_' && c != '.' && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  /** Builds a {@link CodeCluster}; {@link #build()} checks it. */
  public static final class Builder {
    private String id;
    private String source;
    private String release;
    private ClusterMeaning meaning;
    private String condition;
    private final Map<String, String> codes = new LinkedHashMap<>();
    private String file;
    /** The line of each code in {@link #file}, in insertion order (0: added in code). */
    private int[] lines = new int[16];
    /** The codes, in insertion order. */
    private String[] order = new String[16];
    private int count;

    private Builder() {}

    /** The id, e.g. {@code DM_COD}: letters, digits, {@code _ . -}. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id").strip();
      return this;
    }

    /** Where it is published. */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source").strip();
      return this;
    }

    /** The release. */
    public Builder release(String release) {
      this.release = Objects.requireNonNull(release, "release").strip();
      return this;
    }

    /** What its codes mean. */
    public Builder meaning(ClusterMeaning meaning) {
      this.meaning = Objects.requireNonNull(meaning, "meaning");
      return this;
    }

    /** The condition it counts towards (default: its id). */
    public Builder condition(String condition) {
      String c = Objects.requireNonNull(condition, "condition").strip();
      this.condition = c.isEmpty() ? null : c;
      return this;
    }

    /** Adds a code with its term. */
    public Builder code(String snomedCode, String term) {
      return add(Objects.requireNonNull(snomedCode, "snomedCode").strip(), Objects.requireNonNull(term, "term").strip(), 0);
    }

    /** Adds codes with their terms. */
    public Builder codes(Map<String, String> codeToTerm) {
      codeToTerm.forEach(this::code);
      return this;
    }

    /** Adds a stripped code and term (as {@link ClusterCsv} gives them) read from a line of {@link #file}, or 0. */
    private Builder add(String code, String term, int line) {
      if (!isSnomedId(code)) {
        throw new CodeClusterException(file, line, self(),
            "malformed SNOMED CT code '" + code + "': expected 6 to 18 digits, not starting with 0");
      }
      if (codes.putIfAbsent(code, term) != null) {
        int first = lineOf(order, lines, count, code);
        throw new CodeClusterException(file, line, self(),
            "code " + code + " appears twice" + (first > 0 ? " (first on line " + first + ")" : ""));
      }
      if (count == lines.length) {
        lines = Arrays.copyOf(lines, count * 2);
        order = Arrays.copyOf(order, count * 2);
      }
      order[count] = code;
      lines[count++] = line;
      return this;
    }

    private List<String> self() {
      return id == null ? List.of() : List.of(id);
    }

    /** The line of a code, looked up by its position in {@code order} (only for error messages). */
    static int lineOf(String[] order, int[] lines, int count, String code) {
      for (int i = 0; i < count; i++) {
        if (order[i].equals(code)) {
          return lines[i];
        }
      }
      return 0;
    }

    /**
     * Checks and builds.
     *
     * @throws CodeClusterException if the id is malformed, a field is missing or it has no codes
     */
    public CodeCluster build() {
      check();
      return new CodeCluster(this, new LinkedHashMap<>(codes));
    }

    private void check() {
      List<String> self = self();
      if (!isClusterId(id)) {
        throw new CodeClusterException(file, 0, self, "cluster id '" + id + "' must be letters, digits, '_', '.' or '-'");
      }
      if (source == null || source.isEmpty()) {
        throw new CodeClusterException(file, 0, self, "cluster needs a source");
      }
      if (release == null || release.isEmpty()) {
        throw new CodeClusterException(file, 0, self, "cluster needs a release");
      }
      if (meaning == null) {
        throw new CodeClusterException(file, 0, self, "cluster needs a meaning");
      }
      if (codes.isEmpty()) {
        throw new CodeClusterException(file, 0, self, "cluster has no codes");
      }
    }
  }
}
