package uk.nhs.carecoord.reporting;

import java.util.Objects;
import java.util.function.Function;

/**
 * The one place where a rules' code (a cohort, an obligation) becomes the words a person reads in
 * the HTML page and CSV files. JSON keeps codes only. Until the rules' output catalogue gives
 * labels, a code is its own label.
 */
final class Labels {
  /** Codes shown as they are. */
  static final Labels CODES = new Labels(Function.identity());

  private final Function<String, String> label;

  private Labels(Function<String, String> label) {
    this.label = label;
  }

  static Labels of(Function<String, String> label) {
    return new Labels(Objects.requireNonNull(label, "label"));
  }

  /** The label of {@code code}; the code itself when there is none. */
  String of(String code) {
    String l = label.apply(code);
    return l == null || l.isBlank() ? code : l;
  }
}
