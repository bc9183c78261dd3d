package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/** PAM score to level: total over 0–100, non-decreasing, with the published boundaries. */
class PamPropertyTest {
  private static final LocalDate ON = LocalDate.of(2026, 3, 1);

  @Property
  void everyScoreFromZeroToHundredHasALevel(@ForAll("scores") double score) {
    PamLevel level = PamLevel.fromScore(score);
    assertTrue(score <= level.upperBound(), () -> score + " above " + level);
    if (level != PamLevel.LEVEL_1) {
      PamLevel below = PamLevel.values()[level.ordinal() - 1];
      assertTrue(score > below.upperBound(), () -> score + " not above " + below);
    }
    assertEquals(level, PamAssessment.of(score, ON).level());
  }

  @Property
  void aHigherScoreIsNeverALowerLevel(@ForAll("scores") double a, @ForAll("scores") double b) {
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    assertTrue(PamLevel.fromScore(low).number() <= PamLevel.fromScore(high).number(), () -> low + " vs " + high);
  }

  @Property
  void theLevelsPartitionTheRangeInOrder(@ForAll @DoubleRange(min = 0.0, max = 99.9) double score) {
    // Walking up in steps of 0.1 the level rises by at most one at a time.
    int here = PamLevel.fromScore(score).number();
    int next = PamLevel.fromScore(Math.min(100.0, score + 0.1)).number();
    assertTrue(next == here || next == here + 1, () -> score + ": " + here + " then " + next);
  }

  @Example
  void boundaries() {
    assertEquals(PamLevel.LEVEL_1, PamLevel.fromScore(47.0));
    assertEquals(PamLevel.LEVEL_2, PamLevel.fromScore(47.1));
    assertEquals(PamLevel.LEVEL_2, PamLevel.fromScore(55.1));
    assertEquals(PamLevel.LEVEL_3, PamLevel.fromScore(55.2));
    assertEquals(PamLevel.LEVEL_3, PamLevel.fromScore(67.0));
    assertEquals(PamLevel.LEVEL_4, PamLevel.fromScore(67.1));
    assertEquals(PamLevel.LEVEL_1, PamLevel.fromScore(0.0));
    assertEquals(PamLevel.LEVEL_4, PamLevel.fromScore(100.0));
    for (PamLevel level : new PamLevel[] {PamLevel.LEVEL_1, PamLevel.LEVEL_2, PamLevel.LEVEL_3}) {
      assertEquals(level, PamLevel.fromScore(level.upperBound()));
      assertEquals(level.number() + 1, PamLevel.fromScore(Math.nextUp(level.upperBound())).number());
    }
  }

  @Property
  void scoresOutsideTheRangeAreRejected(@ForAll("outOfRange") double score) {
    assertEquals("score", assertThrows(ModelValidationException.class, () -> PamLevel.fromScore(score)).field());
    assertEquals("score", assertThrows(ModelValidationException.class, () -> PamAssessment.of(score, ON)).field());
  }

  @Provide
  Arbitrary<Double> scores() {
    return Arbitraries.oneOf(
        CareArbitraries.pamScores(),
        Arbitraries.doubles().between(0.0, 100.0).ofScale(10),
        Arbitraries.of(Math.nextUp(0.0), Math.nextDown(100.0), Math.nextUp(47.0), Math.nextDown(47.1)));
  }

  @Provide
  Arbitrary<Double> outOfRange() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e9, true, 0.0, false),
        Arbitraries.doubles().between(100.0, false, 1e9, true),
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -Double.MIN_VALUE,
            Math.nextUp(100.0),
            -Double.MAX_VALUE,
            Double.MAX_VALUE));
  }
}
