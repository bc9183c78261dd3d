package uk.nhs.carecoord.reporting;

import java.util.HashMap;
import java.util.Map;
import uk.nhs.carecoord.rules.Finding;

/**
 * The one place where a rules' code (a cohort, an obligation) becomes the words a person reads in
 * the HTML page and CSV files: the label the rules' output catalogue gave the code's findings
 * ({@link Finding#label()}), or the code itself when no finding carried one. JSON keeps codes
 * only. Bounded by the number of distinct codes, so it streams.
 */
final class Labels {
  private final Map<String, String> byCode;

  private Labels(Map<String, String> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /** The label of {@code code}; the code itself when there is none. */
  String of(String code) {
    return byCode.getOrDefault(code, code);
  }

  /** Gathers labels from findings as they pass. */
  static final class Collector {
    private final Map<String, String> byCode = new HashMap<>();

    void add(Iterable<Finding> findings) {
      for (Finding f : findings) {
        if (!byCode.containsKey(f.code()) && !f.label().isBlank() && !f.label().equals(f.code())) {
          byCode.put(f.code(), f.label());
        }
      }
    }

    Labels labels() {
      return new Labels(byCode);
    }
  }
}
