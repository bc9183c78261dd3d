package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.ClusterMeaning;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodeClusters;
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

  @Test
  void eachRuleNamesTheCodeClustersInForceItDependsOn() {
    CodeClusters builtIn = CodeClusters.builtIn();
    RuleDescription mltc = rule(RULES, "cohorts", "Multiple long-term conditions");
    Set<String> expected = builtIn.clusters().stream()
        .filter(c -> mltc.clusterMeanings().contains(c.meaning().name())).map(CodeCluster::id).collect(Collectors.toSet());
    assertEquals(expected, mltc.clusters());
    assertTrue(mltc.clusters().containsAll(Set.of("DM_COD", "HYP_COD", "DEM_COD", "LD_COD")), mltc.clusters().toString());
    assertFalse(mltc.clusters().contains("HOUSEBOUND_OS"), "a cluster of another meaning");
    RuleDescription verdict = RULES.describe().stream().filter(s -> s.name().equals("training")).flatMap(s -> s.rules().stream())
        .filter(r -> r.raises().stream().anyMatch(o -> o.code().equals("ARRS_COMPLIANT"))).findFirst().orElseThrow();
    assertEquals(Set.of(), verdict.clusters(), "training rules read no coded entries");

    RuleCatalogue catalogue = RuleCatalogue.of(RULES, List.of());
    String md = catalogue.markdown();
    String section = md.substring(md.indexOf("### Multiple long-term conditions\n"));
    section = section.substring(0, section.indexOf("\n### ", 5));
    assertTrue(section.contains("- code clusters: ") && section.contains("`DM_COD`") && section.contains("`HYP_COD`")
        && section.contains("(meanings: "), section);
    assertTrue(catalogue.html().contains("<code>DM_COD</code>"));

    // The clusters in force, not a list of the built-in ones: a PCN's own cluster of a meaning joins.
    CodeClusters withLocal = builtIn.toBuilder().add(CodeCluster.builder().id("LOCAL_LTC_COD").source("local").release("20260101")
        .meaning(ClusterMeaning.LONG_TERM_CONDITION_PHYSICAL).condition("LOCAL_CONDITION").code("123456789", "A local condition")
        .build()).build();
    CareRules local = CareRules.builder().codeClusters(withLocal).build();
    assertTrue(rule(local, "cohorts", "Multiple long-term conditions").clusters().contains("LOCAL_LTC_COD"));
    assertFalse(mltc.clusters().contains("LOCAL_LTC_COD"));
  }

  @Test
  void aRuleNamingClusterIdsInItsConditionsDependsOnThem(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("local.drl"), """
        package local.clusters;
        import uk.nhs.carecoord.rules.authoring.*;
        import uk.nhs.carecoord.rules.Priority;
        global Outcomes out;

        rule "Diabetes or asthma coded"
        when
            CodedEntryFact( clusterId == "DM_COD" || clusterId in ( "AST_COD", "COPD_COD" ) )
        then
            out.cohort(drools, "HOUSEBOUND", Priority.LOW);
        end
        """);
    Files.writeString(dir.resolve("outputs.json"), CareRulesTest.LOCAL_OUTPUTS);
    CareRules rules = CareRules.builder().ruleDirectory(dir).build();
    RuleDescription named = rule(rules, "local", "Diabetes or asthma coded");
    assertEquals(Set.of("DM_COD", "AST_COD", "COPD_COD"), named.clusters());
    assertEquals(Set.of(), named.clusterMeanings());
  }

  static RuleDescription rule(CareRules rules, String set, String name) {
    return rules.describe().stream().filter(s -> s.name().equals(set)).flatMap(s -> s.rules().stream())
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(set + "/" + name));
  }

}
