package uk.nhs.carecoord.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The status of a coded entry in a person's record, as FHIR gives it: {@code
 * Condition.clinicalStatus} (active, inactive, resolved) and {@code Condition.verificationStatus}
 * (refuted, entered in error). Which statuses count towards a decision is for the rules to say.
 */
public enum CodedEntryStatus {
  /** Current (FHIR clinical status active, recurrence or relapse; or no status recorded). */
  @JsonProperty("active")
  ACTIVE,
  /** No longer active but not known to be resolved (FHIR inactive, remission). */
  @JsonProperty("inactive")
  INACTIVE,
  /** Resolved (FHIR resolved). */
  @JsonProperty("resolved")
  RESOLVED,
  /** Recorded and then ruled out (FHIR verification status refuted). */
  @JsonProperty("refuted")
  REFUTED,
  /** Recorded by mistake (FHIR verification status entered-in-error). */
  @JsonProperty("entered-in-error")
  ENTERED_IN_ERROR
}
