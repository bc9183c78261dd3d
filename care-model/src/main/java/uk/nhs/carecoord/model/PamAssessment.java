package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import org.immutables.value.Value;

/** One Patient Activation Measure assessment: a 0.0–100.0 score on a date. */
@Value.Immutable
@JsonSerialize(as = ImmutablePamAssessment.class)
@JsonDeserialize(as = ImmutablePamAssessment.class)
public abstract class PamAssessment {

  /** The PAM score, 0.0 to 100.0. */
  public abstract double score();

  /** When the person completed the assessment. */
  public abstract LocalDate assessedOn();

  /** The level the score falls in. */
  @JsonIgnore
  @Value.Derived
  public PamLevel level() {
    return PamLevel.fromScore(score());
  }

  /** A builder for an assessment. */
  public static ImmutablePamAssessment.Builder builder() {
    return ImmutablePamAssessment.builder();
  }

  /** An assessment with the given score and date. */
  public static PamAssessment of(double score, LocalDate assessedOn) {
    return builder().score(score).assessedOn(assessedOn).build();
  }

  @Value.Check
  void check() {
    checkScore(score());
  }

  static void checkScore(double score) {
    Checks.require(
        !Double.isNaN(score) && score >= 0.0 && score <= 100.0,
        "score",
        "must be between 0.0 and 100.0, was " + score);
  }
}
