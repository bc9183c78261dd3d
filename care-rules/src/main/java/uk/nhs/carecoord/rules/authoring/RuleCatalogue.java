package uk.nhs.carecoord.rules.authoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.RaisedOutput;
import uk.nhs.carecoord.rules.RuleDescription;
import uk.nhs.carecoord.rules.RuleSetDescription;

/**
 * The rule catalogue a clinical safety officer reviews: the rule base in force described from its
 * DRL, never written by hand, so it cannot drift from the rules. For each rule set its version and
 * digest; for each rule what it raises (code, label, priority), the thresholds it reads with their
 * values in force, the output codes and the code clusters (ids such as {@code DM_COD}, and their meanings) it depends on, and the scenarios that
 * exercise it. Rendered as one self-contained HTML page or as Markdown.
 */
public final class RuleCatalogue {
  private final List<RuleSetDescription> ruleSets;
  private final OutputCatalogue outputs;
  private final Optional<ScenarioCoverage> coverage;

  private RuleCatalogue(List<RuleSetDescription> ruleSets, OutputCatalogue outputs, Optional<ScenarioCoverage> coverage) {
    this.ruleSets = ruleSets;
    this.outputs = outputs;
    this.coverage = coverage;
  }

  /**
   * The catalogue of these rules; {@code scenarioResults} (empty for none run) name the scenarios
   * that exercise each rule.
   */
  public static RuleCatalogue of(CareRules rules, List<Scenario.Result> scenarioResults) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(scenarioResults, "scenarioResults");
    List<RuleSetDescription> sets = rules.describe();
    return new RuleCatalogue(sets, rules.outputs(),
        scenarioResults.isEmpty() ? Optional.empty() : Optional.of(ScenarioCoverage.of(sets, scenarioResults)));
  }

  /** The catalogue as Markdown. */
  public String markdown() {
    StringBuilder s = new StringBuilder("# Rule catalogue\n\n");
    s.append("Generated from the rules in force; do not edit. ").append(summary()).append("\n\n");
    s.append("| rule set | version | digest | rules |\n| --- | --- | --- | --- |\n");
    for (RuleSetDescription set : ruleSets) {
      s.append("| ").append(md(set.name())).append(" | ").append(md(set.version())).append(" | `").append(set.digest())
          .append("` | ").append(set.rules().size()).append(" |\n");
    }
    for (RuleSetDescription set : ruleSets) {
      s.append("\n## ").append(md(set.name())).append(" (").append(md(set.version())).append(", `").append(set.digest())
          .append("`)\n\nFile `").append(md(set.file())).append("`.\n");
      for (RuleDescription rule : set.rules()) {
        s.append("\n### ").append(md(rule.name())).append("\n\n");
        s.append("- line ").append(rule.line()).append('\n');
        s.append("- raises: ").append(rule.raises().isEmpty() ? "nothing" : rule.raises().stream()
            .map(r -> "`" + r.code() + "` " + md(r.label()) + " (" + r.kind() + ", " + priority(r) + ")")
            .collect(Collectors.joining("; "))).append('\n');
        s.append("- thresholds: ").append(rule.thresholds().isEmpty() ? "none" : thresholds(rule, "`%s` = %s")).append('\n');
        if (!rule.codesMatched().isEmpty()) {
          s.append("- depends on outputs: ").append(rule.codesMatched().stream().sorted()
              .map(c -> "`" + c + "` " + md(outputs.label(c))).collect(Collectors.joining("; "))).append('\n');
        }
        s.append("- code clusters: ").append(rule.clusters().isEmpty() ? "none"
            : rule.clusters().stream().sorted().map(c -> "`" + c + "`").collect(Collectors.joining(", ")));
        if (!rule.clusterMeanings().isEmpty()) {
          s.append(" (meanings: ").append(rule.clusterMeanings().stream().sorted().collect(Collectors.joining(", "))).append(')');
        }
        s.append('\n');
        s.append("- scenarios: ").append(scenarios(rule)).append('\n');
      }
    }
    return s.toString();
  }

  /** The catalogue as one self-contained HTML page. */
  public String html() {
    StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Rule catalogue</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0}"
        + "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}"
        + "code{background:#f4f4f4}.none{color:#a00}</style></head><body>\n");
    s.append("<h1>Rule catalogue</h1>\n<p>Generated from the rules in force; do not edit. ").append(esc(summary()))
        .append("</p>\n<table><tr><th>rule set</th><th>version</th><th>digest</th><th>rules</th></tr>\n");
    for (RuleSetDescription set : ruleSets) {
      s.append("<tr><td><a href=\"#").append(esc(set.name())).append("\">").append(esc(set.name())).append("</a></td><td>")
          .append(esc(set.version())).append("</td><td><code>").append(esc(set.digest())).append("</code></td><td>")
          .append(set.rules().size()).append("</td></tr>\n");
    }
    s.append("</table>\n");
    for (RuleSetDescription set : ruleSets) {
      s.append("<h2 id=\"").append(esc(set.name())).append("\">").append(esc(set.name())).append(" <small>")
          .append(esc(set.version())).append(" · <code>").append(esc(set.digest())).append("</code> · ")
          .append(esc(set.file())).append("</small></h2>\n<table><tr><th>rule</th><th>raises</th><th>thresholds</th>"
              + "<th>depends on</th><th>scenarios</th></tr>\n");
      for (RuleDescription rule : set.rules()) {
        s.append("<tr><td>").append(esc(rule.name())).append(" <small>(line ").append(rule.line()).append(")</small></td><td>");
        s.append(rule.raises().stream().map(r -> "<code>" + esc(r.code()) + "</code> " + esc(r.label()) + " <small>("
            + r.kind() + ", " + priority(r) + ")</small>").collect(Collectors.joining("<br>")));
        s.append("</td><td>").append(rule.thresholds().isEmpty() ? "" : esc(thresholds(rule, "%s = %s")).replace("; ", "<br>"));
        s.append("</td><td>");
        List<String> depends = new java.util.ArrayList<>();
        rule.codesMatched().stream().sorted().forEach(c -> depends.add("<code>" + esc(c) + "</code> " + esc(outputs.label(c))));
        if (!rule.clusters().isEmpty()) {
          depends.add("code clusters " + rule.clusters().stream().sorted().map(c -> "<code>" + esc(c) + "</code>")
              .collect(Collectors.joining(", "))
              + (rule.clusterMeanings().isEmpty() ? "" : " <small>(meanings: "
                  + esc(rule.clusterMeanings().stream().sorted().collect(Collectors.joining(", "))) + ")</small>"));
        }
        s.append(String.join("<br>", depends));
        String scenarios = scenarios(rule);
        s.append("</td><td").append(scenarios.equals("none") ? " class=\"none\"" : "").append('>').append(esc(scenarios))
            .append("</td></tr>\n");
      }
      s.append("</table>\n");
    }
    return s.append("</body></html>\n").toString();
  }

  private String summary() {
    int rules = ruleSets.stream().mapToInt(set -> set.rules().size()).sum();
    String text = ruleSets.size() + " rule sets, " + rules + " rules.";
    return coverage.map(c -> text + " " + (rules - c.uncovered().size()) + " of " + rules + " rules exercised by scenarios.")
        .orElse(text + " No scenarios were run.");
  }

  private String scenarios(RuleDescription rule) {
    if (coverage.isEmpty()) {
      return "not run";
    }
    List<String> names = coverage.get().scenariosOf(rule.ruleSet(), rule.name());
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static String priority(RaisedOutput r) {
    return r.priority().map(Enum::name).orElse("priority set in the rule");
  }

  private static String thresholds(RuleDescription rule, String format) {
    return rule.thresholds().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> String.format(format, e.getKey(), e.getValue())).collect(Collectors.joining("; "));
  }

  private static String md(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
