package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;
import static uk.nhs.carecoord.reporting.Html.td;
import static uk.nhs.carecoord.reporting.Html.th;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.rules.CodingCoverage;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The {@link CodingCoverageReport}: unrecognised codes, from each evaluation's coding part. */
final class CodingCoverageSection implements Section<CodingCoverageReport> {
  static final CodingCoverageSection SECTION = new CodingCoverageSection();

  private CodingCoverageSection() {}

  @Override
  public Class<CodingCoverageReport> type() {
    return CodingCoverageReport.class;
  }

  @Override
  public String jsonFile() {
    return "coding.json";
  }

  @Override
  public Tally<CodingCoverageReport> start(ReportContext context) {
    return new CodingTally(context);
  }

  /** Counters per practice and per unrecognised code: bounded by practices and distinct codes. */
  private static final class CodingTally implements Tally<CodingCoverageReport> {
    private final ReportContext context;
    private final Map<String, long[]> memberPractices = new LinkedHashMap<>();
    private final Map<String, long[]> otherPractices = new TreeMap<>();
    private final Map<String, String> names = new HashMap<>();
    /** Per code: people, entries. */
    private final Map<String, long[]> byCode = new HashMap<>();
    private final Map<String, String> terms = new HashMap<>();
    private final Set<String> versions = new TreeSet<>();
    private long people;
    private long withUnrecognised;
    private long entries;
    private long unrecognised;

    CodingTally(ReportContext context) {
      this.context = context;
      for (Practice p : context.pcn().practices()) {
        memberPractices.put(p.odsCode(), new long[2]);
        names.put(p.odsCode(), p.name());
      }
    }

    @Override
    public void add(PatientCase c, PatientEvaluation e) {
      if (c == null || e == null) {
        return;
      }
      CodingCoverage coding = e.coding();
      versions.add(e.codeListVersion());
      people++;
      entries += coding.codedEntries();
      unrecognised += coding.unrecognised().size();
      boolean any = !coding.unrecognised().isEmpty();
      withUnrecognised += any ? 1 : 0;
      String practice = c.patient().practiceCode();
      long[] row = memberPractices.get(practice);
      row = row != null ? row : otherPractices.computeIfAbsent(practice, k -> new long[2]);
      row[0]++;
      row[1] += any ? 1 : 0;
      Set<String> seen = new HashSet<>();
      for (CodedEntry entry : coding.unrecognised()) {
        String code = entry.snomedCode();
        long[] counts = byCode.computeIfAbsent(code, k -> new long[2]);
        counts[1]++;
        if (seen.add(code)) {
          counts[0]++;
        }
        entry.display().filter(t -> !t.isBlank()).ifPresent(t -> terms.merge(code, t, (a, b) -> a.compareTo(b) <= 0 ? a : b));
      }
    }

    @Override
    public CodingCoverageReport finish() {
      Suppression s = context.suppression();
      Map<String, long[]> practices = new LinkedHashMap<>(memberPractices);
      practices.putAll(otherPractices);
      List<String> codes = new ArrayList<>(practices.keySet());
      long[] peopleColumn = new long[codes.size()];
      long[] unrecognisedColumn = new long[codes.size()];
      for (int i = 0; i < codes.size(); i++) {
        peopleColumn[i] = practices.get(codes.get(i))[0];
        unrecognisedColumn[i] = practices.get(codes.get(i))[1];
      }
      // Practices partition both columns: suppressed as parts of their totals.
      List<Count> peopleCounts = s.partition(peopleColumn, people);
      List<Count> unrecognisedCounts = s.partition(unrecognisedColumn, withUnrecognised);
      List<CodingCoverageReport.PracticeRow> rows = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        rows.add(new CodingCoverageReport.PracticeRow(
            codes.get(i), names.getOrDefault(codes.get(i), ""), peopleCounts.get(i), unrecognisedCounts.get(i)));
      }
      List<Map.Entry<String, long[]>> shown =
          byCode.entrySet().stream()
              .filter(en -> !s.suppresses(en.getValue()[0]))
              .sorted(Comparator.comparingLong((Map.Entry<String, long[]> en) -> -en.getValue()[0])
                  .thenComparing(Map.Entry::getKey))
              .limit(CodingCoverageReport.MOST_FREQUENT)
              .toList();
      List<CodingCoverageReport.CodeRow> top = new ArrayList<>();
      for (Map.Entry<String, long[]> en : shown) {
        top.add(new CodingCoverageReport.CodeRow(
            en.getKey(), terms.getOrDefault(en.getKey(), ""), s.count(en.getValue()[0]), s.count(en.getValue()[1])));
      }
      return new CodingCoverageReport(
          context.asOf(), List.copyOf(versions), s.count(people), s.count(withUnrecognised), s.count(entries),
          s.count(unrecognised), rows, top, s.count(byCode.size() - top.size()));
    }
  }

  @Override
  public List<CsvTable> csv(CodingCoverageReport r, Labels labels) {
    List<List<String>> practices = new ArrayList<>();
    r.practices().forEach(p -> practices.add(
        List.of(p.odsCode(), p.name(), p.people().display(), p.withUnrecognisedCodes().display())));
    practices.add(List.of("TOTAL", "", r.people().display(), r.peopleWithUnrecognisedCodes().display()));
    List<List<String>> codes = new ArrayList<>();
    r.mostFrequent().forEach(c -> codes.add(List.of(c.snomedCode(), c.term(), c.people().display(), c.entries().display())));
    List<List<String>> summary = List.of(
        List.of("code_list_versions", String.join(" ", r.codeListVersions())),
        List.of("coded_entries", r.codedEntries().display()),
        List.of("unrecognised_entries", r.unrecognisedEntries().display()),
        List.of("unlisted_unrecognised_codes", r.unlistedCodes().display()));
    return List.of(
        new CsvTable("coding-coverage-practices.csv",
            List.of("ods_code", "practice", "people", "with_unrecognised_codes"), practices),
        new CsvTable("coding-coverage-codes.csv", List.of("snomed_code", "term", "people", "entries"), codes),
        new CsvTable("coding-coverage-summary.csv", List.of("measure", "value"), summary));
  }

  @Override
  public void html(CodingCoverageReport r, Labels labels, StringBuilder b) {
    b.append("<section id=\"coding\"><h2>Coding coverage</h2>");
    b.append("<p>People with codes no cluster recognises: <span id=\"with-unrecognised\">")
        .append(esc(r.peopleWithUnrecognisedCodes().display())).append("</span> of ").append(esc(r.people().display()))
        .append("; unrecognised entries: ").append(esc(r.unrecognisedEntries().display())).append(" of ")
        .append(esc(r.codedEntries().display())).append(". Code lists: ")
        .append(esc(String.join(", ", r.codeListVersions()))).append(".</p>");
    b.append("<table id=\"coding-practices\"><thead><tr>").append(th("Practice")).append(th("People"))
        .append(th("With unrecognised codes")).append("</tr></thead><tbody>");
    for (CodingCoverageReport.PracticeRow row : r.practices()) {
      b.append("<tr data-practice=\"").append(esc(row.odsCode())).append("\">")
          .append(td(row.name().isEmpty() ? row.odsCode() : row.name() + " (" + row.odsCode() + ")"));
      Html.number(b, row.people());
      Html.number(b, row.withUnrecognisedCodes());
      b.append("</tr>");
    }
    b.append("</tbody></table><table id=\"unrecognised-codes\"><thead><tr>").append(th("SNOMED CT code"))
        .append(th("Term")).append(th("People")).append(th("Entries")).append("</tr></thead><tbody>");
    for (CodingCoverageReport.CodeRow row : r.mostFrequent()) {
      b.append("<tr data-code=\"").append(esc(row.snomedCode())).append("\">").append(td(row.snomedCode()))
          .append(td(row.term()));
      Html.number(b, row.people());
      Html.number(b, row.entries());
      b.append("</tr>");
    }
    b.append("</tbody></table>");
    if (!r.unlistedCodes().equals(Count.shown(0))) {
      b.append("<p class=\"note\">").append(esc(r.unlistedCodes().display()))
          .append(" other unrecognised codes are not listed: held by too few people, or beyond the ")
          .append(CodingCoverageReport.MOST_FREQUENT).append(" most frequent.</p>");
    }
    b.append("</section>");
  }
}
