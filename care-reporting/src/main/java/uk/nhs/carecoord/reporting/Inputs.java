package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The inputs of one report run, put in a deterministic order and indexed. */
record Inputs(
    Pcn pcn,
    List<PatientCase> cases,
    List<PatientEvaluation> evaluations,
    List<CoordinatorEvaluation> coordinators,
    LocalDate asOf,
    Suppression suppression) {

  static Inputs of(
      Pcn pcn,
      Collection<PatientCase> cases,
      Collection<PatientEvaluation> evaluations,
      Collection<CoordinatorEvaluation> coordinators,
      Optional<LocalDate> asOf,
      Suppression suppression) {
    List<PatientCase> sortedCases =
        cases.stream().sorted(Comparator.comparing((PatientCase c) -> c.patient().id())).toList();
    if (sortedCases.stream().map(c -> c.patient().id()).distinct().count() != sortedCases.size()) {
      throw new IllegalArgumentException("two cases have the same patient id");
    }
    List<PatientEvaluation> sortedEvaluations =
        evaluations.stream().sorted(Comparator.comparing(PatientEvaluation::patientId)).toList();
    if (sortedEvaluations.stream().map(PatientEvaluation::patientId).distinct().count() != sortedEvaluations.size()) {
      throw new IllegalArgumentException("two patient evaluations have the same patient id");
    }
    LocalDate date =
        asOf.or(() -> sortedEvaluations.stream().map(PatientEvaluation::asOf).findFirst())
            .or(() -> coordinators.stream().map(CoordinatorEvaluation::asOf).findFirst())
            .orElseThrow(
                () -> new IllegalArgumentException("no evaluations to take the reference date from: set asOf"));
    boolean mixed =
        sortedEvaluations.stream().anyMatch(e -> !e.asOf().equals(date))
            || coordinators.stream().anyMatch(e -> !e.asOf().equals(date));
    if (mixed) {
      throw new IllegalArgumentException("every evaluation must be as of " + date);
    }
    return new Inputs(pcn, sortedCases, sortedEvaluations, List.copyOf(coordinators), date, suppression);
  }

  /** Evaluations by patient id. */
  Map<String, PatientEvaluation> evaluationsById() {
    return evaluations.stream().collect(Collectors.toMap(PatientEvaluation::patientId, Function.identity()));
  }

  /** The evaluation of a case, if given. */
  Optional<PatientEvaluation> evaluationOf(PatientCase c, Map<String, PatientEvaluation> byId) {
    return Optional.ofNullable(byId.get(c.patient().id()));
  }
}
