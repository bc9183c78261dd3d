package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.rules.authoring.RuleCatalogue;
import uk.nhs.carecoord.rules.authoring.Scenario;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/** The rule base described from its DRL, and the catalogue generated from that description. */
class RuleCatalogueTest {
  private static final CareRules RULES = CareRules.builder().build();

  @Test
  void describesEveryRuleSetAndRuleWithWhatItRaisesAndTheThresholdValuesInForce() {
    List<RuleSetDescription> sets = RULES.describe();
    assertEquals(List.copyOf(RULES.ruleSetVersions().keySet()), sets.stream().map(RuleSetDescription::name).toList());
    for (RuleSetDescription set : sets) {
      assertEquals(RULES.ruleSetVersions().get(set.name()), set.version() + "+" + set.digest());
    }
    RuleDescription careHome = rule(RULES, "cohorts", "Care home resident");
    assertEquals(List.of(new RaisedOutput(FindingKind.COHORT, "CARE_HOME", "Care home", java.util.Optional.of(Priority.HIGH))),
        careHome.raises());
    RuleDescription cfs = rule(RULES, "cohorts", "Frail older person by Clinical Frailty Scale");
    assertEquals("5", cfs.thresholds().get("frailCfs"));
    assertEquals("6", rule(RULES.withThresholds(Thresholds.builder().frailCfs(6).build()), "cohorts",
        "Frail older person by Clinical Frailty Scale").thresholds().get("frailCfs"), "the values in force");
    RuleDescription frailBenefits = RULES.describe().stream().flatMap(s -> s.rules().stream())
        .filter(r -> r.codesMatched().contains("FRAIL_ELDERLY")).findFirst().orElseThrow();
    assertEquals("recommendations", frailBenefits.ruleSet());
  }

  @Test
  void theCatalogueNamesEveryRuleWithItsScenariosAndFlagsRulesNoScenarioExercises() throws Exception {
    List<Scenario.Result> cohortsOnly = Scenario.runAll(Scenario.find(ScenarioCoverageTest.scenarios("/cohorts")), RULES);
    RuleCatalogue catalogue = RuleCatalogue.of(RULES, cohortsOnly);
    String md = catalogue.markdown();
    String html = catalogue.html();
    for (RuleSetDescription set : RULES.describe()) {
      assertTrue(md.contains("## " + set.name() + " (" + set.version() + ", `" + set.digest() + "`)"), set.name());
      for (RuleDescription r : set.rules()) {
        assertTrue(md.contains("### " + r.name().replace("|", "\\|") + "\n"), r.name());
        assertTrue(html.contains(r.name().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")),
            r.name());
      }
    }
    assertTrue(md.contains("`CARE_HOME` Care home (COHORT, HIGH)"), md);
    assertTrue(md.contains("- thresholds: `frailCfs` = 5; `frailtyAge` = 65"), md);
    assertTrue(md.contains("care-home-resident.json"), md);
    assertTrue(html.contains("<td class=\"none\">none</td>"), "training rules exercised by no cohort scenario");
    assertFalse(html.contains("<script"), "no script: a document to sign off");
    assertTrue(RuleCatalogue.of(RULES, List.of()).markdown().contains("- scenarios: not run"));
  }

  static RuleDescription rule(CareRules rules, String set, String name) {
    return rules.describe().stream().filter(s -> s.name().equals(set)).flatMap(s -> s.rules().stream())
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(set + "/" + name));
  }

}
