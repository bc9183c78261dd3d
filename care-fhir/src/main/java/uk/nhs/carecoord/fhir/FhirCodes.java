package uk.nhs.carecoord.fhir;

import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.ServiceType;

/**
 * The codes by which the import recognises observations, flags, referrals, plans and consents, and
 * which the writer puts on what it writes. Every set is SNOMED CT concept ids; the library's own
 * code system {@link #CARECOORD_SYSTEM} is always recognised as well, so a bundle written by this
 * module reads back whatever is configured here.
 *
 * <p>The defaults are the codes seen in public NHS material; several are unverified (see {@code
 * care-fhir/README.md}), which is why they are configuration: {@code
 * FhirCodes.builder().from(FhirCodes.defaults()).pamScore(Set.of("…")).build()}.
 */
@Value.Immutable
public abstract class FhirCodes {

  /** SNOMED CT. */
  public static final String SNOMED = "http://snomed.info/sct";

  /** LOINC: known, read, and not used by the rules. */
  public static final String LOINC = "http://loinc.org";

  /** NHS number identifier system. */
  public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

  /** ODS organisation code identifier system. */
  public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

  /** Canonical base of what this library defines (code systems, extensions, measures). */
  public static final String BASE = "https://carecoord.example.org/fhir";

  /** This library's own code system, for concepts with no settled SNOMED CT code. */
  public static final String CARECOORD_SYSTEM = BASE + "/CodeSystem/care-coordination";

  /** SNOMED CT codes of PAM score observations (0–100). None is settled nationally. */
  @Value.Default
  public Set<String> pamScore() {
    return Set.of();
  }

  /** SNOMED CT codes of PAM level observations (1–4). */
  @Value.Default
  public Set<String> pamLevel() {
    return Set.of("962851000000103");
  }

  /** SNOMED CT codes of Clinical Frailty Scale observations (1–9). */
  @Value.Default
  public Set<String> clinicalFrailtyScale() {
    return Set.of("445414007");
  }

  /** SNOMED CT codes of electronic frailty index observations (0–1). */
  @Value.Default
  public Set<String> electronicFrailtyIndex() {
    return Set.of("713636003");
  }

  /** SNOMED CT codes of {@code Flag.code} and the register flag each sets. */
  @Value.Default
  public Map<String, ClinicalFlag> flags() {
    return Map.of(
        "160689007", ClinicalFlag.HOUSEBOUND,
        "160734000", ClinicalFlag.CARE_HOME_RESIDENT,
        "110359009", ClinicalFlag.LEARNING_DISABILITY,
        "408856003", ClinicalFlag.AUTISM,
        "52448006", ClinicalFlag.DEMENTIA,
        "363346000", ClinicalFlag.ACTIVE_CANCER);
  }

  /** SNOMED CT codes of {@code ServiceRequest.code} and the service each refers to. */
  @Value.Default
  public Map<String, ServiceType> referrals() {
    return Map.of("871731000000106", ServiceType.SOCIAL_PRESCRIBING_LINK_WORKER);
  }

  /**
   * SNOMED CT codes of {@code CarePlan.category} marking a personalised care and support plan; only
   * needed where a record holds several care plans.
   */
  @Value.Default
  public Set<String> carePlanCategory() {
    return Set.of();
  }

  /** The defaults. */
  public static FhirCodes defaults() {
    return ImmutableFhirCodes.builder().build();
  }

  /** A builder. */
  public static ImmutableFhirCodes.Builder builder() {
    return ImmutableFhirCodes.builder();
  }
}
