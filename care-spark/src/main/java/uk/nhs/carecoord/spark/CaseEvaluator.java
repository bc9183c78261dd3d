package uk.nhs.carecoord.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CareJsonException;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Evaluates one partition of cases ({@link Schemas#CASES}) into one row per person ({@link
 * Schemas#EVALUATED}). Serialised to executors with only its {@link RuleSpec}; the compiled rules
 * come from the executor's {@link ExecutorRules}.
 */
final class CaseEvaluator implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final RuleSpec spec;

  CaseEvaluator(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> cases) {
    ExecutorRules rules = ExecutorRules.of(spec);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return cases.hasNext();
      }

      @Override
      public Row next() {
        Row in = cases.next();
        return evaluate(rules, in.getString(0), in.getString(1));
      }
    };
  }

  /** One person's row; bad input is a {@link CaseInputException} naming the source file. */
  static Row evaluate(ExecutorRules rules, String source, String json) {
    if (json == null) {
      throw new CaseInputException(source, "a case is null (an empty row?)", null);
    }
    PatientCase c;
    try {
      c = CareJson.read(json, PatientCase.class);
    } catch (CareJsonException e) {
      throw new CaseInputException(source, e.getMessage(), e);
    }
    PatientEvaluation e;
    try {
      Pcn pcn = rules.pcnOf(c.patient().practiceCode()).orElse(null);
      e = pcn == null ? rules.rules().evaluate(c) : rules.rules().evaluate(c, pcn);
    } catch (ModelValidationException invalid) {
      // e.g. the case records something after the reference date
      throw new CaseInputException(
          source, "as of " + rules.rules().today() + ": " + invalid.getMessage(), invalid);
    }
    return toRow(e, c.patient().practiceCode());
  }

  /**
   * The evaluation as a row of {@link Schemas#EVALUATED}: every finding, held-back ones marked.
   * Arrays, not lists: Spark's row encoder takes Java arrays and Scala sequences.
   */
  static Row toRow(PatientEvaluation e, String practiceCode) {
    List<Row> findings = new ArrayList<>();
    for (List<Finding> shown : List.of(e.cohorts(), e.obligations(), e.recommendations())) {
      for (Finding f : shown) {
        findings.add(finding(f, false));
      }
    }
    for (Finding f : e.suppressed()) {
      findings.add(finding(f, true));
    }
    return RowFactory.create(
        e.patientId(), practiceCode, e.asOf().toString(), e.codeListVersion(), findings.toArray(new Row[0]));
  }

  private static Row finding(Finding f, boolean suppressed) {
    List<Row> decisions = new ArrayList<>(f.decisions().size());
    for (DecisionRecord d : f.decisions()) {
      decisions.add(RowFactory.create(d.rule(), d.ruleSet(), d.ruleSetVersion(), d.ruleSetDigest()));
    }
    return RowFactory.create(
        f.kind().name(),
        f.code(),
        f.subject(),
        f.priority().name(),
        f.dueOn().map(Object::toString).orElse(null),
        suppressed,
        f.text(),
        f.factsFingerprint(),
        decisions.toArray(new Row[0]));
  }
}
