package uk.nhs.carecoord.synthetic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodeClusters;

/**
 * Real SNOMED CT codes for generated records, taken from the built-in code clusters as published.
 * A record mostly holds a condition's usual concept, and otherwise one of the more specific
 * concepts its cluster also lists (as GP systems record them), so the rules see the same spread of
 * codes a practice's data has. A few conditions a GP records have no cluster here: their codes
 * stay on the record and are what the coding-coverage report counts.
 */
final class Coding {
  static final CodeClusters CLUSTERS = CodeClusters.builtIn();

  /** Concepts of conditions in no built-in cluster, with the terms a GP system shows. */
  private static final Map<String, String> UNCLUSTERED =
      Map.of(
          "197480006", "Anxiety disorder",
          "396275006", "Osteoarthritis",
          "40930008", "Hypothyroidism",
          "414916001", "Obesity",
          "15188001", "Hearing loss",
          "397540003", "Visual impairment",
          "66590003", "Alcohol dependence",
          "191816009", "Drug dependence");

  /** One way of coding something: a cluster, its usual concepts and how often one of them is used. */
  record Choice(List<String> usual, double usualShare, List<String> all) {
    /** A code: one of the usual concepts (equally likely), else any concept of the cluster. */
    String draw(Rng r) {
      return r.chance(usualShare) ? usual.get(r.below(usual.size())) : r.pick(all);
    }

    /** A usual concept chosen by weight (one weight each), else any concept of the cluster. */
    String draw(Rng r, double... weights) {
      return r.chance(usualShare) ? usual.get(r.weighted(weights)) : r.pick(all);
    }
  }

  private Coding() {}

  /**
   * The coding of a cluster by its usual concepts; fails at class initialisation if the cluster or a
   * usual concept is missing from the built-in lists, so a new release cannot silently change what
   * the generator records.
   */
  static Choice choice(String clusterId, double usualShare, String... usual) {
    CodeCluster cluster = cluster(clusterId);
    for (String code : usual) {
      if (!cluster.contains(code)) {
        throw new IllegalStateException(code + " is not in the built-in cluster " + clusterId);
      }
    }
    return new Choice(List.of(usual), usualShare, List.copyOf(cluster.codes().keySet()));
  }

  /** One concept of a cluster, checked to be in it (fails at class initialisation otherwise). */
  static String code(String clusterId, String code) {
    return choice(clusterId, 1, code).usual().get(0);
  }

  /** A code in no built-in cluster, checked to be one this class knows and truly unclustered. */
  static String unclustered(String code) {
    if (!UNCLUSTERED.containsKey(code) || !CLUSTERS.clustersOf(code).isEmpty()) {
      throw new IllegalStateException(code + " is not a known unclustered code");
    }
    return code;
  }

  /** The term of a code: its term in the first cluster listing it, or the unclustered term. */
  static String display(String code) {
    List<CodeCluster> in = CLUSTERS.clustersOf(code);
    String term = in.isEmpty() ? UNCLUSTERED.get(code) : in.get(0).codes().get(code);
    return Optional.ofNullable(term).orElseThrow(() -> new IllegalStateException("no term for code " + code));
  }

  private static CodeCluster cluster(String id) {
    return CLUSTERS.cluster(id).orElseThrow(() -> new IllegalStateException("no built-in cluster " + id));
  }
}
