package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;

/** The self-contained HTML page of aggregate reports; the worklist page is {@link WorklistWriter}'s. */
final class HtmlPage {
  private static final String STYLE =
      "body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2em;max-width:70em}"
          + "h1,h2{color:#005eb8}table{border-collapse:collapse;margin:1em 0}"
          + "th,td{border:1px solid #d8dde0;padding:.3em .6em;text-align:left}"
          + "td.n{text-align:right}svg text{font-size:12px;fill:#212b32}svg text.count{font-weight:bold}"
          + "svg text.symbol{fill:#fff;font-weight:bold}tr.entry td:nth-child(-n+4){white-space:nowrap}"
          + ".note{color:#4c6272}.banner{background:#d5281b;color:#fff;padding:1em;font-weight:bold;"
          + "font-size:1.2em}.legend span{display:inline-block;padding:.1em .5em;margin-right:.5em;color:#fff}";

  private HtmlPage() {}

  static String aggregates(ReportSet r) {
    StringBuilder b = new StringBuilder();
    head(b, "PCN report: " + r.pcnName());
    b.append("<h1>").append(esc(r.pcnName() + " (" + r.pcnCode() + ")")).append("</h1>");
    b.append("<p class=\"note\" id=\"suppression-note\">As of ").append(r.asOf()).append(". Counts from 1 to ")
        .append(r.suppressionThreshold()).append(" are shown as ").append(esc(r.suppressionMarker()))
        .append(r.countsRoundedTo() > 1 ? "; other counts are rounded to the nearest " + r.countsRoundedTo() : "")
        .append(". No patient identifiers appear on this page.</p>");
    for (Rendered<?> report : r.rendered()) {
      report.html(r.labels(), b);
    }
    return b.append("</body></html>\n").toString();
  }

  /** The document's start, up to and including {@code <body>}. */
  static void head(StringBuilder b, String title) {
    b.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>");
  }
}
