package uk.nhs.carecoord.cdshooks;

import java.util.Objects;
import uk.nhs.carecoord.model.PatientCase;

/**
 * A case read from prefetch, with a summary of the import report.
 *
 * @param patientCase the case to evaluate
 * @param used how many resources were used
 * @param ignored how many resources or elements were ignored, each with a reason in the report
 * @param notes short notes for the clinician (e.g. "2 observations with unrecognised codes were
 *     ignored"); never clinical values
 */
public record PrefetchImport(PatientCase patientCase, int used, int ignored, java.util.List<String> notes) {

  /** Checks the parts. */
  public PrefetchImport {
    Objects.requireNonNull(patientCase, "patientCase");
    notes = java.util.List.copyOf(notes);
    if (used < 0 || ignored < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }
}
