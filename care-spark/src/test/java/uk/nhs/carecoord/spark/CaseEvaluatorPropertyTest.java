package uk.nhs.carecoord.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.apache.spark.sql.Row;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** What a partition emits for one case, without Spark: the case's evaluation, finding for finding. */
class CaseEvaluatorPropertyTest {
  private static final ExecutorRules RULES =
      ExecutorRules.of(new RuleSpec(CareArbitraries.DEFAULT_AS_OF, Map.of(), List.of()));

  @Provide
  Arbitrary<PatientCase> cases() {
    return CareArbitraries.patientCases();
  }

  @Property(tries = 150)
  void aRowHoldsEveryFindingOfTheCaseOnce(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = RULES.rules().evaluate(c);
    Row row = CaseEvaluator.evaluate(RULES, "cases.jsonl", CareJson.writeLine(c));

    assertEquals(c.patient().id(), row.getString(0));
    assertEquals(c.patient().practiceCode(), row.getString(1));
    assertEquals(e.asOf().toString(), row.getString(2));
    assertEquals(e.codeListVersion(), row.getString(3));
    List<String> expected = new ArrayList<>();
    for (List<Finding> shown : List.of(e.cohorts(), e.obligations(), e.recommendations())) {
      shown.forEach(f -> expected.add(line(f, false)));
    }
    e.suppressed().forEach(f -> expected.add(line(f, true)));
    List<String> actual = new ArrayList<>();
    for (Object o : (Object[]) row.get(4)) {
      Row f = (Row) o;
      StringBuilder decisions = new StringBuilder();
      for (Object d : (Object[]) f.get(8)) {
        Row r = (Row) d;
        decisions.append(r.getString(0)).append('@').append(r.getString(1)).append(':')
            .append(r.getString(2)).append('+').append(r.getString(3)).append(',');
      }
      actual.add(String.join("|", f.getString(0), f.getString(1), f.getString(2), f.getString(3),
          String.valueOf(f.getString(4)), String.valueOf(f.getBoolean(5)), f.getString(6), f.getString(7),
          decisions.toString()));
    }
    assertEquals(expected, actual);
  }

  @Property(tries = 50)
  void aFindingWithoutADueDateHasNoDueDate(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = RULES.rules().evaluate(c);
    Object[] findings = (Object[]) CaseEvaluator.toRow(e, "P1").get(4);
    List<Finding> all = new ArrayList<>();
    List.of(e.cohorts(), e.obligations(), e.recommendations(), e.suppressed()).forEach(all::addAll);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).dueOn().isEmpty()) {
        assertNull(((Row) findings[i]).get(4));
      }
    }
  }

  private static String line(Finding f, boolean suppressed) {
    StringBuilder decisions = new StringBuilder();
    f.decisions().forEach(d -> decisions.append(d.rule()).append('@').append(d.ruleSet()).append(':')
        .append(d.ruleSetVersion()).append('+').append(d.ruleSetDigest()).append(','));
    return String.join("|", f.kind().name(), f.code(), f.subject(), f.priority().name(),
        f.dueOn().map(Object::toString).orElse("null"), String.valueOf(suppressed), f.text(), f.factsFingerprint(),
        decisions.toString());
  }
}
