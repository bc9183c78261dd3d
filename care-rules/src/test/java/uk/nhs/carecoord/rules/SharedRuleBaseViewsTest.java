package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * Views of one rule base ({@link CareRules#asOf}, {@link CareRules#withThresholds}) share its
 * sessions, which keep the thresholds and reference date set until they change, and its coding
 * parts for fully recognised records, kept per reference date and entry count: whatever was
 * evaluated before, in whatever order, each evaluation sees its own view's date and thresholds.
 */
class SharedRuleBaseViewsTest {
  static final LocalDate AS_OF = CodingPropertiesTest.AS_OF;
  static final CareRules RULES = CareRules.builder().asOf(AS_OF).build();
  /** Three conditions needed, not two: a person with two is then in no cohort. */
  static final Thresholds STRICT = Thresholds.builder().from(Thresholds.defaults()).multimorbidityConditions(3).build();

  /** Breast cancer, recent (within 60 months) only as of two days or more before AS_OF. */
  static final String BREAST_CANCER = "254837009";
  static final LocalDate CANCER_CODED_ON = AS_OF.minusMonths(60).minusDays(1);

  /** One evaluation: which view (days before AS_OF, strict or default thresholds), and how many hypertension entries besides diabetes and cancer. */
  record Step(int daysBefore, boolean strict, int extraEntries) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.integers().between(0, 40))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 40)
  void everyEvaluationSeesItsOwnViewWhateverCameBefore(@ForAll("steps") List<Step> steps) {
    for (Step s : steps) {
      LocalDate asOf = AS_OF.minusDays(s.daysBefore());
      CareRules view = RULES.asOf(asOf);
      if (s.strict()) {
        view = view.withThresholds(STRICT);
      }
      List<CodedEntry> entries = new ArrayList<>();
      entries.add(CodedEntry.builder().snomedCode(CodingPropertiesTest.DIABETES).recordedOn(AS_OF.minusYears(6)).build());
      entries.add(CodedEntry.builder().snomedCode(BREAST_CANCER).recordedOn(CANCER_CODED_ON).build());
      for (int i = 0; i < s.extraEntries(); i++) {
        entries.add(CodedEntry.builder().snomedCode(CodingPropertiesTest.HYPERTENSION).recordedOn(AS_OF.minusYears(5).plusDays(i)).build());
      }
      PatientCase person = CodingPropertiesTest.person(50, entries);

      PatientEvaluation e = view.evaluate(person);

      int count = entries.size();
      assertEquals(count, e.coding().codedEntries(), "coded entries");
      assertEquals(count, e.coding().recognised(), "recognised");
      assertEquals(asOf, e.coding().decision().asOf(), "coding decision's reference date");
      assertEquals(String.valueOf(count), e.coding().decision().facts().get("codedEntries"), "coding decision's count");
      assertEquals(asOf, e.asOf(), "evaluation's reference date");
      // Diabetes and cancer are two conditions, three with hypertension: two are enough by default.
      int conditions = s.extraEntries() > 0 ? 3 : 2;
      assertEquals(conditions >= (s.strict() ? 3 : 2), e.codes().contains("MULTIPLE_LONG_TERM_CONDITIONS"),
          conditions + " conditions, " + (s.strict() ? "three" : "two") + " needed");
      assertEquals(s.daysBefore() >= 2, e.codes().contains("CANCER"), "cancer coded on " + CANCER_CODED_ON + " recent as of " + asOf);
    }
  }
}
