package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** A person registered with a practice in the PCN, with what matters for care co-ordination. */
@Value.Immutable
@JsonSerialize(as = ImmutablePatient.class)
@JsonDeserialize(as = ImmutablePatient.class)
public abstract class Patient {

  /** The host system's identifier for the person; unique within a population. */
  public abstract String id();

  /** The person's NHS number. */
  public abstract NhsNumber nhsNumber();

  /** Date of birth. */
  public abstract LocalDate dateOfBirth();

  /** Administrative sex. */
  public abstract Sex sex();

  /** ODS code of the practice the person is registered with. */
  public abstract String practiceCode();

  /**
   * Long-term conditions, SNOMED CT coded; each code at most once. The earlier form of {@link
   * #codedEntries()}, kept for hosts that send it: each counts as an active coded entry.
   */
  public abstract List<LongTermCondition> conditions();

  /**
   * SNOMED CT coded entries from the GP record (diagnoses, status and frailty codes, events), in
   * any order; a code may appear more than once with different dates.
   */
  public abstract List<CodedEntry> codedEntries();

  /** The latest frailty assessment, if any. */
  public abstract Optional<Frailty> frailty();

  /** Register flags: learning disability, autism, dementia, active cancer, care home, housebound. */
  public abstract Set<ClinicalFlag> flags();

  /** Number of repeat medicines (polypharmacy). */
  @Value.Default
  public int repeatMedicines() {
    return 0;
  }

  /** Use of services in the last 12 months. */
  @Value.Default
  public ServiceUse serviceUse() {
    return ServiceUse.none();
  }

  /** Carers and family members, with needs of their own. */
  public abstract List<Carer> carers();

  /** Communication needs. */
  public abstract Set<CommunicationNeed> communicationNeeds();

  /** Preferred spoken language, if not English. */
  public abstract Optional<String> preferredLanguage();

  /** Consent to personalised care and support planning. */
  @Value.Default
  public ConsentStatus consent() {
    return ConsentStatus.NOT_ASKED;
  }

  /** When consent was given or declined. */
  public abstract Optional<LocalDate> consentRecordedOn();

  /** Age in whole years on a date. */
  public int ageOn(LocalDate date) {
    return Period.between(dateOfBirth(), date).getYears();
  }

  /** True if the person has the flag. */
  public boolean has(ClinicalFlag flag) {
    return flags().contains(flag);
  }

  /** A builder. */
  public static ImmutablePatient.Builder builder() {
    return ImmutablePatient.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(practiceCode(), "practiceCode");
    Checks.nonNegative(repeatMedicines(), "repeatMedicines");
    Checks.uniqueIds(conditions(), LongTermCondition::snomedCode, "conditions");
    Checks.uniqueIds(carers(), Carer::id, "carers");
    Checks.notBlank(preferredLanguage(), "preferredLanguage");
    Checks.require(
        consent() == ConsentStatus.NOT_ASKED || consentRecordedOn().isPresent(),
        "consentRecordedOn",
        "is required when consent is " + consent());
    Checks.notBefore(consentRecordedOn(), "consentRecordedOn", dateOfBirth(), "dateOfBirth");
    frailty()
        .flatMap(Frailty::assessedOn)
        .ifPresent(d -> Checks.notBefore(Optional.of(d), "frailty.assessedOn", dateOfBirth(), "dateOfBirth"));
    for (int i = 0; i < codedEntries().size(); i++) {
      Checks.notBefore(
          Optional.of(codedEntries().get(i).recordedOn()), "codedEntries[" + i + "].recordedOn", dateOfBirth(), "dateOfBirth");
    }
    for (int i = 0; i < conditions().size(); i++) {
      Optional<LocalDate> diagnosed = conditions().get(i).diagnosedOn();
      if (diagnosed.isPresent()) {
        Checks.notBeforeBirth(diagnosed.get(), dateOfBirth(), "conditions", i, "diagnosedOn");
      }
    }
  }

  /**
   * Checks that nothing recorded about the person is later than {@code asOf}; fields are named
   * from the enclosing {@link PatientCase} ({@code patient.dateOfBirth}, like {@code plan.…}).
   */
  void checkAsOf(LocalDate asOf, Plausibility plausibility) {
    Checks.notAfter(dateOfBirth(), asOf, "patient.dateOfBirth");
    // The age is at most the difference of the years: compute it only when that could exceed.
    int age = asOf.getYear() - dateOfBirth().getYear() <= plausibility.maxAgeYears() ? 0 : ageOn(asOf);
    if (age > plausibility.maxAgeYears()) {
      throw new ModelValidationException(
          "patient.dateOfBirth",
          "gives an age of " + age + " on the reference date, over the plausible maximum of " + plausibility.maxAgeYears());
    }
    Checks.notAfter(consentRecordedOn(), asOf, "patient.consentRecordedOn");
    Checks.notAfter(frailty().flatMap(Frailty::assessedOn), asOf, "patient.frailty.assessedOn");
    for (int i = 0; i < conditions().size(); i++) {
      Checks.notAfter(conditions().get(i).diagnosedOn(), asOf, "patient.conditions", i, "diagnosedOn");
    }
    for (int i = 0; i < codedEntries().size(); i++) {
      Checks.notAfter(codedEntries().get(i).recordedOn(), asOf, "patient.codedEntries", i, "recordedOn");
    }
  }
}
