package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;
import static uk.nhs.carecoord.reporting.Html.td;
import static uk.nhs.carecoord.reporting.Html.th;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.carecoord.rules.TrainingStatus;

/** The self-contained HTML pages: aggregate reports, and the worklist. */
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
    training(b, r.training());
    caseload(b, r.caseload());
    activation(b, r.activation());
    safeguarding(b, r.safeguarding());
    return b.append("</body></html>\n").toString();
  }

  static String worklist(ReportSet r) {
    StringBuilder b = new StringBuilder();
    head(b, "Worklist (contains patient data): " + r.pcnName());
    b.append("<div class=\"banner\" id=\"patient-data-banner\" role=\"alert\">CONTAINS PATIENT DATA: "
        + "for use within the practice only. Do not share outside the care team.</div>");
    b.append("<h1>Next steps: ").append(esc(r.pcnName())).append("</h1>");
    b.append("<p class=\"note\">As of ").append(r.asOf()).append(", most urgent first.</p>");
    String current = null;
    for (Worklist.Entry e : r.worklist().entries()) {
      if (!e.coordinatorId().equals(current)) {
        if (current != null) {
          b.append("</tbody></table></section>");
        }
        current = e.coordinatorId();
        String who = e.coordinatorId().equals(Worklist.UNALLOCATED)
            ? "No co-ordinator allocated"
            : (e.coordinatorName().isEmpty() ? e.coordinatorId() : e.coordinatorName() + " (" + e.coordinatorId() + ")");
        b.append("<section class=\"coordinator\" data-coordinator=\"").append(esc(current)).append("\"><h2>")
            .append(esc(who)).append("</h2><table><thead><tr>")
            .append(th("Priority")).append(th("Due")).append(th("Patient")).append(th("Practice"))
            .append(th("What to do")).append(th("Code")).append("</tr></thead><tbody>");
      }
      b.append("<tr class=\"entry\">").append(td(e.priority().name())).append(td(e.dueOn().map(LocalDate::toString).orElse("")))
          .append(td(e.patientId())).append(td(e.practiceCode())).append(td(e.text())).append(td(e.code()))
          .append("</tr>");
    }
    if (current != null) {
      b.append("</tbody></table></section>");
    } else {
      b.append("<p>Nothing to do.</p>");
    }
    return b.append("</body></html>\n").toString();
  }

  private static void head(StringBuilder b, String title) {
    b.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>");
  }

  private static void training(StringBuilder b, TrainingComplianceReport t) {
    b.append("<section id=\"training\"><h2>Training compliance</h2>");
    b.append("<p>").append(t.compliant()).append(" of ").append(t.rows().size())
        .append(" co-ordinators ARRS compliant.</p>");
    b.append("<p class=\"legend\">");
    for (TrainingStatus s : TrainingStatus.values()) {
      b.append("<span style=\"background:").append(SvgCharts.colour(s)).append("\">").append(SvgCharts.symbol(s))
          .append(' ').append(s.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)).append("</span>");
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

  private static void caseload(StringBuilder b, CaseloadReport c) {
    b.append("<section id=\"caseload\"><h2>Caseload and cohorts</h2>");
    b.append("<p>People in no cohort: <span id=\"in-no-cohort\">").append(esc(c.inNoCohort().display()))
        .append("</span></p>");
    b.append("<table id=\"cohorts\"><thead><tr>").append(th("Cohort"));
    figureHeaders(b);
    b.append("</tr></thead><tbody>");
    for (CaseloadReport.CohortRow row : c.cohorts()) {
      b.append("<tr data-cohort=\"").append(esc(row.cohort())).append("\">").append(td(row.cohort()));
      figures(b, row.figures());
      b.append("</tr>");
    }
    b.append("</tbody></table><table id=\"practices\"><thead><tr>").append(th("Practice"));
    figureHeaders(b);
    b.append("</tr></thead><tbody>");
    for (CaseloadReport.PracticeRow row : c.practices()) {
      b.append("<tr data-practice=\"").append(esc(row.odsCode())).append("\">")
          .append(td(row.name().isEmpty() ? row.odsCode() : row.name() + " (" + row.odsCode() + ")"));
      figures(b, row.figures());
      b.append("</tr>");
    }
    b.append("<tr data-practice=\"TOTAL\">").append(td("Total"));
    figures(b, c.total());
    b.append("</tr></tbody></table></section>");
  }

  private static void figureHeaders(StringBuilder b) {
    for (String h : List.of("People", "Agreed plan", "Plan shared", "Review overdue", "No plan")) {
      b.append(th(h));
    }
  }

  private static void figures(StringBuilder b, CaseloadReport.Figures f) {
    for (Count n : List.of(f.people(), f.withAgreedPlan(), f.planSharedWithPerson(), f.reviewOverdue(), f.withoutPlan())) {
      num(b, n);
    }
  }

  private static void num(StringBuilder b, Count n) {
    b.append("<td class=\"n\">").append(esc(n.display())).append("</td>");
  }

  private static void activation(StringBuilder b, ActivationReport a) {
    b.append("<section id=\"activation\"><h2>Patient activation (PAM)</h2>");
    b.append("<p>People: ").append(esc(a.people().display())).append("; without a PAM: <span id=\"without-pam\">")
        .append(esc(a.withoutPam().display())).append("</span>; remeasured: ").append(esc(a.remeasured().display()))
        .append("; improved by 3 points or more: ").append(esc(a.improved().display()))
        .append("; mean change in points: <span id=\"mean-change\">")
        .append(a.meanPointsChange().map(d -> String.format(java.util.Locale.ROOT, "%+.1f", d)).orElse("n/a"))
        .append("</span></p>");
    b.append("<h3>Latest PAM level</h3>").append(SvgCharts.pamDistribution(a));
    b.append("<h3>Movement from first to latest assessment</h3>").append(SvgCharts.transitions(a));
    b.append("</section>");
  }

  private static void safeguarding(StringBuilder b, SafeguardingReport s) {
    b.append("<section id=\"safeguarding\"><h2>Safeguarding</h2>");
    b.append("<p>Open concerns: ").append(esc(s.openConcerns().display())).append("; people with open concerns: ")
        .append(esc(s.peopleWithOpenConcerns().display()))
        .append("; GP discussions overdue: <span id=\"overdue-gp\">")
        .append(esc(s.overdueGpDiscussions().display())).append("</span></p>");
    b.append("<table id=\"concerns-by-age\"><thead><tr>").append(th("Days open")).append(th("Open concerns"))
        .append(th("Not discussed with a GP")).append(th("Obligations")).append("</tr></thead><tbody>");
    for (SafeguardingReport.AgeBand band : s.byAge()) {
      b.append("<tr>").append(td(band.band()));
      num(b, band.openConcerns());
      num(b, band.notDiscussedWithGp());
      num(b, band.obligations());
      b.append("</tr>");
    }
    b.append("</tbody></table><table id=\"obligations\"><thead><tr>").append(th("Obligation")).append(th("Total"))
        .append(th("Overdue")).append("</tr></thead><tbody>");
    for (SafeguardingReport.ObligationRow row : s.obligations()) {
      b.append("<tr>").append(td(row.code()));
      num(b, row.total());
      num(b, row.overdue());
      b.append("</tr>");
    }
    b.append("</tbody></table></section>");
  }
}
