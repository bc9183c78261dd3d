package uk.nhs.carecoord.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A person's PAM assessments in date order, with the movement from first to latest. */
public final class PamHistory {
  private final List<PamAssessment> assessments;

  private PamHistory(List<PamAssessment> assessments) {
    this.assessments = assessments;
  }

  /** The history of the given assessments, in any order. */
  public static PamHistory of(List<PamAssessment> assessments) {
    return new PamHistory(
        assessments.stream().sorted(Comparator.comparing(PamAssessment::assessedOn)).toList());
  }

  /** The assessments, oldest first. */
  public List<PamAssessment> assessments() {
    return assessments;
  }

  /** The first assessment. */
  public Optional<PamAssessment> first() {
    return assessments.isEmpty() ? Optional.empty() : Optional.of(assessments.get(0));
  }

  /** The latest assessment. */
  public Optional<PamAssessment> latest() {
    return assessments.isEmpty()
        ? Optional.empty()
        : Optional.of(assessments.get(assessments.size() - 1));
  }

  /** Latest score minus first score, with at least two assessments. */
  public OptionalDouble pointsChange() {
    if (assessments.size() < 2) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(latest().get().score() - first().get().score());
  }

  /** Latest level minus first level (−3 to +3), with at least two assessments. */
  public OptionalInt levelChange() {
    if (assessments.size() < 2) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(latest().get().level().number() - first().get().level().number());
  }
}
