package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;
import static uk.nhs.carecoord.reporting.Html.td;
import static uk.nhs.carecoord.reporting.Html.th;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.NamedContact;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.OutputRole;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.TrainingStatus;

/**
 * The {@link TrainingComplianceReport}: from the co-ordinators' evaluations, not the cases. It is
 * about staff, so it is not suppressed.
 */
final class TrainingMatrix implements Section<TrainingComplianceReport> {
  static final TrainingMatrix SECTION = new TrainingMatrix();

  private TrainingMatrix() {}

  @Override
  public Class<TrainingComplianceReport> type() {
    return TrainingComplianceReport.class;
  }

  @Override
  public String jsonFile() {
    return "training.json";
  }

  @Override
  public Tally<TrainingComplianceReport> start(ReportContext context) {
    return new Tally<>() {
      @Override
      public void add(PatientCase patientCase, PatientEvaluation evaluation) {
        // Cases do not change the training matrix.
      }

      @Override
      public TrainingComplianceReport finish() {
        return of(context.pcn(), context.coordinators(), context.asOf());
      }
    };
  }

  @Override
  public List<CsvTable> csv(TrainingComplianceReport t, Labels labels) {
    List<String> header = new ArrayList<>(List.of("coordinator_id", "coordinator_name"));
    t.items().forEach(i -> header.add(i.code()));
    header.addAll(List.of("arrs_compliant", "verdict", "first_point_of_contact", "gp_supervisor", "supervision_gaps"));
    List<List<String>> rows = new ArrayList<>();
    for (TrainingComplianceReport.CoordinatorRow row : t.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.coordinatorId(), row.name()));
      row.cells().forEach(c -> cells.add(c.status().map(Enum::name).orElse("")));
      cells.add(String.valueOf(row.compliant()));
      cells.add(row.verdict());
      cells.add(row.firstPointOfContact().orElse(""));
      cells.add(row.gpSupervisor().orElse(""));
      cells.add(String.join(" ", row.supervisionGaps()));
      rows.add(cells);
    }
    return List.of(new CsvTable("training-compliance.csv", header, rows));
  }

  @Override
  public void html(TrainingComplianceReport t, Labels labels, StringBuilder b) {
    b.append("<section id=\"training\"><h2>Training compliance</h2>");
    b.append("<p>").append(t.compliant()).append(" of ").append(t.rows().size())
        .append(" co-ordinators ARRS compliant.</p>");
    b.append("<p class=\"legend\">");
    for (TrainingStatus s : TrainingStatus.values()) {
      b.append("<span style=\"background:").append(SvgCharts.colour(s)).append("\">").append(SvgCharts.symbol(s))
          .append(' ').append(s.name().replace('_', ' ').toLowerCase(Locale.ROOT)).append("</span>");
    }
    b.append("</p>").append(SvgCharts.compliance(t));
    b.append("<ol class=\"items\">");
    t.items().forEach(i -> b.append("<li>").append(esc(i.title())).append("</li>"));
    b.append("</ol><table id=\"supervision\"><thead><tr>").append(th("Co-ordinator")).append(th("ARRS"))
        .append(th("First point of contact")).append(th("GP supervisor")).append("</tr></thead><tbody>");
    for (TrainingComplianceReport.CoordinatorRow row : t.rows()) {
      b.append("<tr>").append(td(row.name().isEmpty() ? row.coordinatorId() : row.name()))
          .append(td(row.compliant() ? "compliant" : "not compliant"))
          .append(td(row.firstPointOfContact().orElse("MISSING")))
          .append(td(row.gpSupervisor().orElse("MISSING"))).append("</tr>");
    }
    b.append("</tbody></table></section>");
  }

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
