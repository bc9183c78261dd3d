package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.fhir.FhirImportException;
import uk.nhs.carecoord.fhir.ImportOutcome;
import uk.nhs.carecoord.fhir.ImportReport;
import uk.nhs.carecoord.fhir.ImportResult;

/**
 * The default {@link PrefetchReader}: care-fhir's import of the prefetched resources (UK Core),
 * all or nothing. The {@code patient} prefetch must be the Patient in context.
 */
public final class FhirPrefetchReader implements PrefetchReader {
  private final CareFhir fhir;

  /** Reads with this care-fhir instance (its codes decide what is recognised). */
  public FhirPrefetchReader(CareFhir fhir) {
    this.fhir = Objects.requireNonNull(fhir, "fhir");
  }

  @Override
  public PrefetchImport read(String patientId, Map<String, JsonNode> prefetch, LocalDate asOf) {
    JsonNode patient = prefetch.get("patient");
    if (patient == null || !"Patient".equals(patient.path("resourceType").asText())
        || !patientId.equals(patient.path("id").asText())) {
      // Never evaluate one person's record for another's chart.
      throw new PrefetchException("patient: must be Patient/" + patientId + ", the patient in context");
    }
    List<String> texts = new ArrayList<>(prefetch.size());
    for (JsonNode resource : prefetch.values()) {
      texts.add(resource.toString());
    }
    ImportResult result;
    try {
      result = fhir.importTexts(texts, asOf);
    } catch (FhirImportException e) {
      throw new PrefetchException(refusals(e.report()), e);
    }
    ImportReport report = result.report();
    List<String> notes = new ArrayList<>();
    for (ImportReport.Entry ignored : report.entries(ImportOutcome.IGNORED)) {
      notes.add(ignored.resource() + " " + ignored.path() + ": " + ignored.detail());
    }
    return new PrefetchImport(result.patientCase(), (int) report.count(ImportOutcome.USED),
        (int) report.count(ImportOutcome.IGNORED), notes);
  }

  private static String refusals(ImportReport report) {
    List<String> lines = new ArrayList<>();
    for (ImportReport.Entry e : report.entries(ImportOutcome.REFUSED)) {
      lines.add(e.resource() + " " + e.path() + ": " + e.detail());
      if (lines.size() == 10) {
        break;
      }
    }
    return "refused: " + String.join("; ", lines);
  }
}
