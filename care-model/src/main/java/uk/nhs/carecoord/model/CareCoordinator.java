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
   * Checks that no training is recorded as started or completed after the reference date.
   *
   * @throws ModelValidationException naming the first such field
   */
  public CareCoordinator checkAsOf(LocalDate asOf) {
    for (int i = 0; i < trainingRecords().size(); i++) {
      trainingRecords().get(i).checkAsOf(asOf, "trainingRecords[" + i + "]");
    }
    return this;
  }
}
