package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;

/**
 * A test reader standing in for the FHIR import: the {@code patient} prefetch carries the case as
 * the library's own JSON under {@code _careCase}; the other keys must be present (empty bundles).
 * It exercises everything around the import — prefetch completeness, fetching, 412, evaluation,
 * cards, feedback — without mapping FHIR itself.
 */
final class CaseJsonPrefetchReader implements PrefetchReader {
  @Override
  public PrefetchImport read(String patientId, Map<String, JsonNode> prefetch, java.time.LocalDate asOf) {
    for (String key : CdsHooksService.PREFETCH.keySet()) {
      if (!prefetch.containsKey(key)) {
        throw new AssertionError("reader called without prefetch key " + key);
      }
    }
    JsonNode careCase = prefetch.get("patient").get("_careCase");
    if (careCase == null) {
      throw new PrefetchException("Patient/" + patientId + ": no _careCase");
    }
    PatientCase c = CareJson.read(careCase.toString(), PatientCase.class);
    return new PrefetchImport(c, prefetch.size(), 0, java.util.List.of());
  }
}
