package uk.nhs.carecoord.rules.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.nhs.carecoord.rules.RuleDescription;
import uk.nhs.carecoord.rules.RuleSetDescription;

/**
 * Which rules a set of scenarios exercises: for every rule of the rule base in force, the scenarios
 * in which it fired (recorded by the engine as each rule fires, so rules that only derive facts for
 * others count too). A rule no scenario fires is a rule no test would notice breaking.
 *
 * <pre>{@code
 * List<Scenario.Result> results = Scenario.runAll(Scenario.find(dir), rules);
 * ScenarioCoverage coverage = ScenarioCoverage.of(rules.describe(), results);
 * coverage.uncovered();   // rules no scenario exercises
 * }</pre>
 */
public final class ScenarioCoverage {
  private final List<RuleCoverage> rules;

  private ScenarioCoverage(List<RuleCoverage> rules) {
    this.rules = rules;
  }

  /**
   * One rule and the scenarios that fired it.
   *
   * @param ruleSet the rule set's name
   * @param rule the rule's name
   * @param scenarios the names of the scenarios that fired it, in run order
   */
  public record RuleCoverage(String ruleSet, String rule, List<String> scenarios) {
    /** Copies the list. */
    public RuleCoverage {
      scenarios = List.copyOf(scenarios);
    }

    /** Whether some scenario fired it. */
    public boolean covered() {
      return !scenarios.isEmpty();
    }
  }

  /** The coverage of a rule base's rules by these scenario results. */
  public static ScenarioCoverage of(List<RuleSetDescription> ruleSets, List<Scenario.Result> results) {
    Objects.requireNonNull(ruleSets, "ruleSets");
    Objects.requireNonNull(results, "results");
    List<RuleCoverage> rules = new ArrayList<>();
    for (RuleSetDescription set : ruleSets) {
      for (RuleDescription rule : set.rules()) {
        Scenario.FiredRule key = new Scenario.FiredRule(set.name(), rule.name());
        List<String> by = results.stream().filter(r -> r.rulesFired().contains(key)).map(Scenario.Result::name).toList();
        rules.add(new RuleCoverage(set.name(), rule.name(), by));
      }
    }
    return new ScenarioCoverage(List.copyOf(rules));
  }

  /** Every rule, in rule-set then file order. */
  public List<RuleCoverage> rules() {
    return rules;
  }

  /** The rules no scenario fired. */
  public List<RuleCoverage> uncovered() {
    return rules.stream().filter(r -> !r.covered()).toList();
  }

  /** The scenarios that fired a rule (empty when none or no such rule). */
  public List<String> scenariosOf(String ruleSet, String rule) {
    return rules.stream().filter(r -> r.ruleSet().equals(ruleSet) && r.rule().equals(rule))
        .findFirst().map(RuleCoverage::scenarios).orElse(List.of());
  }

  /**
   * A plain-text report: per rule set, covered rules out of all, each rule with the number of
   * scenarios that fired it; then the rules no scenario exercises.
   */
  public String report() {
    StringBuilder s = new StringBuilder();
    String set = null;
    for (RuleCoverage r : rules) {
      if (!r.ruleSet().equals(set)) {
        set = r.ruleSet();
        String name = set;
        long all = rules.stream().filter(x -> x.ruleSet().equals(name)).count();
        long covered = rules.stream().filter(x -> x.ruleSet().equals(name) && x.covered()).count();
        s.append(set).append(": ").append(covered).append(" of ").append(all).append(" rules exercised\n");
      }
      s.append(String.format("  %4d  %s%n", r.scenarios().size(), r.rule()));
    }
    List<RuleCoverage> none = uncovered();
    if (none.isEmpty()) {
      s.append("Every rule is exercised by a scenario.\n");
    } else {
      s.append(none.size()).append(none.size() == 1 ? " rule" : " rules").append(" no scenario exercises:\n");
      none.forEach(r -> s.append("  ").append(r.ruleSet()).append(": ").append(r.rule()).append('\n'));
    }
    return s.toString();
  }
}
