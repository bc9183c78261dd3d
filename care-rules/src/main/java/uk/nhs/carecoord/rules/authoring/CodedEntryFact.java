package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.ClusterMeaning;
import uk.nhs.carecoord.model.CodedEntryStatus;

/**
 * One coded entry of the person's record that is in a code cluster: "this entry matched cluster
 * DM_COD, condition DIABETES, a long-term physical condition, recorded on 2019-03-02, active". An
 * entry in several clusters gives one fact per cluster. Which statuses count, which meanings are
 * long-term conditions and which of two paired entries wins are for the rules to decide.
 */
public final class CodedEntryFact {
  private final String snomedCode;
  private final String clusterId;
  private final String condition;
  private final ClusterMeaning meaning;
  private final LocalDate recordedOn;
  private final CodedEntryStatus status;

  /** Made by the engine; public for rule tests. */
  public CodedEntryFact(String snomedCode, String clusterId, String condition, ClusterMeaning meaning, LocalDate recordedOn, CodedEntryStatus status) {
    this.snomedCode = snomedCode;
    this.clusterId = clusterId;
    this.condition = condition;
    this.meaning = meaning;
    this.recordedOn = recordedOn;
    this.status = status;
  }

  /** The SNOMED CT code recorded. */
  public String getSnomedCode() {
    return snomedCode;
  }

  /** The cluster it matched, e.g. {@code DM_COD}. */
  public String getClusterId() {
    return clusterId;
  }

  /** The condition the cluster counts towards (clusters sharing one count once), e.g. {@code DIABETES}. */
  public String getCondition() {
    return condition;
  }

  /** What the cluster means. */
  public ClusterMeaning getMeaning() {
    return meaning;
  }

  /** The date the entry applies from. */
  public LocalDate getRecordedOn() {
    return recordedOn;
  }

  /** The entry's status: active, inactive, resolved, refuted or entered in error. */
  public CodedEntryStatus getStatus() {
    return status;
  }

  @Override
  public String toString() {
    return "CodedEntryFact[" + snomedCode + " in " + clusterId + " (" + condition + ", " + meaning + ") on " + recordedOn + ", " + status + "]";
  }
}
