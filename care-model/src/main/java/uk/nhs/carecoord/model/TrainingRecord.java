package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A co-ordinator's record of one training item: enrolled, in progress or completed, with the
 * completion and (for renewed items) expiry dates. Several records of one item are allowed (a
 * refresher adds a record; the old one stays as history).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTrainingRecord.class)
@JsonDeserialize(as = ImmutableTrainingRecord.class)
public abstract class TrainingRecord {

  /** The training item. */
  public abstract TrainingModule module();

  /** How far the co-ordinator has got. */
  public abstract TrainingProgress progress();

  /** When they enrolled or started. */
  public abstract Optional<LocalDate> startedOn();

  /** When they completed it; present exactly when progress is {@code COMPLETED}. */
  public abstract Optional<LocalDate> completedOn();

  /** When a completed item lapses, where the certificate states it. */
  public abstract Optional<LocalDate> expiresOn();

  /** The training provider (e.g. the PCI-accredited course provider). */
  public abstract Optional<String> provider();

  /** A builder. */
  public static ImmutableTrainingRecord.Builder builder() {
    return ImmutableTrainingRecord.builder();
  }

  /** A completed record. */
  public static TrainingRecord completed(TrainingModule module, LocalDate completedOn) {
    return builder().module(module).progress(TrainingProgress.COMPLETED).completedOn(completedOn).build();
  }

  @Value.Check
  void check() {
    boolean completed = progress() == TrainingProgress.COMPLETED;
    Checks.require(
        completed == completedOn().isPresent(),
        "completedOn",
        completed ? "is required when progress is COMPLETED" : "must be absent until progress is COMPLETED");
    Checks.require(
        expiresOn().isEmpty() || completed, "expiresOn", "only a completed item can expire");
    startedOn().ifPresent(s -> Checks.notBefore(completedOn(), "completedOn", s, "startedOn"));
    completedOn()
        .ifPresent(
            c ->
                expiresOn()
                    .ifPresent(
                        e -> Checks.require(e.isAfter(c), "expiresOn", "must be after completedOn")));
    Checks.notBlank(provider(), "provider");
  }

  /** Checks record {@code index} of a co-ordinator; paths are built only for a field that fails. */
  void checkAsOf(LocalDate asOf, Plausibility plausibility, LocalDate earliest, int index) {
    if (startedOn().isPresent()) {
      LocalDate started = startedOn().get();
      Checks.notAfter(started, asOf, "trainingRecords", index, "startedOn");
      if (started.isBefore(earliest)) {
        throw new ModelValidationException(path(index) + ".startedOn", beforeWorkingLife(plausibility));
      }
      if (completedOn().isPresent() && completedOn().get().isAfter(started.plusYears(plausibility.maxSpanYears()))) {
        plausibility.checkSpan(started, completedOn().get(), path(index) + ".completedOn", "startedOn");
      }
    }
    if (completedOn().isPresent()) {
      LocalDate completed = completedOn().get();
      Checks.notAfter(completed, asOf, "trainingRecords", index, "completedOn");
      if (completed.isBefore(earliest)) {
        throw new ModelValidationException(path(index) + ".completedOn", beforeWorkingLife(plausibility));
      }
      if (expiresOn().isPresent() && expiresOn().get().isAfter(completed.plusYears(plausibility.maxSpanYears()))) {
        plausibility.checkSpan(completed, expiresOn().get(), path(index) + ".expiresOn", "completedOn");
      }
    }
  }

  static String beforeWorkingLife(Plausibility plausibility) {
    return "is more than " + plausibility.maxWorkingLifeYears()
        + " years before the reference date, before a plausible working life";
  }

  private static String path(int index) {
    return "trainingRecords[" + index + "]";
  }
}
