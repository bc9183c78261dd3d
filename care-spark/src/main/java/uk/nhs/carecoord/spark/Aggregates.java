package uk.nhs.carecoord.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.nhs.carecoord.reporting.Count;
import uk.nhs.carecoord.reporting.Suppression;

/**
 * The aggregate reports in two steps: the raw counts by Spark (three {@code groupBy} jobs over the
 * evaluations), then the few hundred counts suppressed and rounded on the driver by
 * care-reporting's own function, because whether a part is suppressed depends on its siblings (the
 * practices partition a total).
 */
final class Aggregates {
  static final String CASELOAD = "caseload";
  static final String FINDINGS = "findings";

  /** Raw counts of one run; any number of suppression settings can be applied to them. */
  record Raw(
      long people,
      long inNoCohort,
      Map<String, Long> peopleByPractice,
      Map<String, Map<String, Long>> cohortPeopleByPractice,
      Map<List<String>, long[]> findingsByKindAndCode) {}

  private Aggregates() {}

  /**
   * Counts in Spark.
   *
   * @throws IllegalArgumentException if two cases have the same patient id
   */
  static Raw countIn(Dataset<Row> evaluations, Dataset<Row> findings) {
    Row ids = evaluations.agg(count(lit(1)), countDistinct(col("patient_id"))).first();
    if (ids.getLong(0) != ids.getLong(1)) {
      throw new IllegalArgumentException(
          (ids.getLong(0) - ids.getLong(1)) + " cases repeat another case's patient id");
    }
    Dataset<Row> people = evaluations.select(
        col("practice_code"),
        exists(col("findings"), f -> f.getField("kind").equalTo("COHORT").and(not(f.getField("suppressed"))))
            .as("in_cohort"));
    Map<String, Long> byPractice = new TreeMap<>();
    long total = 0;
    long noCohort = 0;
    for (Row r : people.groupBy("practice_code")
        .agg(count(lit(1)), sum(when(col("in_cohort"), 0).otherwise(1)))
        .collectAsList()) {
      byPractice.put(r.getString(0), r.getLong(1));
      total += r.getLong(1);
      noCohort += r.getLong(2);
    }
    // Per kind, code and practice: findings, overdue findings, people. Patient ids are unique and
    // each person is at one practice, so people add up over practices.
    Map<String, Map<String, Long>> cohorts = new TreeMap<>();
    Map<List<String>, long[]> byCode = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    for (Row r : findings.filter(not(col("suppressed")))
        .groupBy("kind", "code", "practice_code")
        .agg(count(lit(1)),
            sum(when(col("due_on").lt(col("as_of")), 1).otherwise(0)),
            countDistinct(col("patient_id")))
        .collectAsList()) {
      String kind = r.getString(0);
      String code = r.getString(1);
      long[] sums = byCode.computeIfAbsent(List.of(kind, code), k -> new long[3]);
      sums[0] += r.getLong(3);
      sums[1] += r.getLong(4);
      sums[2] += r.getLong(5);
      if (kind.equals("COHORT")) {
        cohorts.computeIfAbsent(code, k -> new TreeMap<>()).put(r.getString(2), r.getLong(5));
      }
    }
    return new Raw(total, noCohort, byPractice, cohorts, byCode);
  }

  /** The suppressed counts as rows of {@link Schemas#AGGREGATES}, in order. */
  static List<Row> suppress(Raw raw, Suppression s) {
    List<Row> rows = new ArrayList<>();
    rows.add(row(CASELOAD, null, null, null, "people", s.count(raw.people())));
    rows.add(row(CASELOAD, null, null, null, "in_no_cohort", s.count(raw.inNoCohort())));
    partitioned(rows, raw.peopleByPractice(), raw.people(), s, null, null);
    raw.cohortPeopleByPractice().forEach((code, byPractice) -> {
      long people = byPractice.values().stream().mapToLong(Long::longValue).sum();
      rows.add(row(CASELOAD, null, "COHORT", code, "people", s.count(people)));
      partitioned(rows, byPractice, people, s, "COHORT", code);
    });
    raw.findingsByKindAndCode().forEach((key, n) -> {
      rows.add(row(FINDINGS, null, key.get(0), key.get(1), "findings", s.count(n[0])));
      rows.add(row(FINDINGS, null, key.get(0), key.get(1), "overdue", s.count(n[1])));
      rows.add(row(FINDINGS, null, key.get(0), key.get(1), "people", s.count(n[2])));
    });
    rows.sort(ORDER);
    return rows;
  }

  /** Per-practice rows of a total: the practices partition it, so they are suppressed together. */
  private static void partitioned(
      List<Row> rows, Map<String, Long> byPractice, long total, Suppression s, String kind, String code) {
    List<String> codes = new ArrayList<>(byPractice.keySet());
    long[] parts = codes.stream().mapToLong(byPractice::get).toArray();
    List<Count> counts = s.partition(parts, total);
    for (int i = 0; i < codes.size(); i++) {
      rows.add(row(CASELOAD, codes.get(i), kind, code, "people", counts.get(i)));
    }
  }

  private static Row row(String report, String practice, String kind, String code, String measure, Count c) {
    return RowFactory.create(report, practice, kind, code, measure, c.display(), c.isSuppressed());
  }

  /** Report, kind, code, then all practices before each practice, then measure. */
  private static final Comparator<Row> ORDER =
      Comparator.<Row, String>comparing(r -> r.getString(0))
          .thenComparing(r -> r.getString(2), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.getString(3), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.getString(1), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(r -> r.getString(4));
}
