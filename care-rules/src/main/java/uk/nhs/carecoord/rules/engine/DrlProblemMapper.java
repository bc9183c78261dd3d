package uk.nhs.carecoord.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;
import uk.nhs.carecoord.rules.RuleProblem;
import uk.nhs.carecoord.rules.RuleSource;
import uk.nhs.carecoord.rules.engine.DrlCompiler.Build;
import uk.nhs.carecoord.rules.engine.DrlCompiler.Output;
import uk.nhs.carecoord.rules.engine.DrlReader.RuleSpan;

/**
 * Maps the messages of one failed build to problems in DRL files.
 *
 * <p>Kept apart from {@link DrlCompiler}, which only compiles: placing Drools' messages (against
 * the DRL, against generated Java, or with no line at all) is most of the code and has nothing to
 * do with building. It calls back into the compiler only for the trial builds that locate problems
 * Drools gives no line for, at most {@value DrlCompiler#MAX_TRIAL_BUILDS} per instance; make one
 * instance per failed build.
 */
final class DrlProblemMapper {
  private static final Pattern JAVA_SOURCE_IN_ERROR = Pattern.compile("^Java source of (\\S+) in error:\\R", Pattern.DOTALL);
  private static final Pattern IN_RULE = Pattern.compile("in rule \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern DUPLICATE_RULE = Pattern.compile("^Duplicate rule name: (.+)$");

  private final DrlCompiler compiler;
  private final List<RuleSource> sources;
  private final Map<String, DrlFile> files = new LinkedHashMap<>();
  private int trialBuilds;

  /** A mapper for a failed build of these sources, making its trial builds with this compiler. */
  DrlProblemMapper(DrlCompiler compiler, List<RuleSource> sources) {
    this.compiler = compiler;
    this.sources = sources;
    for (RuleSource source : sources) {
      files.put(source.name(), DrlFile.scan(source));
    }
  }

  List<RuleProblem> map(Build build) {
    List<Located> located = new ArrayList<>();
    List<Unlocated> unlocated = new ArrayList<>();
    if (build.failure() != null) {
      unlocated.add(new Unlocated(null, failureKey(build.failure()), describe(build.failure()),
          quotedLiterals(String.valueOf(build.failure().getMessage()))));
    }
    Map<String, String> generated = new HashMap<>();
    for (Message m : build.errors()) {
      Matcher src = JAVA_SOURCE_IN_ERROR.matcher(m.getText());
      if (src.find()) {
        generated.put(normalisePath(m.getPath()), m.getText().substring(src.end()));
      }
    }
    Set<String> filesWithRealProblems = new HashSet<>();
    List<Message> nullPackage = new ArrayList<>();
    for (Message m : build.errors()) {
      String path = normalisePath(m.getPath());
      String text = clean(m.getText());
      if (JAVA_SOURCE_IN_ERROR.matcher(m.getText()).find()) {
        continue; // the companion of a generated-Java error: its source was taken above
      }
      if (text.equals("Parser returned a null Package")) {
        nullPackage.add(m); // noise after a syntax error; kept only if nothing else names the file
        continue;
      }
      DrlFile file = files.get(path);
      if (file != null) {
        filesWithRealProblems.add(path);
        int line = m.getLine() > 0 ? consequenceLine(file, m.getLine(), text) : file.find(snippets(text), Region.WHEN, null);
        if (line > 0) {
          located.add(new Located(path, line, hintForDrl(file, line, text), null, Precision.EXACT));
        } else {
          unlocated.add(new Unlocated(path, messageKey(path, text), text, snippets(text)));
        }
      } else if (path != null && path.endsWith(".java")) {
        Located l = mapGenerated(path, m.getLine(), text, generated.get(path));
        if (l != null) {
          located.add(l);
          filesWithRealProblems.add(l.file());
        } else {
          unlocated.add(new Unlocated(null, messageKey(path, text), text, snippets(text)));
        }
      } else {
        unlocated.add(new Unlocated(null, messageKey(path, text), text, snippets(text)));
      }
    }
    for (Message m : nullPackage) {
      String path = normalisePath(m.getPath());
      if (!filesWithRealProblems.contains(path) && files.containsKey(path)) {
        located.add(new Located(path, 0, m.getText().strip(), null, Precision.UNKNOWN));
      }
    }
    located.addAll(locateByElimination(unlocated));
    return order(dedupe(located));
  }

  // --- messages against the DRL --------------------------------------------------------------

  private static final Pattern CONSEQUENCE_PARSE = Pattern.compile("^Unable to parse consequence caused by: \\(line (\\d+),\\s*col (\\d+)\\)");

  /**
   * A Java syntax error in a consequence comes at the rule's line, with a line within the
   * consequence in the text: the consequence starts right after {@code then}.
   */
  private static int consequenceLine(DrlFile file, int line, String text) {
    Matcher m = CONSEQUENCE_PARSE.matcher(text);
    if (m.find()) {
      for (RuleSpan r : file.rules()) {
        if (r.line() == line && r.thenLine() > 0) {
          int inConsequence = r.thenLine() + Integer.parseInt(m.group(1)) - 1;
          return inConsequence <= r.lastLine() ? inConsequence : line;
        }
      }
    }
    return line;
  }

  private String hintForDrl(DrlFile file, int line, String text) {
    Matcher dup = DUPLICATE_RULE.matcher(text);
    if (dup.find()) {
      String name = dup.group(1).strip();
      for (DrlFile other : files.values()) {
        if (!other.packageName().equals(file.packageName())) {
          continue;
        }
        for (RuleSpan r : other.rules()) {
          if (r.name().equals(name) && !(other == file && r.line() == line)) {
            return text + " (also defined at " + other.source().name() + ":" + r.line() + ")";
          }
        }
      }
      return text;
    }
    Matcher inRule = IN_RULE.matcher(text);
    if (inRule.find()) {
      RuleSpan r = file.rule(inRule.group(1));
      if (r != null && r.endLine() == 0) {
        return text + " (rule \"" + r.name() + "\" at line " + r.line() + " has no 'end' before "
            + (r.lastLine() < file.lineCount() ? "line " + (r.lastLine() + 1) : "the end of the file") + ")";
      }
      if (r != null && r.thenLine() == 0) {
        return text + " (rule \"" + r.name() + "\" at line " + r.line() + " has no 'then')";
      }
    }
    return text;
  }

  // --- messages against generated Java -------------------------------------------------------

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern RULE_NAMES = Pattern.compile("addRuleNames\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern PREDICATE_INFO = Pattern.compile("new\\s+[\\w.]*PredicateInformation\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern RULE_NAME_COMMENT = Pattern.compile("^\\s*\\*\\s*(?:Rule|Query) name:\\s*(.*?)\\s*$");
  private static final Pattern RULE_METHOD = Pattern.compile("^\\s*public static org\\.drools\\.model\\.(?:Rule|Query)\\s+(?:rule|query)_(\\w+)\\s*\\(");
  private static final Pattern STATIC_METHOD = Pattern.compile("^ {4}public static (?:final )?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\(");
  private static final Pattern EXECUTE = Pattern.compile("^\\s*public \\S+ execute\\(");

  /** Maps an error in a generated Java file to a DRL file and line, or null if it cannot. */
  private Located mapGenerated(String path, int javaLine, String text, String javaSource) {
    String className = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
    String javaPackage = path.startsWith("src/main/java/") && path.lastIndexOf('/') > "src/main/java/".length()
        ? path.substring("src/main/java/".length(), path.lastIndexOf('/')).replace('/', '.') : "";
    String[] javaLines = javaSource == null ? new String[0] : javaSource.split("\\R", -1);
    if (javaSource != null) {
      Matcher pkg = PACKAGE.matcher(javaSource);
      if (pkg.find()) {
        javaPackage = pkg.group(1);
      }
    }
    String errorLine = javaLine >= 1 && javaLine <= javaLines.length ? javaLines[javaLine - 1].strip() : "";
    List<DrlFile> candidates = filesInPackage(javaPackage);

    // 1. Constraint lambdas name their rule and file, and quote the DRL constraint.
    if (javaSource != null) {
      Matcher names = RULE_NAMES.matcher(javaSource);
      if (names.find()) {
        DrlFile file = files.get(unescapeJava(names.group(2)));
        RuleSpan rule = file != null ? file.rule(unescapeJava(names.group(1))) : null;
        if (rule != null) {
          Matcher info = PREDICATE_INFO.matcher(javaSource);
          List<String> snippets = new ArrayList<>();
          if (info.find()) {
            snippets.add(unescapeJava(info.group(1)));
          }
          return inRule(file, rule, Region.WHEN, snippets, errorLine, text, "in a constraint of rule");
        }
      }
    }
    // 2. Consequence lambdas: match the generated body to a rule's consequence.
    if (className.startsWith("LambdaConsequence") && javaLines.length > 0) {
      String body = methodBody(javaLines, EXECUTE);
      DrlFile bestFile = null;
      RuleSpan bestRule = null;
      double bestScore = 0;
      for (DrlFile file : candidates) {
        for (RuleSpan rule : file.rules()) {
          double score = Tokens.similarity(body, file.consequence(rule));
          if (score > bestScore) {
            bestScore = score;
            bestFile = file;
            bestRule = rule;
          }
        }
      }
      if (bestRule != null && bestScore >= 0.3) {
        return inRule(bestFile, bestRule, Region.THEN, List.of(), errorLine, text, "in the consequence of rule");
      }
    }
    // 3. Rule methods: the enclosing method carries the rule's name.
    if (javaLine >= 1 && javaLine <= javaLines.length) {
      String ruleName = null;
      for (int i = javaLine - 1; i >= 0 && ruleName == null; i--) {
        Matcher comment = RULE_NAME_COMMENT.matcher(javaLines[i]);
        if (comment.find()) {
          ruleName = comment.group(1);
        } else if (i < javaLine - 1 && javaLines[i].matches("^ {4}}\\s*$")) {
          break; // left the enclosing method
        }
      }
      if (ruleName == null) {
        for (int i = javaLine - 1; i >= 0; i--) {
          Matcher method = RULE_METHOD.matcher(javaLines[i]);
          if (method.find()) {
            ruleName = decodeMethodName(method.group(1));
            break;
          }
        }
      }
      if (ruleName != null) {
        for (DrlFile file : candidates) {
          RuleSpan rule = file.rule(ruleName);
          if (rule != null) {
            return inRule(file, rule, Region.WHEN, List.of(), errorLine, text, "in rule");
          }
        }
      }
      // 4. DRL functions become static methods of the package's Rules class.
      for (int i = javaLine - 1; i >= 0; i--) {
        Matcher method = STATIC_METHOD.matcher(javaLines[i]);
        if (method.find()) {
          for (DrlFile file : candidates) {
            Integer fnLine = file.functions().get(method.group(1));
            if (fnLine != null) {
              int line = file.findNear(List.of(), errorLine, fnLine, file.declarationEnd(fnLine));
              return new Located(file.source().name(), line > 0 ? line : fnLine,
                  text + " (in function " + method.group(1) + ")", null, line > 0 ? Precision.EXACT : Precision.RULE);
            }
          }
          break;
        }
      }
    }
    // 5. Declared types become classes named after them.
    for (DrlFile file : candidates) {
      Integer declLine = file.declares().get(className);
      if (declLine != null) {
        return new Located(file.source().name(), declLine, text + " (in declared type " + className + ")", null, Precision.RULE);
      }
    }
    // 6. Last resort: a name from the message, searched in the package's files.
    for (DrlFile file : candidates) {
      int line = file.find(snippets(text), Region.ANY, null);
      if (line > 0) {
        return new Located(file.source().name(), line, text, null, Precision.EXACT);
      }
    }
    if (candidates.size() == 1) {
      return new Located(candidates.get(0).source().name(), 0, text, null, Precision.UNKNOWN);
    }
    return null;
  }

  private Located inRule(DrlFile file, RuleSpan rule, Region region, List<String> snippets,
      String javaLine, String text, String where) {
    int line = file.findNear(snippets, javaLine, region == Region.THEN && rule.thenLine() > 0 ? rule.thenLine() : rule.line(),
        region == Region.WHEN && rule.thenLine() > 0 ? rule.thenLine() : rule.lastLine());
    String message = text + " (" + where + " \"" + rule.name() + "\")";
    return line > 0
        ? new Located(file.source().name(), line, message, rule.name(), Precision.EXACT)
        : new Located(file.source().name(), rule.line(), message, rule.name(), Precision.RULE);
  }

  private List<DrlFile> filesInPackage(String javaPackage) {
    List<DrlFile> exact = new ArrayList<>();
    List<DrlFile> parent = new ArrayList<>();
    String parentPackage = javaPackage.contains(".") ? javaPackage.substring(0, javaPackage.lastIndexOf('.')) : "";
    for (DrlFile file : files.values()) {
      if (file.packageName().equals(javaPackage)) {
        exact.add(file);
      } else if (file.packageName().equals(parentPackage)) {
        parent.add(file);
      }
    }
    exact.addAll(parent);
    return exact.isEmpty() ? List.copyOf(files.values()) : exact;
  }

  // --- problems with no line: rebuild with rules blanked out ---------------------------------

  /**
   * Finds the rule behind each problem Drools gave no usable line for, by rebuilding with only
   * some rules kept (the others blanked, so line numbers stay put) and halving.
   */
  private List<Located> locateByElimination(List<Unlocated> unlocated) {
    List<Located> result = new ArrayList<>();
    Map<String, List<Unlocated>> byScope = new LinkedHashMap<>();
    for (Unlocated u : unlocated) {
      byScope.computeIfAbsent(u.file() == null ? "" : u.file(), k -> new ArrayList<>()).add(u);
    }
    for (Map.Entry<String, List<Unlocated>> scope : byScope.entrySet()) {
      List<Unit> units = new ArrayList<>();
      for (DrlFile file : files.values()) {
        if (scope.getKey().isEmpty() || scope.getKey().equals(file.source().name())) {
          for (RuleSpan rule : file.rules()) {
            units.add(new Unit(file, rule));
          }
        }
      }
      Map<String, Unlocated> open = new LinkedHashMap<>();
      for (Unlocated u : scope.getValue()) {
        open.put(u.key(), u);
      }
      Map<String, Unit> found = new HashMap<>();
      bisect(units, units, open.keySet(), found);
      for (Unlocated u : scope.getValue()) {
        Unit unit = found.get(u.key());
        if (unit != null) {
          int line = unit.file().find(u.snippets(), Region.ANY, unit.rule());
          String message = u.message() + " (in rule \"" + unit.rule().name() + "\")";
          result.add(line > 0
              ? new Located(unit.file().source().name(), line, message, unit.rule().name(), Precision.EXACT)
              : new Located(unit.file().source().name(), unit.rule().line(), message, unit.rule().name(), Precision.RULE));
        } else {
          String file = u.file() != null ? u.file() : units.isEmpty() && sources.size() == 1 ? sources.get(0).name()
              : guessFile(u);
          result.add(new Located(file, 0, u.message(), null, Precision.UNKNOWN));
        }
      }
    }
    return result;
  }

  /** A file for a problem that could not be placed: one quoting its names, or the only file. */
  private String guessFile(Unlocated u) {
    for (DrlFile file : files.values()) {
      if (file.find(u.snippets(), Region.ANY, null) > 0) {
        return file.source().name();
      }
    }
    return sources.size() == 1 ? sources.get(0).name() : "";
  }

  private void bisect(List<Unit> scope, List<Unit> candidates, Set<String> symptoms, Map<String, Unit> found) {
    if (symptoms.isEmpty() || candidates.isEmpty()) {
      return;
    }
    if (candidates.size() == 1) {
      for (String s : symptoms) {
        found.put(s, candidates.get(0));
      }
      return;
    }
    List<Unit> first = candidates.subList(0, candidates.size() / 2);
    List<Unit> second = candidates.subList(candidates.size() / 2, candidates.size());
    Set<String> inFirst = trial(scope, first, symptoms);
    if (inFirst == null) {
      return; // out of trial builds
    }
    bisect(scope, first, inFirst, found);
    Set<String> rest = new LinkedHashSet<>(symptoms);
    rest.removeAll(inFirst);
    if (!rest.isEmpty()) {
      Set<String> inSecond = second.size() == 1 && inFirst.isEmpty() ? rest : trial(scope, second, rest);
      if (inSecond != null) {
        bisect(scope, second, inSecond, found);
      }
    }
  }

  /** Rebuilds keeping only {@code kept} of the scope's rules; returns which symptoms remain. */
  private Set<String> trial(List<Unit> scope, List<Unit> kept, Set<String> symptoms) {
    if (trialBuilds >= DrlCompiler.MAX_TRIAL_BUILDS) {
      return null;
    }
    trialBuilds++;
    Set<Unit> blank = new HashSet<>(scope);
    kept.forEach(blank::remove);
    List<RuleSource> variant = new ArrayList<>(sources.size());
    for (DrlFile file : files.values()) {
      variant.add(file.without(blank));
    }
    Build build = compiler.build(variant, compiler.newReleaseId(), Output.ERRORS_ONLY);
    Set<String> seen = new HashSet<>();
    if (build.failure() != null) {
      seen.add(failureKey(build.failure()));
    }
    for (Message m : build.errors()) {
      String path = normalisePath(m.getPath());
      seen.add(messageKey(path, clean(m.getText())));
    }
    Set<String> remaining = new LinkedHashSet<>(symptoms);
    remaining.retainAll(seen);
    return remaining;
  }

  // --- finishing -------------------------------------------------------------------------------

  /** One problem reported twice (e.g. in a predicate and in its rule method): keep the best. */
  private List<Located> dedupe(List<Located> located) {
    Map<String, Located> best = new LinkedHashMap<>();
    for (Located l : located) {
      String key = l.rule() != null ? l.file() + "\u0000" + l.rule() + "\u0000" + l.message().replaceFirst(" \\((?:in|first) .*$", "")
          : l.file() + "\u0000" + l.line() + "\u0000" + l.message();
      Located previous = best.get(key);
      if (previous == null || l.precision().ordinal() < previous.precision().ordinal()) {
        best.put(key, l);
      }
    }
    return new ArrayList<>(best.values());
  }

  private List<RuleProblem> order(List<Located> located) {
    List<String> order = sources.stream().map(RuleSource::name).toList();
    return located.stream()
        .sorted(Comparator.comparingInt((Located l) -> order.indexOf(l.file()) < 0 ? Integer.MAX_VALUE : order.indexOf(l.file()))
            .thenComparingInt(Located::line)
            .thenComparing(Located::message))
        .map(l -> new RuleProblem(l.file(), l.line(), l.message()))
        .toList();
  }


  /** How closely a problem was placed: the line itself, its rule's line, or no line. */
  private enum Precision { EXACT, RULE, UNKNOWN }

  private record Located(String file, int line, String message, String rule, Precision precision) {}

  /** A problem not yet placed; {@code key} recognises it in trial builds. */
  private record Unlocated(String file, String key, String message, List<String> snippets) {}

  private record Unit(DrlFile file, RuleSpan rule) {}

  /** Recognises a message across builds: generated class names change, so they are left out. */
  private static String messageKey(String path, String text) {
    boolean generated = path == null || path.endsWith(".java");
    return "message\u0000" + (generated ? "(generated)" : path) + "\u0000" + text;
  }

  private static String failureKey(RuntimeException e) {
    return "failure\u0000" + e.getClass().getName() + "\u0000" + e.getMessage();
  }

  private static String describe(RuntimeException e) {
    String what = e.getClass().getName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    Matcher literal = Pattern.compile("^For input string: (\"[^\"]*\")").matcher(String.valueOf(e.getMessage()));
    if (e instanceof NumberFormatException && literal.find()) {
      return "cannot compare a number with " + literal.group(1) + ", which is not a number (Drools threw " + what + ")";
    }
    return "the rule compiler failed: " + what;
  }

  /**
   * A message as shown to rule authors: first part only (Drools may append a Java stack trace),
   * and without the hashed names of generated classes.
   */
  private static String clean(String text) {
    String t = text.strip();
    int trace = t.indexOf("\nProblem stacktrace");
    if (trace >= 0) {
      t = t.substring(0, trace).strip();
    }
    return t.replaceAll(" for the type (?:Lambda\\w*|Rules)[0-9A-F]{16,}\\w*", "");
  }

  /** Drools reports DRL paths with or without the {@code src/main/resources/} prefix. */
  private static String normalisePath(String path) {
    if (path == null) {
      return null;
    }
    String p = path.replace('\\', '/');
    return p.startsWith(DrlCompiler.RESOURCES_ROOT) ? p.substring(DrlCompiler.RESOURCES_ROOT.length()) : p;
  }

  private static final Pattern[] SNIPPET_PATTERNS = {
    Pattern.compile("Unable to find class: ([\\w.$]+)"),
    Pattern.compile("Unable to parse left part of expression: (.+)$"),
    Pattern.compile("Unable to Analyse Expression (.+?):?\\s*$"),
    Pattern.compile("Method (\\w+) on class [\\w.$]+ with arguments"),
    Pattern.compile("Unknown (?:property|field|accumulate function):? '?([\\w$]+)'?"),
    Pattern.compile("The method (\\w+)\\("),
    Pattern.compile("^([\\w$]+) cannot be resolved"),
    Pattern.compile("expression: (.+)$"),
  };

  /** Code quoted in a Drools message, most specific first, to search the DRL for. */
  private static List<String> snippets(String text) {
    List<String> out = new ArrayList<>();
    String firstLine = text.lines().findFirst().orElse("");
    for (Pattern p : SNIPPET_PATTERNS) {
      Matcher m = p.matcher(firstLine);
      if (m.find() && !out.contains(m.group(1).strip())) {
        out.add(m.group(1).strip());
      }
    }
    out.addAll(quotedLiterals(firstLine));
    return out;
  }

  /** {@code "old"} from {@code For input string: "old"}: quoted strings, quotes kept. */
  private static List<String> quotedLiterals(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"[^\"]*\"").matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String methodBody(String[] lines, Pattern start) {
    StringBuilder body = new StringBuilder();
    boolean in = false;
    int depth = 0;
    for (String line : lines) {
      if (!in) {
        if (start.matcher(line).find()) {
          in = true;
          depth = count(line, '{') - count(line, '}');
        }
        continue;
      }
      depth += count(line, '{') - count(line, '}');
      if (depth <= 0) {
        break;
      }
      body.append(line).append('\n');
    }
    return body.toString();
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** {@code Double_32eq_32on} → {@code Double eq on}: generated names encode characters as {@code _code}. */
  private static String decodeMethodName(String encoded) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("_(\\d+)").matcher(encoded);
    int last = 0;
    while (m.find()) {
      out.append(encoded, last, m.start()).append((char) Integer.parseInt(m.group(1)));
      last = m.end();
    }
    return out.append(encoded.substring(last)).toString();
  }

  private static String unescapeJava(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Searching a DRL file for the line a problem is on.

  /** Which part of a rule to search. */
  private enum Region { WHEN, THEN, ANY }

  /** A DRL file as {@link DrlReader#layout} reads it, with the searches that place problems in it. */
  private record DrlFile(RuleSource source, DrlReader.Layout layout) {
    static DrlFile scan(RuleSource source) {
      return new DrlFile(source, DrlReader.layout(source));
    }

    String packageName() {
      return layout.packageName();
    }

    List<RuleSpan> rules() {
      return layout.rules();
    }

    Map<String, Integer> functions() {
      return layout.functions();
    }

    Map<String, Integer> declares() {
      return layout.declares();
    }

    int declarationEnd(int line) {
      return layout.declarationEnd(line);
    }

    int lineCount() {
      return layout.lines().length;
    }

    RuleSpan rule(String name) {
      return layout.rule(name);
    }

    String consequence(RuleSpan rule) {
      return layout.consequence(rule);
    }

    /**
     * The first line holding one of the snippets (whitespace ignored), searching in order of the
     * snippets; in the rule given (or anywhere), preferring the region asked for. 0 if none.
     */
    int find(List<String> snippets, Region region, RuleSpan within) {
      String[] code = layout.code();
      for (String snippet : snippets) {
        String wanted = squash(snippet);
        if (wanted.isEmpty()) {
          continue;
        }
        List<java.util.function.IntPredicate> passes = new ArrayList<>();
        if (snippet.matches("[\\w$.]+")) {
          // A name: first as a pattern's type ("Patient("), then as a whole word.
          Pattern asType = Pattern.compile("(?<![\\w$.])" + Pattern.quote(snippet) + "\\s*\\(");
          Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(snippet) + "(?![\\w$])");
          passes.add(i -> asType.matcher(code[i]).find());
          passes.add(i -> word.matcher(code[i]).find());
        } else {
          // Code: whitespace ignored, possibly broken over two lines.
          passes.add(i -> squash(code[i]).contains(wanted)
              || i + 1 < code.length && !squash(code[i + 1]).contains(wanted) && squash(code[i] + code[i + 1]).contains(wanted));
        }
        for (java.util.function.IntPredicate matches : passes) {
          int firstAnywhere = 0;
          for (int i = 0; i < code.length; i++) {
            if (layout.isHeader(i + 1) || !matches.test(i)) {
              continue;
            }
            if (inScope(i + 1, region, within)) {
              return i + 1;
            }
            if (firstAnywhere == 0 && within == null) {
              firstAnywhere = i + 1;
            }
          }
          if (firstAnywhere > 0) {
            return firstAnywhere;
          }
        }
      }
      return 0;
    }

    private boolean inScope(int line, Region region, RuleSpan within) {
      List<RuleSpan> scope = within != null ? List.of(within) : rules();
      if (within == null && region == Region.ANY) {
        return true;
      }
      for (RuleSpan r : scope) {
        int thenLine = r.thenLine() > 0 ? r.thenLine() : r.lastLine() + 1;
        boolean inRule = line >= r.line() && line <= r.lastLine();
        boolean ok = switch (region) {
          case WHEN -> line >= r.line() && line < thenLine;
          case THEN -> line > thenLine - 1 && inRule;
          case ANY -> inRule;
        };
        if (ok) {
          return true;
        }
      }
      return false;
    }

    /**
     * The line between {@code from} and {@code to} (inclusive, 1-based) best matching a snippet,
     * else the generated Java line: equal or containing once squashed, else sharing most of its
     * names. 0 if nothing fits well.
     */
    int findNear(List<String> snippets, String javaLine, int from, int to) {
      String[] code = layout.code();
      int lo = Math.max(1, from);
      int hi = Math.min(code.length, to);
      for (String snippet : snippets) {
        String wanted = squash(snippet);
        for (int i = lo; i <= hi && !wanted.isEmpty(); i++) {
          if (squash(code[i - 1]).contains(wanted)) {
            return i;
          }
        }
      }
      String wanted = squash(javaLine.replaceFirst(";$", ""));
      if (wanted.length() < 3) {
        return 0;
      }
      for (int i = lo; i <= hi; i++) {
        String have = squash(code[i - 1].replaceFirst(";\\s*$", ""));
        if (have.length() >= 3 && (have.equals(wanted) || have.contains(wanted) || wanted.contains(have) && have.length() * 2 > wanted.length())) {
          return i;
        }
      }
      int best = 0;
      double bestScore = 0.6;
      for (int i = lo; i <= hi; i++) {
        double score = Tokens.coverage(javaLine, code[i - 1]);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      return best;
    }

    /** This file with the given rules' lines blanked (line numbers kept). */
    RuleSource without(Set<Unit> blank) {
      boolean any = false;
      String[] out = layout.lines().clone();
      for (Unit u : blank) {
        if (u.file() == this) {
          any = true;
          int last = u.rule().endLine() > 0 ? u.rule().endLine() : u.rule().lastLine();
          for (int i = u.rule().line() - 1; i < last; i++) {
            out[i] = "";
          }
        }
      }
      return any ? new RuleSource(source.name(), String.join("\n", out)) : source;
    }

    private static String squash(String s) {
      return s.replaceAll("\\s+", "");
    }
  }

  /** Name-and-literal token comparison of code that Drools may have reformatted. */
  private static final class Tokens {
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[\\w$]+");
    private static final Set<String> NOISE = Set.of("drools", "java", "lang", "util", "org", "new", "return", "this");

    private Tokens() {}

    static Set<String> of(String code) {
      Set<String> out = new LinkedHashSet<>();
      Matcher m = TOKEN.matcher(code);
      while (m.find()) {
        if (!NOISE.contains(m.group())) {
          out.add(m.group());
        }
      }
      return out;
    }

    /** Jaccard similarity of the token sets. */
    static double similarity(String a, String b) {
      Set<String> ta = of(a);
      Set<String> tb = of(b);
      if (ta.isEmpty() || tb.isEmpty()) {
        return 0;
      }
      Set<String> both = new HashSet<>(ta);
      both.retainAll(tb);
      return both.size() / (double) (ta.size() + tb.size() - both.size());
    }

    /** The share of the generated line's tokens found in the DRL line. */
    static double coverage(String generated, String drl) {
      Set<String> tg = of(generated);
      Set<String> td = of(drl);
      if (tg.isEmpty() || td.isEmpty()) {
        return 0;
      }
      Set<String> both = new HashSet<>(tg);
      both.retainAll(td);
      return both.size() / (double) tg.size();
    }
  }
}
