package uk.nhs.carecoord.rules;

import java.util.List;

/**
 * One rule set in force, as its DRL reads: for rule authors, coverage and the rule catalogue a
 * clinical safety officer signs off ({@link CareRules#describe()}).
 *
 * @param name the rule set's name (the file name without {@code .drl})
 * @param file the file it was read from, as problems name it
 * @param version the version the file declares ({@code // @version x}), or {@code unversioned}
 * @param digest a digest of the file's text: it changes whenever the file does
 * @param rules its rules, in file order
 */
public record RuleSetDescription(String name, String file, String version, String digest, List<RuleDescription> rules) {
  /** Copies the list. */
  public RuleSetDescription {
    rules = List.copyOf(rules);
  }
}
