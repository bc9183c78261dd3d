package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.nhs.carecoord.model.PamHistory;
import uk.nhs.carecoord.model.PamLevel;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The {@link ActivationReport}: latest PAM levels and first-to-latest movement. */
final class Activation implements Section<ActivationReport> {
  static final Activation SECTION = new Activation();

  private Activation() {}

  @Override
  public Class<ActivationReport> type() {
    return ActivationReport.class;
  }

  @Override
  public String jsonFile() {
    return "activation.json";
  }

  @Override
  public Tally<ActivationReport> start(ReportContext context) {
    return new ActivationTally(context);
  }

  private static final class ActivationTally implements Tally<ActivationReport> {
    private final ReportContext context;
    private final long[] latest = new long[4];
    private final long[][] moves = new long[4][4];
    private long people;
    private long without;
    private long remeasured;
    private long improved;
    /** Exact, so the mean does not depend on the order people arrive in. */
    private BigDecimal change = BigDecimal.ZERO;

    ActivationTally(ReportContext context) {
      this.context = context;
    }

    @Override
    public void add(PatientCase c, PatientEvaluation e) {
      if (c == null) {
        return;
      }
      people++;
      PamHistory h = c.pamHistory();
      if (h.latest().isEmpty()) {
        without++;
        return;
      }
      latest[h.latest().get().level().number() - 1]++;
      if (h.pointsChange().isPresent()) {
        remeasured++;
        double d = h.pointsChange().getAsDouble();
        change = change.add(new BigDecimal(d));
        if (d >= ActivationReport.MEANINGFUL_GAIN) {
          improved++;
        }
        moves[h.first().get().level().number() - 1][h.latest().get().level().number() - 1]++;
      }
    }

    @Override
    public ActivationReport finish() {
      Suppression s = context.suppression();
      // Levels and "without a PAM" add up to everybody; the transitions to the remeasured.
      List<Count> levelCounts = s.partition(new long[] {latest[0], latest[1], latest[2], latest[3], without}, people);
      List<ActivationReport.LevelRow> levels = new ArrayList<>();
      for (PamLevel level : PamLevel.values()) {
        levels.add(new ActivationReport.LevelRow(level.number(), levelCounts.get(level.number() - 1)));
      }
      long[] flat = new long[16];
      for (int i = 0; i < 16; i++) {
        flat[i] = moves[i / 4][i % 4];
      }
      List<Count> moveCounts = s.partition(flat, remeasured);
      List<ActivationReport.Transition> transitions = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        transitions.add(new ActivationReport.Transition(i / 4 + 1, i % 4 + 1, moveCounts.get(i)));
      }
      Optional<Double> mean =
          remeasured == 0 || s.suppresses(remeasured)
              ? Optional.empty()
              : Optional.of(Math.round(change.doubleValue() / remeasured * 10.0) / 10.0);
      return new ActivationReport(
          context.asOf(), s.count(people), levelCounts.get(4), levels, s.count(remeasured), transitions,
          s.count(improved), mean);
    }
  }

  @Override
  public List<CsvTable> csv(ActivationReport a, Labels labels) {
    List<List<String>> levels = new ArrayList<>();
    a.levels().forEach(l -> levels.add(List.of("LEVEL_" + l.level(), l.people().display())));
    levels.add(List.of("NO_PAM", a.withoutPam().display()));
    levels.add(List.of("TOTAL", a.people().display()));
    List<List<String>> moves = new ArrayList<>();
    a.transitions()
        .forEach(t -> moves.add(List.of(String.valueOf(t.from()), String.valueOf(t.to()), t.people().display())));
    List<List<String>> summary =
        List.of(
            List.of("remeasured", a.remeasured().display()),
            List.of("improved_by_3_points_or_more", a.improved().display()),
            List.of("mean_points_change", a.meanPointsChange().map(String::valueOf).orElse("")));
    return List.of(
        new CsvTable("activation-levels.csv", List.of("latest_pam_level", "people"), levels),
        new CsvTable("activation-transitions.csv", List.of("first_level", "latest_level", "people"), moves),
        new CsvTable("activation-summary.csv", List.of("measure", "value"), summary));
  }

  @Override
  public void html(ActivationReport a, Labels labels, StringBuilder b) {
    b.append("<section id=\"activation\"><h2>Patient activation (PAM)</h2>");
    b.append("<p>People: ").append(esc(a.people().display())).append("; without a PAM: <span id=\"without-pam\">")
        .append(esc(a.withoutPam().display())).append("</span>; remeasured: ").append(esc(a.remeasured().display()))
        .append("; improved by 3 points or more: ").append(esc(a.improved().display()))
        .append("; mean change in points: <span id=\"mean-change\">")
        .append(a.meanPointsChange().map(d -> String.format(Locale.ROOT, "%+.1f", d)).orElse("n/a"))
        .append("</span></p>");
    b.append("<h3>Latest PAM level</h3>").append(SvgCharts.pamDistribution(a));
    b.append("<h3>Movement from first to latest assessment</h3>").append(SvgCharts.transitions(a));
    b.append("</section>");
  }
}
