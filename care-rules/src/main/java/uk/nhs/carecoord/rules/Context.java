package uk.nhs.carecoord.rules;

import java.time.LocalDate;

/**
 * The evaluation's settings: the reference date, the thresholds and the code-list version. Rules
 * read them from the globals {@code asOf} and {@code thresholds}; rules in the older style that
 * match it as a fact ({@code Context($asOf : asOf, $t : thresholds)}) still get it, inserted only
 * then.
 */
public final class Context {
  private final LocalDate asOf;
  private final Thresholds thresholds;
  private final String codeListVersion;

  /** Made by the engine; public for rule tests. */
  public Context(LocalDate asOf, Thresholds thresholds, String codeListVersion) {
    this.asOf = asOf;
    this.thresholds = thresholds;
    this.codeListVersion = codeListVersion;
  }

  /** The reference date: "today" for the rules. */
  public LocalDate getAsOf() {
    return asOf;
  }

  /** The thresholds. */
  public Thresholds getThresholds() {
    return thresholds;
  }

  /** The version of the code clusters in use ({@code CodeClusters.version()}). */
  public String getCodeListVersion() {
    return codeListVersion;
  }
}
