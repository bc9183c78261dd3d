package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/** A care co-ordinator employed or engaged by a PCN under ARRS, with their training records. */
@Value.Immutable
@JsonSerialize(as = ImmutableCareCoordinator.class)
@JsonDeserialize(as = ImmutableCareCoordinator.class)
public abstract class CareCoordinator {

  /** Identifier, unique within the PCN. */
  public abstract String id();

  /** Name, as shown to colleagues in reports. */
  public abstract String name();

  /** Employed or engaged. */
  @Value.Default
  public ArrsEngagement engagement() {
    return ArrsEngagement.EMPLOYED;
  }

  /** When they started in the role (training windows run from here). */
  public abstract LocalDate startedOn();

  /** Training records, in any order. */
  public abstract List<TrainingRecord> trainingRecords();

  /** A builder. */
  public static ImmutableCareCoordinator.Builder builder() {
    return ImmutableCareCoordinator.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(name(), "name");
  }

  /**
   * Checks the co-ordinator against the reference date with the default {@link Plausibility}
   * bounds.
   *
   * @throws ModelValidationException naming the first field that fails
   * @see #checkAsOf(LocalDate, Plausibility)
   */
  public CareCoordinator checkAsOf(LocalDate asOf) {
    return checkAsOf(asOf, Plausibility.defaults());
  }

  /**
   * Checks that no training is recorded as started or completed after the reference date, and that
   * the start in the role and every training date fall within a plausible working life ({@link
   * Plausibility#maxWorkingLifeYears()} before the reference date), with plausible durations.
   *
   * @throws ModelValidationException naming the first field that fails
   */
  public CareCoordinator checkAsOf(LocalDate asOf, Plausibility plausibility) {
    LocalDate earliest = asOf.minusYears(plausibility.maxWorkingLifeYears());
    if (startedOn().isBefore(earliest)) {
      throw new ModelValidationException("startedOn", TrainingRecord.beforeWorkingLife(plausibility));
    }
    for (int i = 0; i < trainingRecords().size(); i++) {
      trainingRecords().get(i).checkAsOf(asOf, plausibility, earliest, i);
    }
    return this;
  }
}
