package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PamTest {
  private static final LocalDate ON = LocalDate.of(2026, 3, 1);

  @ParameterizedTest(name = "{0} is level {1}")
  @CsvSource({
    "0.0, 1", "12.5, 1", "47.0, 1",
    "47.1, 2", "50.0, 2", "55.1, 2",
    "55.2, 3", "60.0, 3", "67.0, 3",
    "67.1, 4", "80.0, 4", "100.0, 4"
  })
  void scoresFallInTheirLevel(double score, int level) {
    assertEquals(level, PamLevel.fromScore(score).number());
    assertEquals(level, PamAssessment.of(score, ON).level().number());
  }

  @Test
  void levelsAreNumberedOneToFourWithInclusiveUpperBounds() {
    assertEquals(List.of(PamLevel.LEVEL_1, PamLevel.LEVEL_2, PamLevel.LEVEL_3, PamLevel.LEVEL_4), List.of(PamLevel.values()));
    assertEquals(47.0, PamLevel.LEVEL_1.upperBound());
    assertEquals(55.1, PamLevel.LEVEL_2.upperBound());
    assertEquals(67.0, PamLevel.LEVEL_3.upperBound());
    assertEquals(100.0, PamLevel.LEVEL_4.upperBound());
    for (PamLevel level : PamLevel.values()) {
      assertEquals(level, PamLevel.fromScore(level.upperBound()));
    }
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {-0.1, -1.0, 100.1, 1000.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void anAssessmentOutsideZeroToHundredIsRejected(double score) {
    assertInvalid("score", () -> PamAssessment.of(score, ON));
    assertInvalid("score", () -> PamAssessment.builder().score(score).assessedOn(ON).build());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 100.1, Double.NaN, Double.POSITIVE_INFINITY})
  void aLevelOfAScoreOutsideZeroToHundredIsRejected(double score) {
    assertInvalid("score", () -> PamLevel.fromScore(score));
  }

  @Test
  void anAssessmentNeedsADateAndAScore() {
    assertInvalid("assessedOn", () -> PamAssessment.builder().score(50.0).build());
    assertInvalid("score", () -> PamAssessment.builder().assessedOn(ON).build());
    assertInvalid("assessedOn", () -> PamAssessment.of(50.0, null));
  }

  @Test
  void historyOrdersByDateAndMeasuresTheChange() {
    PamAssessment first = PamAssessment.of(44.0, LocalDate.of(2025, 1, 10));
    PamAssessment middle = PamAssessment.of(52.0, LocalDate.of(2025, 7, 10));
    PamAssessment latest = PamAssessment.of(68.5, LocalDate.of(2026, 1, 10));
    PamHistory h = PamHistory.of(List.of(latest, first, middle));
    assertEquals(List.of(first, middle, latest), h.assessments());
    assertEquals(first, h.first().orElseThrow());
    assertEquals(latest, h.latest().orElseThrow());
    assertEquals(24.5, h.pointsChange().orElseThrow(), 1e-9);
    assertEquals(3, h.levelChange().orElseThrow());
  }

  @Test
  void historyNeedsTwoAssessmentsForAChange() {
    PamHistory none = PamHistory.of(List.of());
    assertTrue(none.first().isEmpty());
    assertTrue(none.latest().isEmpty());
    assertTrue(none.pointsChange().isEmpty());
    PamHistory one = PamHistory.of(List.of(PamAssessment.of(50.0, ON)));
    assertEquals(one.first(), one.latest());
    assertTrue(one.pointsChange().isEmpty());
    assertTrue(one.levelChange().isEmpty());
  }

  @Test
  void aDropIsANegativeChange() {
    PamHistory h =
        PamHistory.of(List.of(PamAssessment.of(70.0, LocalDate.of(2025, 1, 1)), PamAssessment.of(40.0, ON)));
    assertEquals(-30.0, h.pointsChange().orElseThrow(), 1e-9);
    assertEquals(-3, h.levelChange().orElseThrow());
  }

  @Test
  void aCaseGivesItsHistoryInDateOrder() {
    PatientCase c =
        Fixtures.minimalCase()
            .withPamAssessments(PamAssessment.of(60.0, LocalDate.of(2026, 1, 1)), PamAssessment.of(40.0, LocalDate.of(2025, 1, 1)));
    assertEquals(40.0, c.pamHistory().first().orElseThrow().score());
    assertEquals(20.0, c.pamHistory().pointsChange().orElseThrow(), 1e-9);
  }
}
