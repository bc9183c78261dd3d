package uk.nhs.carecoord.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * DRL rule files did not compile. Carries every problem found, each naming the DRL file and line;
 * the message lists them one a line as {@code file:line: message}.
 */
public class RuleCompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Unmodifiable; a {@code List.copyOf} result, which is serializable. */
  private final List<RuleProblem> problems;

  /**
   * @param problems the problems found; at least one
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public RuleCompilationException(List<RuleProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<RuleProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a compilation failure needs at least one problem");
    }
    return problems.stream()
        .map(RuleProblem::toString)
        .collect(Collectors.joining("\n  ",
            "Rules did not compile: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n  ", ""));
  }

  /** Every problem found, in file and line order. */
  public List<RuleProblem> problems() {
    return problems;
  }
}
