package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;

import java.util.List;
import java.util.Locale;
import uk.nhs.carecoord.rules.TrainingStatus;

/**
 * Inline SVG charts. Suppressed counts are drawn as a hatched placeholder of fixed size with the
 * marker, so neither the label nor the geometry reveals the number.
 */
final class SvgCharts {
  private static final String SUPPRESSED_FILL = "url(#hatch)";
  private static final String HATCH =
      "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
          + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/>"
          + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999999\" stroke-width=\"2\"/></pattern></defs>";
  private static final String[] LEVEL_COLOURS = {"#d5281b", "#ed8b00", "#ffb81c", "#007f3b"};

  private SvgCharts() {}

  /** Bar chart of people by latest PAM level. */
  static String pamDistribution(ActivationReport a) {
    int max = 1;
    for (ActivationReport.LevelRow l : a.levels()) {
      max = Math.max(max, l.people().value().orElse(0));
    }
    int width = 420;
    int height = 240;
    int base = 200;
    int barWidth = 70;
    StringBuilder s = new StringBuilder();
    s.append(open("pam-distribution", width, height, "People by latest PAM level"));
    s.append(HATCH);
    s.append("<line x1=\"30\" y1=\"").append(base).append("\" x2=\"").append(width - 10).append("\" y2=\"")
        .append(base).append("\" stroke=\"#425563\"/>");
    for (ActivationReport.LevelRow l : a.levels()) {
      int x = 40 + (l.level() - 1) * 95;
      boolean suppressed = l.people().isSuppressed();
      int h = suppressed ? 40 : (int) Math.round(160.0 * l.people().value().getAsInt() / max);
      String fill = suppressed ? SUPPRESSED_FILL : LEVEL_COLOURS[l.level() - 1];
      s.append("<g class=\"bar\" data-level=\"").append(l.level()).append("\" data-count=\"")
          .append(esc(l.people().display())).append("\">");
      s.append("<title>Level ").append(l.level()).append(": ").append(esc(l.people().display()))
          .append("</title>");
      s.append("<rect x=\"").append(x).append("\" y=\"").append(base - h).append("\" width=\"").append(barWidth)
          .append("\" height=\"").append(h).append("\" fill=\"").append(fill).append("\"/>");
      s.append(text(x + barWidth / 2, base - h - 6, "count", l.people().display()));
      s.append(text(x + barWidth / 2, base + 18, "label", "Level " + l.level()));
      s.append("</g>");
    }
    return s.append("</svg>").toString();
  }

  /** Heat map of first level (rows) to latest level (columns). */
  static String transitions(ActivationReport a) {
    int max = 1;
    for (ActivationReport.Transition t : a.transitions()) {
      max = Math.max(max, t.people().value().orElse(0));
    }
    int cell = 60;
    int left = 90;
    int top = 40;
    StringBuilder s = new StringBuilder();
    s.append(open("pam-transitions", left + 4 * cell + 20, top + 4 * cell + 40, "PAM level: first to latest"));
    s.append(HATCH);
    for (int i = 1; i <= 4; i++) {
      s.append(text(left + (i - 1) * cell + cell / 2, top - 10, "label", "L" + i + " latest"));
      s.append(text(left - 45, top + (i - 1) * cell + cell / 2 + 5, "label", "L" + i + " first"));
    }
    for (ActivationReport.Transition t : a.transitions()) {
      int x = left + (t.to() - 1) * cell;
      int y = top + (t.from() - 1) * cell;
      String fill;
      if (t.people().isSuppressed()) {
        fill = SUPPRESSED_FILL;
      } else {
        double share = (double) t.people().value().getAsInt() / max;
        fill = String.format(Locale.ROOT, "rgba(0,94,184,%.2f)", 0.08 + 0.92 * share);
      }
      s.append("<g class=\"cell\" data-from=\"").append(t.from()).append("\" data-to=\"").append(t.to())
          .append("\" data-count=\"").append(esc(t.people().display())).append("\">");
      s.append("<title>Level ").append(t.from()).append(" to level ").append(t.to()).append(": ")
          .append(esc(t.people().display())).append("</title>");
      s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(cell)
          .append("\" height=\"").append(cell).append("\" fill=\"").append(fill)
          .append("\" stroke=\"#ffffff\"/>");
      s.append(text(x + cell / 2, y + cell / 2 + 5, "count", t.people().display()));
      s.append("</g>");
    }
    return s.append("</svg>").toString();
  }

  /** Co-ordinators (rows) by training items (columns), coloured by status, with the verdict. */
  static String compliance(TrainingComplianceReport t) {
    int cell = 34;
    int left = 180;
    int top = 30;
    List<TrainingComplianceReport.Item> items = t.items();
    int width = left + (items.size() + 1) * cell + 20;
    int height = top + Math.max(1, t.rows().size()) * cell + 20;
    StringBuilder s = new StringBuilder();
    s.append(open("compliance-matrix", width, height, "Training compliance matrix"));
    for (int c = 0; c < items.size(); c++) {
      s.append("<text class=\"column\" x=\"").append(left + c * cell + cell / 2).append("\" y=\"").append(top - 8)
          .append("\" text-anchor=\"middle\"><title>").append(esc(items.get(c).title())).append("</title>")
          .append(c + 1).append("</text>");
    }
    s.append(text(left + items.size() * cell + cell / 2, top - 8, "column", "ARRS"));
    for (int r = 0; r < t.rows().size(); r++) {
      TrainingComplianceReport.CoordinatorRow row = t.rows().get(r);
      int y = top + r * cell;
      String label = row.name().isEmpty() ? row.coordinatorId() : row.name();
      s.append("<text class=\"row\" x=\"").append(left - 8).append("\" y=\"").append(y + cell / 2 + 5)
          .append("\" text-anchor=\"end\">").append(esc(label)).append("</text>");
      for (int c = 0; c < row.cells().size(); c++) {
        TrainingComplianceReport.Cell tc = row.cells().get(c);
        String status = tc.status().map(Enum::name).orElse("NOT_REQUIRED");
        s.append("<g class=\"status\" data-coordinator=\"").append(esc(row.coordinatorId()))
            .append("\" data-item=\"").append(esc(tc.item())).append("\" data-status=\"").append(status)
            .append("\"><title>").append(esc(items.get(c).title())).append(": ").append(esc(status))
            .append("</title>");
        s.append("<rect x=\"").append(left + c * cell).append("\" y=\"").append(y).append("\" width=\"")
            .append(cell - 2).append("\" height=\"").append(cell - 2).append("\" fill=\"")
            .append(colour(tc.status().orElse(null))).append("\"/>");
        s.append(text(left + c * cell + cell / 2 - 1, y + cell / 2 + 4, "symbol", symbol(tc.status().orElse(null))));
        s.append("</g>");
      }
      int vx = left + row.cells().size() * cell;
      s.append("<g class=\"verdict\" data-coordinator=\"").append(esc(row.coordinatorId()))
          .append("\" data-compliant=\"").append(row.compliant()).append("\">");
      s.append("<rect x=\"").append(vx).append("\" y=\"").append(y).append("\" width=\"").append(cell - 2)
          .append("\" height=\"").append(cell - 2).append("\" fill=\"")
          .append(row.compliant() ? "#007f3b" : "#d5281b").append("\"/>");
      s.append(text(vx + cell / 2 - 1, y + cell / 2 + 4, "symbol", row.compliant() ? "\u2713" : "\u2717"));
      s.append("</g>");
    }
    return s.append("</svg>").toString();
  }

  static String colour(TrainingStatus status) {
    if (status == null) {
      return "#e8edee";
    }
    return switch (status) {
      case COMPLETE -> "#007f3b";
      case DUE_SOON -> "#ffb81c";
      case OVERDUE -> "#d5281b";
      case MISSING -> "#425563";
    };
  }

  static String symbol(TrainingStatus status) {
    if (status == null) {
      return "\u2013";
    }
    return switch (status) {
      case COMPLETE -> "\u2713";
      case DUE_SOON -> "!";
      case OVERDUE -> "\u2717";
      case MISSING -> "?";
    };
  }

  private static String open(String id, int width, int height, String title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" role=\"img\" width=\"" + width
        + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\" aria-label=\"" + esc(title)
        + "\"><title>" + esc(title) + "</title>";
  }

  private static String text(int x, int y, String cls, String content) {
    return "<text class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"middle\">" + esc(content)
        + "</text>";
  }
}
