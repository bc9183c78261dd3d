package uk.nhs.carecoord.fhir;

import java.util.Objects;
import uk.nhs.carecoord.model.PatientCase;

/**
 * A case imported from FHIR, with the report of what was used and ignored.
 *
 * @param patientCase the case
 * @param report what the import did with every resource and relevant element
 */
public record ImportResult(PatientCase patientCase, ImportReport report) {
  /** Checks both are given. */
  public ImportResult {
    Objects.requireNonNull(patientCase, "patientCase");
    Objects.requireNonNull(report, "report");
  }
}
