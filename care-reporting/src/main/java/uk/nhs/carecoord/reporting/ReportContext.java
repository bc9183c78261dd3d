package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;

/** What every report of one run shares: the PCN, the reference date, suppression, co-ordinators. */
record ReportContext(Pcn pcn, LocalDate asOf, Suppression suppression, List<CoordinatorEvaluation> coordinators) {
  ReportContext {
    coordinators = List.copyOf(coordinators);
  }
}
