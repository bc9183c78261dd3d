package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A person's recent use of services: counts over the last 12 months. */
@Value.Immutable
@JsonSerialize(as = ImmutableServiceUse.class)
@JsonDeserialize(as = ImmutableServiceUse.class)
public abstract class ServiceUse {

  /** A&amp;E attendances in the last 12 months. */
  @Value.Default
  public int aeAttendances() {
    return 0;
  }

  /** Emergency hospital admissions in the last 12 months. */
  @Value.Default
  public int emergencyAdmissions() {
    return 0;
  }

  /** GP appointments in the last 12 months. */
  @Value.Default
  public int gpAppointments() {
    return 0;
  }

  /** A builder. */
  public static ImmutableServiceUse.Builder builder() {
    return ImmutableServiceUse.builder();
  }

  /** No recorded use. */
  public static ServiceUse none() {
    return builder().build();
  }

  @Value.Check
  void check() {
    Checks.nonNegative(aeAttendances(), "aeAttendances");
    Checks.nonNegative(emergencyAdmissions(), "emergencyAdmissions");
    Checks.nonNegative(gpAppointments(), "gpAppointments");
  }
}
