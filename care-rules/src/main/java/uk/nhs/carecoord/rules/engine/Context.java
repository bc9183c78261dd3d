package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * The evaluation's settings: the reference date, the thresholds and the code-list version. The
 * engine sets rules' globals {@code asOf} and {@code thresholds} from it.
 */
final class Context {
  private final LocalDate asOf;
  private final Thresholds thresholds;
  private final String codeListVersion;

  Context(LocalDate asOf, Thresholds thresholds, String codeListVersion) {
    this.asOf = asOf;
    this.thresholds = thresholds;
    this.codeListVersion = codeListVersion;
  }

  /** The reference date: "today" for the rules. */
  LocalDate getAsOf() {
    return asOf;
  }

  /** The thresholds. */
  Thresholds getThresholds() {
    return thresholds;
  }

  /** The version of the code clusters in use ({@code CodeClusters.version()}). */
  public String getCodeListVersion() {
    return codeListVersion;
  }
}
