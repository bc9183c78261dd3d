package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;
import static uk.nhs.carecoord.reporting.Html.td;
import static uk.nhs.carecoord.reporting.Html.th;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.SafeguardingConcern;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.OutputRole;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The {@link SafeguardingReport}: open concerns by age, their obligations, overdue discussions. */
final class Safeguarding implements Section<SafeguardingReport> {
  static final Safeguarding SECTION = new Safeguarding();

  /** Lower bounds of the age bands, in days open. */
  private static final int[] BANDS = {0, 8, 29, 91};

  private static final String[] LABELS = {"0-7 days", "8-28 days", "29-90 days", "over 90 days"};

  private Safeguarding() {}

  @Override
  public Class<SafeguardingReport> type() {
    return SafeguardingReport.class;
  }

  @Override
  public String jsonFile() {
    return "safeguarding.json";
  }

  @Override
  public Tally<SafeguardingReport> start(ReportContext context) {
    return new SafeguardingTally(context);
  }

  private static final class SafeguardingTally implements Tally<SafeguardingReport> {
    private final ReportContext context;
    private final long[] open = new long[BANDS.length];
    private final long[] undiscussed = new long[BANDS.length];
    private final long[] obligationsByBand = new long[BANDS.length];
    private final Map<String, long[]> byCode = new TreeMap<>();
    private long people;
    private long overdueDiscussions;

    SafeguardingTally(ReportContext context) {
      this.context = context;
    }

    @Override
    public void add(PatientCase c, PatientEvaluation e) {
      if (c == null) {
        return;
      }
      LocalDate asOf = context.asOf();
      Map<String, Integer> bandOf = new HashMap<>();
      for (SafeguardingConcern concern : c.safeguardingConcerns()) {
        if (concern.status() == ConcernStatus.CLOSED) {
          continue;
        }
        int band = band(ChronoUnit.DAYS.between(concern.raisedOn(), asOf));
        bandOf.put(concern.id(), band);
        open[band]++;
        if (concern.gpDiscussion().isEmpty()) {
          undiscussed[band]++;
        }
      }
      if (!bandOf.isEmpty()) {
        people++;
      }
      for (Finding f : e == null ? List.<Finding>of() : e.obligations()) {
        boolean overdue = f.dueOn().map(d -> d.isBefore(asOf)).orElse(false);
        long[] row = byCode.computeIfAbsent(f.code(), k -> new long[2]);
        row[0]++;
        row[1] += overdue ? 1 : 0;
        if (overdue && f.reliedOnAs().equals(Optional.of(OutputRole.SAFEGUARDING_DISCUSSION))) {
          overdueDiscussions++;
        }
        Integer band = bandOf.get(f.subject());
        if (band != null) {
          obligationsByBand[band]++;
        }
      }
    }

    @Override
    public SafeguardingReport finish() {
      Suppression s = context.suppression();
      long total = 0;
      for (long n : open) {
        total += n;
      }
      List<Count> openCounts = s.partition(open, total);
      List<SafeguardingReport.AgeBand> bands = new ArrayList<>();
      for (int i = 0; i < BANDS.length; i++) {
        bands.add(
            new SafeguardingReport.AgeBand(
                LABELS[i], BANDS[i], openCounts.get(i), s.count(undiscussed[i]), s.count(obligationsByBand[i])));
      }
      List<SafeguardingReport.ObligationRow> rows = new ArrayList<>();
      byCode.forEach((code, n) -> rows.add(new SafeguardingReport.ObligationRow(code, s.count(n[0]), s.count(n[1]))));
      return new SafeguardingReport(
          context.asOf(), s.count(total), s.count(people), s.count(overdueDiscussions), bands, rows);
    }
  }

  private static int band(long days) {
    int band = 0;
    for (int i = 0; i < BANDS.length; i++) {
      if (days >= BANDS[i]) {
        band = i;
      }
    }
    return band;
  }

  @Override
  public List<CsvTable> csv(SafeguardingReport s, Labels labels) {
    List<List<String>> bands = new ArrayList<>();
    s.byAge()
        .forEach(
            b ->
                bands.add(
                    List.of(
                        b.band(),
                        b.openConcerns().display(),
                        b.notDiscussedWithGp().display(),
                        b.obligations().display())));
    bands.add(List.of("TOTAL", s.openConcerns().display(), "", ""));
    List<List<String>> obligations = new ArrayList<>();
    s.obligations()
        .forEach(o -> obligations.add(List.of(o.code(), labels.of(o.code()), o.total().display(), o.overdue().display())));
    return List.of(
        new CsvTable(
            "safeguarding-by-age.csv",
            List.of("days_open", "open_concerns", "not_discussed_with_gp", "obligations"),
            bands),
        new CsvTable("safeguarding-obligations.csv", List.of("obligation", "label", "total", "overdue"), obligations));
  }

  @Override
  public void html(SafeguardingReport s, Labels labels, StringBuilder b) {
    b.append("<section id=\"safeguarding\"><h2>Safeguarding</h2>");
    b.append("<p>Open concerns: ").append(esc(s.openConcerns().display())).append("; people with open concerns: ")
        .append(esc(s.peopleWithOpenConcerns().display()))
        .append("; GP discussions overdue: <span id=\"overdue-gp\">")
        .append(esc(s.overdueGpDiscussions().display())).append("</span></p>");
    b.append("<table id=\"concerns-by-age\"><thead><tr>").append(th("Days open")).append(th("Open concerns"))
        .append(th("Not discussed with a GP")).append(th("Obligations")).append("</tr></thead><tbody>");
    for (SafeguardingReport.AgeBand band : s.byAge()) {
      b.append("<tr>").append(td(band.band()));
      Html.number(b, band.openConcerns());
      Html.number(b, band.notDiscussedWithGp());
      Html.number(b, band.obligations());
      b.append("</tr>");
    }
    b.append("</tbody></table><table id=\"obligations\"><thead><tr>").append(th("Obligation")).append(th("Total"))
        .append(th("Overdue")).append("</tr></thead><tbody>");
    for (SafeguardingReport.ObligationRow row : s.obligations()) {
      b.append("<tr>").append(td(labels.of(row.code())));
      Html.number(b, row.total());
      Html.number(b, row.overdue());
      b.append("</tr>");
    }
    b.append("</tbody></table></section>");
  }
}
