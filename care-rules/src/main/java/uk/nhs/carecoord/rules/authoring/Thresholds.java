package uk.nhs.carecoord.rules.authoring;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * Every number the rules use, in one place, with defaults from published guidance (see the module
 * README). Rules read them from the global {@code thresholds} ({@code thresholds.frailCfs}); change them here,
 * not in the DRL. Getter-style accessors so DRL can use property syntax.
 */
@Value.Immutable
@Value.Style(get = {"get*", "is*"}, jdkOnly = true)
@JsonSerialize(as = ImmutableThresholds.class)
@JsonDeserialize(as = ImmutableThresholds.class)
public abstract class Thresholds {

  /** The defaults. */
  public static Thresholds defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutableThresholds.Builder builder() {
    return ImmutableThresholds.builder();
  }

  // --- Cohorts ---

  /** Age from which a frail person is in the frail/elderly cohort. */
  @Value.Default
  public int getFrailtyAge() {
    return 65;
  }

  /** Age from which a person is in the frail/elderly cohort whatever their frailty. */
  @Value.Default
  public int getElderlyAge() {
    return 85;
  }

  /** Clinical Frailty Scale score from which a person counts as frail (5 = mildly frail). */
  @Value.Default
  public int getFrailCfs() {
    return 5;
  }

  /** Long-term conditions from which a person has multiple long-term conditions (NICE NG56). */
  @Value.Default
  public int getMultimorbidityConditions() {
    return 2;
  }

  /** A coded cancer diagnosed within this many months counts as active. */
  @Value.Default
  public int getCancerLookbackMonths() {
    return 60;
  }

  /** A&amp;E attendances in 12 months from which a person is high-risk. */
  @Value.Default
  public int getHighRiskAeAttendances() {
    return 3;
  }

  /** Emergency admissions in 12 months from which a person is high-risk. */
  @Value.Default
  public int getHighRiskEmergencyAdmissions() {
    return 2;
  }

  /** Repeat medicines from which a person has polypharmacy. */
  @Value.Default
  public int getPolypharmacyMedicines() {
    return 10;
  }

  // --- Next steps ---

  /** Months after which a PAM should be measured again (no national interval; default 6). */
  @Value.Default
  public int getPamRemeasureMonths() {
    return 6;
  }

  /** GP appointments in 12 months from which appointment use is reviewed. */
  @Value.Default
  public int getFrequentGpAppointments() {
    return 12;
  }

  /** Days without a change in achievement status after which an active goal counts as stalled. */
  @Value.Default
  public int getGoalStalledDays() {
    return 90;
  }

  /** Days before a decision's deadline from which shared decision-making support is urged. */
  @Value.Default
  public int getDecisionSupportLeadDays() {
    return 28;
  }

  /** Coded conditions from which a high-risk person is suggested for MDT discussion. */
  @Value.Default
  public int getMdtConditions() {
    return 4;
  }

  /** Days within which an MDT discussion counts as recent. */
  @Value.Default
  public int getMdtRecentDays() {
    return 180;
  }

  /** Days a declined recommendation is held back while its facts do not change. */
  @Value.Default
  public int getDeclinedSnoozeDays() {
    return 90;
  }

  // --- Safeguarding ---

  /** Days after raising within which a safeguarding concern must be discussed with a GP. */
  @Value.Default
  public int getSafeguardingDiscussionDays() {
    return 2;
  }

  // --- Training ---

  /**
   * Months after starting in post to complete the PCI two-day course; until then, being enrolled
   * or under way is due soon (ARRS: "enrolled in, undertaking or qualified from"), after it overdue.
   */
  @Value.Default
  public int getPciCourseWindowMonths() {
    return 12;
  }

  /** Months after starting in post to complete the PCI eLearning modules. */
  @Value.Default
  public int getPciElearningWindowMonths() {
    return 6;
  }

  /** Months after starting in post to meet the minimum training standards. */
  @Value.Default
  public int getMinimumStandardsWindowMonths() {
    return 6;
  }

  /** Months after which safeguarding training (every level) must be refreshed; 0: never. */
  @Value.Default
  public int getSafeguardingRenewalMonths() {
    return 36;
  }

  /** Months after which Mental Capacity Act and DoLS training must be refreshed; 0: never. */
  @Value.Default
  public int getMcaDolsRenewalMonths() {
    return 36;
  }

  /** Days before a deadline or expiry from which an item is due soon. */
  @Value.Default
  public int getTrainingDueSoonDays() {
    return 60;
  }

  @Value.Check
  void check() {
    String[] names = {
      "frailtyAge", "elderlyAge", "frailCfs", "multimorbidityConditions", "cancerLookbackMonths",
      "highRiskAeAttendances", "highRiskEmergencyAdmissions", "polypharmacyMedicines",
      "pamRemeasureMonths", "frequentGpAppointments", "goalStalledDays", "decisionSupportLeadDays",
      "mdtConditions", "mdtRecentDays", "declinedSnoozeDays", "safeguardingDiscussionDays",
      "pciCourseWindowMonths", "pciElearningWindowMonths", "minimumStandardsWindowMonths",
      "safeguardingRenewalMonths", "mcaDolsRenewalMonths", "trainingDueSoonDays"
    };
    int[] values = {
      getFrailtyAge(), getElderlyAge(), getFrailCfs(), getMultimorbidityConditions(),
      getCancerLookbackMonths(), getHighRiskAeAttendances(), getHighRiskEmergencyAdmissions(),
      getPolypharmacyMedicines(), getPamRemeasureMonths(), getFrequentGpAppointments(),
      getGoalStalledDays(), getDecisionSupportLeadDays(), getMdtConditions(), getMdtRecentDays(),
      getDeclinedSnoozeDays(), getSafeguardingDiscussionDays(), getPciCourseWindowMonths(),
      getPciElearningWindowMonths(), getMinimumStandardsWindowMonths(),
      getSafeguardingRenewalMonths(), getMcaDolsRenewalMonths(), getTrainingDueSoonDays()
    };
    for (int i = 0; i < names.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(names[i] + ": must not be negative, was " + values[i]);
      }
    }
    if (getFrailCfs() < 1 || getFrailCfs() > 9) {
      throw new IllegalArgumentException("frailCfs: must be 1 to 9, was " + getFrailCfs());
    }
  }
}
