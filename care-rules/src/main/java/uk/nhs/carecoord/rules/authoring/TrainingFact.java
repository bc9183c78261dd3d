package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.model.TrainingProgress;

/** The record of one training item that counts for a co-ordinator: the latest completed record, else the latest started. Inserted for every item, with recorded false where there is no record. */
public final class TrainingFact {
  private final String coordinatorId;
  private final TrainingModule module;
  private final boolean recorded;
  private final TrainingProgress progress;
  private final LocalDate startedOn;
  private final LocalDate completedOn;
  private final LocalDate expiresOn;
  private final String provider;

  /** Made by the engine; public for rule tests. */
  public TrainingFact(String coordinatorId, TrainingModule module, boolean recorded, TrainingProgress progress, LocalDate startedOn, LocalDate completedOn, LocalDate expiresOn, String provider) {
    this.coordinatorId = coordinatorId;
    this.module = module;
    this.recorded = recorded;
    this.progress = progress;
    this.startedOn = startedOn;
    this.completedOn = completedOn;
    this.expiresOn = expiresOn;
    this.provider = provider;
  }

  /** The co-ordinator. */
  public String getCoordinatorId() {
    return coordinatorId;
  }

  /** The item. */
  public TrainingModule getModule() {
    return module;
  }

  /** False when there is no record at all. */
  public boolean isRecorded() {
    return recorded;
  }

  /** Progress, or null when not recorded. */
  public TrainingProgress getProgress() {
    return progress;
  }

  /** Enrolment or start, or null. */
  public LocalDate getStartedOn() {
    return startedOn;
  }

  /** Completion, or null. */
  public LocalDate getCompletedOn() {
    return completedOn;
  }

  /** Expiry stated on the record, or null. */
  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  /** Provider, or null. */
  public String getProvider() {
    return provider;
  }

  @Override
  public String toString() {
    return "TrainingFact[" + "coordinatorId=" + coordinatorId + ", " + "module=" + module + ", " + "recorded=" + recorded + ", " + "progress=" + progress + ", " + "startedOn=" + startedOn + ", " + "completedOn=" + completedOn + ", " + "expiresOn=" + expiresOn + ", " + "provider=" + provider + "]";
  }
}
