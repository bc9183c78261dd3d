package uk.nhs.carecoord.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random source with the draws the generator needs. Each patient, co-ordinator and
 * practice has its own, derived from (seed, stream, index), so one person's draws never depend on
 * how many others were generated. Transcendental functions come from {@link StrictMath} so that a
 * seed gives the same population on every platform and JVM.
 */
final class Rng {
  static final long PATIENT = 1;
  static final long COORDINATOR = 2;
  static final long PRACTICE = 3;
  static final long NHS_NUMBER = 4;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The random source for one item of one stream. */
  static Rng of(long seed, long stream, long index) {
    return new Rng(derive(seed, stream, index));
  }

  /** A well-mixed 64-bit value from (seed, stream, index). */
  static long derive(long seed, long stream, long index) {
    return mix(mix(seed + stream * GOLDEN) + (index + 1) * GOLDEN);
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform in [0, 1). */
  double unit() {
    return random.nextDouble();
  }

  /** Uniform in [lo, hi], inclusive. */
  int between(int lo, int hi) {
    return hi <= lo ? lo : lo + random.nextInt(hi - lo + 1);
  }

  /** Uniform in [0, bound). */
  int below(int bound) {
    return random.nextInt(bound);
  }

  /** A standard normal deviate (Box–Muller, one of the pair). */
  double gaussian() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
  }

  /** A Poisson count with the given mean (Knuth; means here stay small). */
  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + StrictMath.sqrt(mean) * gaussian()));
    }
    double limit = StrictMath.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  /**
   * An over-dispersed count: Poisson with a log-normally distributed mean whose expectation is
   * {@code mean}. A few people account for most of the events, as with A&amp;E attendances.
   */
  int skewedCount(double mean, double spread) {
    double factor = StrictMath.exp(spread * gaussian() - spread * spread / 2);
    return poisson(mean * factor);
  }

  /** One of the items, uniformly. */
  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** One of the items, uniformly. */
  @SafeVarargs
  final <T> T pick(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  int weighted(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** One of the items, drawn with the given weights (same length). */
  <T> T weighted(T[] items, double[] weights) {
    return items[weighted(weights)];
  }

  /**
   * A date between {@code minDaysAgo} and {@code maxDaysAgo} days before {@code asOf}, never
   * before {@code earliest}; {@code asOf} itself if {@code earliest} leaves no room.
   */
  LocalDate daysAgo(LocalDate asOf, int minDaysAgo, int maxDaysAgo, LocalDate earliest) {
    long room = asOf.toEpochDay() - earliest.toEpochDay();
    int max = (int) Math.max(0, Math.min(maxDaysAgo, room));
    int min = Math.min(minDaysAgo, max);
    return asOf.minusDays(between(min, max));
  }

  /** A date from {@code from} to {@code to} inclusive ({@code from} if {@code to} is earlier). */
  LocalDate dateBetween(LocalDate from, LocalDate to) {
    long span = to.toEpochDay() - from.toEpochDay();
    if (span <= 0) {
      return from;
    }
    return from.plusDays(span >= Integer.MAX_VALUE ? 0 : between(0, (int) span));
  }
}
