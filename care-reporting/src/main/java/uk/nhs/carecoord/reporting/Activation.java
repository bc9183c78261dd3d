package uk.nhs.carecoord.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.nhs.carecoord.model.PamHistory;
import uk.nhs.carecoord.model.PamLevel;
import uk.nhs.carecoord.model.PatientCase;

/** Builds the {@link ActivationReport}. */
final class Activation {
  private Activation() {}

  static ActivationReport of(Inputs in) {
    Suppression s = in.suppression();
    int[] latest = new int[4];
    int[][] moves = new int[4][4];
    int without = 0;
    int remeasured = 0;
    int improved = 0;
    double change = 0;
    for (PatientCase c : in.cases()) {
      PamHistory h = c.pamHistory();
      if (h.latest().isEmpty()) {
        without++;
        continue;
      }
      latest[h.latest().get().level().number() - 1]++;
      if (h.pointsChange().isPresent()) {
        remeasured++;
        double d = h.pointsChange().getAsDouble();
        change += d;
        if (d >= ActivationReport.MEANINGFUL_GAIN) {
          improved++;
        }
        moves[h.first().get().level().number() - 1][h.latest().get().level().number() - 1]++;
      }
    }
    // Levels and "without a PAM" add up to everybody; the transitions to the remeasured.
    List<Count> levelCounts =
        s.partition(new long[] {latest[0], latest[1], latest[2], latest[3], without}, in.cases().size());
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
            : Optional.of(Math.round(change / remeasured * 10.0) / 10.0);
    return new ActivationReport(
        in.asOf(),
        s.count(in.cases().size()),
        levelCounts.get(4),
        levels,
        s.count(remeasured),
        transitions,
        s.count(improved),
        mean);
  }
}
