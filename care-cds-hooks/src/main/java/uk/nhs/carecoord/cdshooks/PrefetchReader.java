package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;

/**
 * Turns the FHIR resources a CDS client sent (or the service fetched) into a {@code PatientCase}
 * with an import report. This is the one place FHIR is read: {@link FhirPrefetchReader} (the
 * default) hands the resources to care-fhir's import; a host may supply its own.
 */
@FunctionalInterface
public interface PrefetchReader {

  /**
   * Reads one person's resources.
   *
   * @param patientId the FHIR id of the patient in context ({@code context.patientId})
   * @param prefetch the resources by prefetch key ({@code patient}, {@code conditions}…): a
   *     resource or a searchset {@code Bundle} each, as the discovery document's templates ask for
   * @param asOf the reference date of the evaluation, which bounds look-backs
   * @return the case and what was used, ignored or refused
   * @throws PrefetchException when the resources cannot make a case, naming the resource and
   *     element at fault
   */
  PrefetchImport read(String patientId, Map<String, JsonNode> prefetch, LocalDate asOf);
}
