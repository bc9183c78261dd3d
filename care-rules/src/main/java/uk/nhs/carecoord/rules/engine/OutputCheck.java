package uk.nhs.carecoord.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.nhs.carecoord.model.TrainingModule;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.OutputEntry;
import uk.nhs.carecoord.rules.OutputRole;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.rules.RuleProblem;
import uk.nhs.carecoord.rules.RuleSource;

/**
 * Checks a rule base against the output catalogue, from the DRL as written ({@link DrlReader}):
 * every code a rule raises or matches is declared, with the kind it is raised as, and is written
 * as a literal so it can be checked; and, for a rule base built on the built-in rules, every code
 * the library relies on ({@link OutputRole#required()}) is raised by some rule. Reading the DRL
 * (rather than recording codes as rules fire) lets the check refuse a rule base before any
 * evaluation, and covers rules no test exercises.
 */
final class OutputCheck {
  private OutputCheck() {}

  /**
   * @param requireRelied whether codes with a required role must be raised (a rule base built on
   *     the built-in rules; a partial rule base built without them is partial by choice)
   * @throws RuleCompilationException naming the file, line and code of every problem
   */
  static void check(List<RuleSource> sources, OutputCatalogue catalogue, boolean requireRelied) {
    List<RuleProblem> problems = new ArrayList<>();
    Set<String> raised = new TreeSet<>();
    for (RuleSource source : sources) {
      DrlReader.DrlFile file = DrlReader.read(source);
      for (DrlReader.DrlRule rule : file.rules()) {
        for (DrlReader.Raise raise : rule.raises()) {
          checkRaise(file, rule, raise, catalogue, problems, raised);
        }
        for (DrlReader.CodeRead read : rule.codesRead()) {
          if (catalogue.entry(read.code()).isEmpty()) {
            problems.add(new RuleProblem(file.name(), read.line(), "rule \"" + rule.name() + "\" matches output code "
                + read.code() + ", which the output catalogue does not declare: add it to " + OutputCatalogue.FILE_NAME
                + " or correct the code"));
          }
        }
      }
    }
    if (requireRelied) {
      for (OutputRole role : OutputRole.values()) {
        if (role.required()) {
          checkRelied(role, catalogue, raised, problems);
        }
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
      throw new RuleCompilationException(problems);
    }
  }

  private static void checkRaise(DrlReader.DrlFile file, DrlReader.DrlRule rule, DrlReader.Raise raise,
      OutputCatalogue catalogue, List<RuleProblem> problems, Set<String> raised) {
    String where = "rule \"" + rule.name() + "\" ";
    if (raise.kind() == FindingKind.TRAINING) {
      // The code is the training module: every module must be declared as a training status.
      for (TrainingModule m : TrainingModule.values()) {
        Optional<OutputEntry> e = catalogue.entry(m.name());
        if (e.isEmpty() || e.get().kind() != FindingKind.TRAINING) {
          problems.add(new RuleProblem(file.name(), raise.line(), where + "raises training statuses, but the output catalogue "
              + "does not declare training item " + m.name() + " as TRAINING"));
        }
        raised.add(m.name());
      }
      return;
    }
    if (raise.code().isEmpty()) {
      problems.add(new RuleProblem(file.name(), raise.line(), where + "raises a code written as " + raise.codeExpression()
          + ": write the code as a quoted literal (\"CODE\") declared in " + OutputCatalogue.FILE_NAME));
      return;
    }
    String code = raise.code().get();
    raised.add(code);
    Optional<OutputEntry> entry = catalogue.entry(code);
    if (entry.isEmpty()) {
      problems.add(new RuleProblem(file.name(), raise.line(), where + "raises " + code
          + ", which the output catalogue does not declare: add it to " + OutputCatalogue.FILE_NAME
          + " beside the rules (kind " + raise.kind() + ", label, text)"));
    } else if (entry.get().kind() != raise.kind()) {
      problems.add(new RuleProblem(file.name(), raise.line(), where + "raises " + code + " as " + raise.kind()
          + ", but " + entry.get().declaredIn() + " declares it " + entry.get().kind()));
    }
  }

  private static void checkRelied(
      OutputRole role, OutputCatalogue catalogue, Set<String> raised, List<RuleProblem> problems) {
    Set<String> codes = catalogue.codesReliedOnAs(role);
    if (codes.isEmpty()) {
      problems.add(new RuleProblem(OutputCatalogue.FILE_NAME, 0, "no code is declared reliedOnAs " + role
          + ", which " + role.usedBy() + " rely on"));
      return;
    }
    if (codes.size() > 1) {
      problems.add(new RuleProblem(OutputCatalogue.FILE_NAME, 0, "codes " + codes + " are all declared reliedOnAs " + role
          + ": declare exactly one"));
      return;
    }
    String code = codes.iterator().next();
    if (!raised.contains(code)) {
      problems.add(new RuleProblem(expectedIn(code), 0, "no rule raises " + code + ", which the library relies on as "
          + role + " (" + role.usedBy() + "): keep a rule that raises it"));
    }
  }

  /** The built-in rule set that raises a code (which the rule base replaced), or the catalogue. */
  private static String expectedIn(String code) {
    for (RuleSource builtIn : Engine.builtInSources()) {
      for (DrlReader.DrlRule rule : DrlReader.read(builtIn).rules()) {
        if (rule.raises().stream().anyMatch(r -> r.code().equals(Optional.of(code)))) {
          return builtIn.name();
        }
      }
    }
    return OutputCatalogue.FILE_NAME;
  }
}
