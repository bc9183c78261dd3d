package uk.nhs.carecoord.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule, as its DRL reads.
 *
 * @param ruleSet the rule set it belongs to
 * @param name the rule's name
 * @param line the line of its {@code rule} keyword
 * @param raises what it raises, in the order written
 * @param thresholds the thresholds it reads, by name, with the values in force
 * @param codesMatched output codes its conditions compare with (it depends on the rules raising them)
 * @param clusterMeanings the code-cluster meanings its conditions match ({@code ClusterMeaning} names)
 * @param clusters the ids of the code clusters in force it depends on ({@code DM_COD}, {@code HYP_COD}…):
 *     every cluster with one of those meanings, and any its conditions name ({@code clusterId == "DM_COD"})
 */
public record RuleDescription(
    String ruleSet,
    String name,
    int line,
    List<RaisedOutput> raises,
    Map<String, String> thresholds,
    Set<String> codesMatched,
    Set<String> clusterMeanings,
    Set<String> clusters) {
  /** Copies the collections. */
  public RuleDescription {
    raises = List.copyOf(raises);
    thresholds = Map.copyOf(thresholds);
    codesMatched = Set.copyOf(codesMatched);
    clusterMeanings = Set.copyOf(clusterMeanings);
    clusters = Set.copyOf(clusters);
  }
}
