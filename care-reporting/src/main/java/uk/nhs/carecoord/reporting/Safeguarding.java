package uk.nhs.carecoord.reporting;

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

/** Builds the {@link SafeguardingReport}. */
final class Safeguarding {
  /** Lower bounds of the age bands, in days open. */
  private static final int[] BANDS = {0, 8, 29, 91};

  private static final String[] LABELS = {"0-7 days", "8-28 days", "29-90 days", "over 90 days"};

  private Safeguarding() {}

  static SafeguardingReport of(Inputs in) {
    Suppression s = in.suppression();
    LocalDate asOf = in.asOf();
    Map<String, PatientEvaluation> byId = in.evaluationsById();
    int[] open = new int[BANDS.length];
    int[] undiscussed = new int[BANDS.length];
    int[] obligationsByBand = new int[BANDS.length];
    int people = 0;
    Map<String, int[]> byCode = new TreeMap<>();
    int overdueDiscussions = 0;
    for (PatientCase c : in.cases()) {
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
      List<Finding> obligations = in.evaluationOf(c, byId).map(PatientEvaluation::obligations).orElse(List.of());
      for (Finding f : obligations) {
        boolean overdue = f.dueOn().map(d -> d.isBefore(asOf)).orElse(false);
        int[] row = byCode.computeIfAbsent(f.code(), k -> new int[2]);
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
    int total = 0;
    for (int n : open) {
      total += n;
    }
    long[] openParts = new long[BANDS.length];
    for (int i = 0; i < BANDS.length; i++) {
      openParts[i] = open[i];
    }
    List<Count> openCounts = s.partition(openParts, total);
    List<SafeguardingReport.AgeBand> bands = new ArrayList<>();
    for (int i = 0; i < BANDS.length; i++) {
      bands.add(
          new SafeguardingReport.AgeBand(
              LABELS[i], BANDS[i], openCounts.get(i), s.count(undiscussed[i]), s.count(obligationsByBand[i])));
    }
    List<SafeguardingReport.ObligationRow> rows = new ArrayList<>();
    byCode.forEach((code, n) -> rows.add(new SafeguardingReport.ObligationRow(code, s.count(n[0]), s.count(n[1]))));
    return new SafeguardingReport(
        asOf, s.count(total), s.count(people), s.count(overdueDiscussions), bands, rows);
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
}
