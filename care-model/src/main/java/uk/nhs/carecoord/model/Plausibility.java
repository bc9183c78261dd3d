package uk.nhs.carecoord.model;

import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * Bounds on what can plausibly be true of a record on the reference date, checked by {@link
 * PatientCase#checkAsOf(LocalDate, Plausibility)} and {@link CareCoordinator#checkAsOf(LocalDate,
 * Plausibility)} on every evaluation (the reference date is known only then). A value outside them
 * is far more likely a typing or mapping error (a year 0001, a century slip) than a fact, and would
 * otherwise put the person in a different cohort. Relations that never hold whatever the date (an
 * event before the date of birth) are checked when a value is built.
 */
@Value.Immutable
public abstract class Plausibility {
  /** Default {@link #maxAgeYears()}. */
  public static final int DEFAULT_MAX_AGE_YEARS = 125;

  /** Default {@link #maxWorkingLifeYears()}. */
  public static final int DEFAULT_MAX_WORKING_LIFE_YEARS = 50;

  /** Default {@link #maxSpanYears()}. */
  public static final int DEFAULT_MAX_SPAN_YEARS = 10;

  private static final Plausibility DEFAULTS = builder().build();

  /** The defaults: age at most 125, working life 50 years, spans and plans 10 years. */
  public static Plausibility defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static ImmutablePlausibility.Builder builder() {
    return ImmutablePlausibility.builder();
  }

  /** Oldest plausible age, in whole years, on the reference date. */
  @Value.Default
  public int maxAgeYears() {
    return DEFAULT_MAX_AGE_YEARS;
  }

  /**
   * How far back a co-ordinator's working life can reach: no start in the role and no training
   * record dated more than this many years before the reference date.
   */
  @Value.Default
  public int maxWorkingLifeYears() {
    return DEFAULT_MAX_WORKING_LIFE_YEARS;
  }

  /**
   * Longest plausible duration, in years: between the two dates of one record (a goal's start and
   * target, a plan's agreement and next review, a course's start and completion, a certificate's
   * completion and expiry) and from the reference date to anything planned (a review, target, due
   * date or decision deadline).
   */
  @Value.Default
  public int maxSpanYears() {
    return DEFAULT_MAX_SPAN_YEARS;
  }

  @Value.Check
  void check() {
    Checks.require(maxAgeYears() > 0, "maxAgeYears", "must be positive, was " + maxAgeYears());
    Checks.require(maxWorkingLifeYears() > 0, "maxWorkingLifeYears", "must be positive, was " + maxWorkingLifeYears());
    Checks.require(maxSpanYears() > 0, "maxSpanYears", "must be positive, was " + maxSpanYears());
  }

  /** The latest plausible planned date on {@code asOf}. */
  LocalDate latestPlanned(LocalDate asOf) {
    return asOf.plusYears(maxSpanYears());
  }

  /** {@code to} must be at most {@link #maxSpanYears()} after {@code from}. */
  void checkSpan(LocalDate from, LocalDate to, String field, String fromField) {
    if (to.isAfter(from.plusYears(maxSpanYears()))) {
      throw new ModelValidationException(
          field, "is more than " + maxSpanYears() + " years after " + fromField + ", which is not plausible");
    }
  }

  /** A planned date must be at most {@link #maxSpanYears()} after the reference date. */
  void checkPlanned(LocalDate date, LocalDate latest, String field) {
    if (date.isAfter(latest)) {
      throw new ModelValidationException(
          field, "is more than " + maxSpanYears() + " years after the reference date, which is not plausible");
    }
  }
}
