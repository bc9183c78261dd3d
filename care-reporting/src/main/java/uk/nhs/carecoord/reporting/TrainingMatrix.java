package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.OutputRole;

/** Builds the {@link TrainingComplianceReport}. */
final class TrainingMatrix {
  private TrainingMatrix() {}

  static TrainingComplianceReport of(Pcn pcn, Collection<CoordinatorEvaluation> evaluations, LocalDate asOf) {
    List<String> order = pcn.coordinators().stream().map(CareCoordinator::id).toList();
    List<CoordinatorEvaluation> sorted =
        evaluations.stream()
            .sorted(
                Comparator.comparingInt((CoordinatorEvaluation e) -> rank(order, e.coordinatorId()))
                    .thenComparing(CoordinatorEvaluation::coordinatorId))
            .toList();
    List<TrainingComplianceReport.Item> items =
        sorted.stream()
            .flatMap(e -> e.training().stream())
            .map(Finding::code)
            .distinct()
            .sorted(Comparator.comparingInt(TrainingMatrix::moduleRank).thenComparing(Function.identity()))
            .map(code -> new TrainingComplianceReport.Item(code, title(code)))
            .toList();
    Map<String, String> names =
        pcn.coordinators().stream().collect(Collectors.toMap(CareCoordinator::id, CareCoordinator::name, (a, b) -> a));
    List<TrainingComplianceReport.CoordinatorRow> rows = new ArrayList<>();
    for (CoordinatorEvaluation e : sorted) {
      rows.add(row(e, items, names.getOrDefault(e.coordinatorId(), ""), pcn.supervisionOf(e.coordinatorId())));
    }
    int compliant = (int) sorted.stream().filter(CoordinatorEvaluation::compliant).count();
    return new TrainingComplianceReport(asOf, items, rows, compliant);
  }

  private static TrainingComplianceReport.CoordinatorRow row(
      CoordinatorEvaluation e,
      List<TrainingComplianceReport.Item> items,
      String name,
      Optional<SupervisionArrangement> supervision) {
    List<TrainingComplianceReport.Cell> cells = new ArrayList<>();
    for (TrainingComplianceReport.Item item : items) {
      Optional<Finding> f = e.training().stream().filter(t -> t.code().equals(item.code())).findFirst();
      cells.add(
          new TrainingComplianceReport.Cell(
              item.code(), f.flatMap(Finding::status), f.flatMap(Finding::dueOn)));
    }
    List<String> gaps =
        e.supervision().stream().filter(f -> f.reliedOnAs().equals(Optional.of(OutputRole.SUPERVISION_GAP)))
            .map(Finding::code).sorted().toList();
    return new TrainingComplianceReport.CoordinatorRow(
        e.coordinatorId(),
        name,
        cells,
        e.compliant(),
        e.verdict().map(Finding::code).orElse(""),
        supervision.flatMap(SupervisionArrangement::firstPointOfContact).map(TrainingMatrix::describe),
        supervision.flatMap(SupervisionArrangement::gpSupervisor).map(TrainingMatrix::describe),
        gaps);
  }

  private static String describe(NamedContact c) {
    return c.name() + " (" + c.role() + ")";
  }

  private static int rank(List<String> order, String id) {
    int i = order.indexOf(id);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static int moduleRank(String code) {
    return module(code).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
  }

  private static String title(String code) {
    return module(code).map(TrainingModule::title).orElse(code);
  }

  private static Optional<TrainingModule> module(String code) {
    try {
      return Optional.of(TrainingModule.valueOf(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
