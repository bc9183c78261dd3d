package uk.nhs.carecoord.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.carecoord.rules.RuleProblem;
import uk.nhs.carecoord.rules.RuleSource;

/**
 * Types rule files imported from packages they have since left. Drools reports such an import
 * only where the type is used ("Unable to find class 'Outcomes'"), which does not say what to
 * change; a failed build adds one problem per stale import, on its line, naming the new package.
 */
final class MovedTypes {
  private static final String RULES = "uk.nhs.carecoord.rules.";
  private static final String AUTHORING = "uk.nhs.carecoord.rules.authoring.";
  private static final String FACTS = "uk.nhs.carecoord.rules.facts.";
  /** Types that left {@code uk.nhs.carecoord.rules} for the rule author's package. */
  private static final Map<String, String> MOVED = Map.of(
      RULES + "Outcomes", AUTHORING + "Outcomes",
      RULES + "Outcome", AUTHORING + "Outcome",
      RULES + "Thresholds", AUTHORING + "Thresholds",
      RULES + "Scenario", AUTHORING + "Scenario",
      RULES + "ScenarioCoverage", AUTHORING + "ScenarioCoverage",
      RULES + "RuleCatalogue", AUTHORING + "RuleCatalogue");

  private MovedTypes() {}

  /** Where an imported type (or {@code package.*}) lives now, if it moved. */
  static Optional<String> movedTo(String imported) {
    if (imported.startsWith(FACTS)) {
      return Optional.of(AUTHORING + imported.substring(FACTS.length()));
    }
    return Optional.ofNullable(MOVED.get(imported));
  }

  /** A problem for every import of a moved type in these files. */
  static List<RuleProblem> problems(List<RuleSource> sources) {
    List<RuleProblem> problems = new ArrayList<>();
    for (RuleSource source : sources) {
      for (DrlReader.Import i : DrlReader.read(source).imports()) {
        movedTo(i.name()).ifPresent(now -> problems.add(new RuleProblem(source.name(), i.line(),
            "'" + i.name() + "' has moved: import " + now + " instead (care-rules README, 'Moving to the authoring package')")));
      }
    }
    return problems;
  }
}
