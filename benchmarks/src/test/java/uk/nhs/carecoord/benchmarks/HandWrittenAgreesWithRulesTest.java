package uk.nhs.carecoord.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.synthetic.SyntheticPcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The benchmark's floor is only a fair floor if it decides what the rules decide. */
class HandWrittenAgreesWithRulesTest {
  /** The recommendations the hand-written baseline covers. */
  private static final Set<String> COVERED = Set.of("PAM_LEVEL_1_SMALL_STEPS", "PAM_LEVEL_2_BUILD_SKILLS",
      "PAM_LEVEL_3_PROBLEM_SOLVING", "PAM_LEVEL_4_SUSTAIN", "PAM_MEASURE", "PAM_REMEASURE", "PLAN_CREATE",
      "PLAN_SHARE", "PLAN_REVIEW_OVERDUE", "PLAN_SET_REVIEW_DATE");

  @Test
  void decidesTheSameCohortsObligationsAndCoreRecommendationsAsTheRules() {
    SyntheticPcn synthetic = Population.generate(400);
    CareRules rules = CareRules.builder().asOf(Population.AS_OF).build();
    HandWritten hand = new HandWritten(rules.thresholds(), rules.codeList(), Population.AS_OF);
    List<String> disagreements = new ArrayList<>();
    int cohorts = 0;
    int obligations = 0;
    int recommendations = 0;
    for (PatientCase c : synthetic.cases()) {
      PatientEvaluation byRules = rules.evaluate(c, synthetic.pcn());
      List<HandWritten.Decision> byHand = hand.evaluate(c, synthetic.pcn());

      Set<String> ruleCohorts = codes(byRules.cohorts().stream());
      Set<String> handCohorts = byHand.stream().filter(d -> d.kind().equals("COHORT"))
          .map(HandWritten.Decision::code).collect(Collectors.toCollection(TreeSet::new));
      cohorts += ruleCohorts.size();

      List<String> ruleObligations = byRules.obligations().stream()
          .map(f -> f.code() + "/" + f.priority()).sorted().toList();
      List<String> handObligations = byHand.stream().filter(d -> d.kind().equals("OBLIGATION"))
          .map(d -> d.code() + "/" + d.priority()).sorted().toList();
      obligations += ruleObligations.size();

      // Acknowledgements move a recommendation to "suppressed"; the decision to raise it is the same.
      Set<String> ruleRecommendations = codes(Stream.concat(byRules.recommendations().stream(), byRules.suppressed().stream())
          .filter(f -> COVERED.contains(f.code())));
      Set<String> handRecommendations = byHand.stream().filter(d -> d.kind().equals("RECOMMENDATION"))
          .map(HandWritten.Decision::code).collect(Collectors.toCollection(TreeSet::new));
      recommendations += ruleRecommendations.size();

      if (!ruleCohorts.equals(handCohorts) || !ruleObligations.equals(handObligations)
          || !ruleRecommendations.equals(handRecommendations)) {
        disagreements.add(c.patient().id() + ": rules " + ruleCohorts + ruleObligations + ruleRecommendations
            + " hand " + handCohorts + handObligations + handRecommendations);
      }
    }
    assertEquals(List.of(), disagreements);
    // The sample must exercise the decisions, or agreement means nothing.
    assertTrue(cohorts > 50, "cohorts " + cohorts);
    assertTrue(obligations > 0, "obligations " + obligations);
    assertTrue(recommendations > 50, "recommendations " + recommendations);
  }

  private static Set<String> codes(Stream<Finding> findings) {
    return findings.map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
  }
}
