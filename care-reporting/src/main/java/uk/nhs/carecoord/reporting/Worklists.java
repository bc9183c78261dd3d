package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** Builds the {@link Worklist}. */
final class Worklists {
  static final Comparator<Worklist.Entry> ORDER =
      Comparator.comparing((Worklist.Entry e) -> e.coordinatorId().equals(Worklist.UNALLOCATED))
          .thenComparing(Worklist.Entry::coordinatorId)
          .thenComparing(Worklist.Entry::priority)
          .thenComparing(e -> e.dueOn().orElse(LocalDate.MAX))
          .thenComparing(Worklist.Entry::code)
          .thenComparing(Worklist.Entry::patientId)
          .thenComparing(Worklist.Entry::subject)
          .thenComparing(Worklist.Entry::kind)
          .thenComparing(Worklist.Entry::text);

  private Worklists() {}

  static Worklist of(Inputs in) {
    Map<String, PatientCase> cases =
        in.cases().stream().collect(Collectors.toMap(c -> c.patient().id(), Function.identity()));
    Map<String, String> names =
        in.pcn().coordinators().stream()
            .collect(Collectors.toMap(CareCoordinator::id, CareCoordinator::name, (a, b) -> a));
    List<Worklist.Entry> entries = new ArrayList<>();
    for (PatientEvaluation e : in.evaluations()) {
      PatientCase c = cases.get(e.patientId());
      String coordinator =
          c == null ? Worklist.UNALLOCATED : c.coordinatorId().orElse(Worklist.UNALLOCATED);
      String practice = c == null ? "" : c.patient().practiceCode();
      Stream.concat(e.obligations().stream(), e.recommendations().stream())
          .map(f -> entry(f, coordinator, names.getOrDefault(coordinator, ""), e.patientId(), practice))
          .forEach(entries::add);
    }
    entries.sort(ORDER);
    return new Worklist(in.asOf(), entries);
  }

  private static Worklist.Entry entry(
      Finding f, String coordinator, String name, String patientId, String practice) {
    return new Worklist.Entry(
        coordinator, name, patientId, practice, f.kind(), f.priority(), f.code(), f.subject(), f.dueOn(), f.text());
  }
}
