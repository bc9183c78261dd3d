package uk.nhs.carecoord.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.RuleSource;

/**
 * The one reader of DRL text outside Drools: what a rule set declares and what each rule raises,
 * matches and reads, with lines. The rule base's rule-set versions, the output catalogue check,
 * coverage and the rule catalogue read DRL through it; locating compilation problems in broken DRL
 * uses its comment blanking and line patterns. It reads the text as written (comments blanked, strings kept) and
 * never compiles: Drools decides whether the DRL is valid; this reader only describes valid DRL to
 * the output catalogue check, coverage, the rule catalogue and rule-set versions.
 *
 * <p>A rule raises an output through a call whose first argument is {@code drools}
 * ({@code out.cohort(drools, "CODE", Priority.HIGH, "text")}); the code is read when written as a
 * quoted literal, which the output catalogue check requires (training statuses excepted: their code
 * is the {@code TrainingModule}).
 */
final class DrlReader {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
  /** A line declaring the package (for readers of broken DRL, line by line). */
  private static final Pattern PACKAGE_LINE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
  /** A line starting a rule or query: the name quoted (group 1 or 2) or bare (group 3). */
  private static final Pattern RULE_OR_QUERY_LINE =
      Pattern.compile("^\\s*(?:rule|query)\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([\\w$.]+))");
  private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s+(?:function\\s+|static\\s+)?([\\w.$]+(?:\\s*\\.\\s*\\*)?)");
  private static final Pattern VERSION = Pattern.compile("(?m)^\\s*//\\s*@version\\s+(\\S+)");
  private static final Pattern RULE =
      Pattern.compile("(?m)^[ \\t]*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([\\w$.]+))");
  private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b|\\bwhen\\s*$");
  private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b|\\bthen\\s*$");
  private static final Pattern END = Pattern.compile("(?m)^\\s*end\\s*;?\\s*$");
  private static final Pattern RAISE = Pattern.compile(
      "[\\w$]+\\s*\\.\\s*(cohort|training|supervision|verdict|obligation|recommendation)\\s*\\(\\s*drools\\s*,");
  private static final Pattern CODE_READ =
      Pattern.compile("\\bcode\\s*(?:==|!=)\\s*\"([^\"]*)\"|getCode\\(\\)\\s*\\.\\s*equals\\(\\s*\"([^\"]*)\"\\s*\\)");
  private static final Pattern THRESHOLD = Pattern.compile("\\bthresholds\\s*\\.\\s*(?:get|is)?([A-Za-z]\\w*)");
  /** A cluster id a condition compares with: {@code clusterId == "DM_COD"} or {@code clusterId in ("DM_COD", …)}. */
  private static final Pattern CLUSTER_ID = Pattern.compile("\\bclusterId\\s*(?:==\\s*(\"[^\"]*\")|in\\s*\\(([^)]*)\\))");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern MEANING = Pattern.compile("\\bClusterMeaning\\s*\\.\\s*([A-Z][A-Z0-9_]*)");
  private static final Pattern PRIORITY = Pattern.compile("^Priority\\s*\\.\\s*(\\w+)$");
  private static final Pattern LITERAL = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"$");

  private DrlReader() {}

  /** What one rule set declares. */
  record DrlFile(String name, String packageName, String version, List<Import> imports, List<DrlRule> rules) {
    /** The rule set's name: the file name without directory and {@code .drl}. */
    String ruleSetName() {
      return name.replaceAll("^.*/", "").replaceAll("\\.drl$", "");
    }
  }

  /**
   * One rule: its name and line, what it raises, the output codes its conditions match and the
   * thresholds it reads (property names such as {@code frailCfs}).
   */
  record DrlRule(String name, int line, List<Raise> raises, List<CodeRead> codesRead, Set<String> thresholds,
      Set<String> clusterMeanings, Set<String> clusterIds) {}

  /**
   * One output a rule raises: the kind (from the method called), the code when written as a
   * literal, the priority when written as {@code Priority.X}, whether a text is given, and the line.
   */
  record Raise(FindingKind kind, Optional<String> code, String codeExpression, Optional<Priority> priority,
      boolean hasText, int line) {}

  /** A type (or {@code package.*}) the file imports, and the line of the import. */
  record Import(String name, int line) {}

  /** An output code a rule's conditions or consequence compare with. */
  record CodeRead(String code, int line) {}

  /** Reads one DRL file. */
  static DrlFile read(RuleSource source) {
    String text = source.text();
    Matcher version = VERSION.matcher(text);
    String declaredVersion = version.find() ? version.group(1) : "unversioned";
    String code = blankComments(text);
    int[] lineStarts = lineStarts(code);
    Matcher pkg = PACKAGE.matcher(code);
    String packageName = pkg.find() ? pkg.group(1) : "";
    List<Import> imports = new ArrayList<>();
    Matcher imported = IMPORT.matcher(code);
    while (imported.find()) {
      imports.add(new Import(imported.group(1).replaceAll("\\s", ""), lineOf(lineStarts, imported.start(1))));
    }
    List<DrlRule> rules = new ArrayList<>();
    Matcher rule = RULE.matcher(code);
    while (rule.find()) {
      String name = rule.group(1) != null ? unescape(rule.group(1)) : rule.group(2) != null ? unescape(rule.group(2)) : rule.group(3);
      int start = rule.end();
      Matcher end = END.matcher(code);
      int stop = end.find(start) ? end.start() : code.length();
      rules.add(readRule(name, code, start, stop, lineStarts));
    }
    return new DrlFile(source.name(), packageName, declaredVersion, List.copyOf(imports), List.copyOf(rules));
  }

  private static DrlRule readRule(String name, String code, int start, int stop, int[] lineStarts) {
    String body = code.substring(start, stop);
    Matcher then = THEN.matcher(body);
    int thenAt = then.find() ? then.start() : body.length();
    List<Raise> raises = new ArrayList<>();
    Matcher raise = RAISE.matcher(body);
    while (raise.find()) {
      if (raise.start() < thenAt) {
        continue;
      }
      int open = body.indexOf('(', raise.start(1));
      List<String> args = arguments(body, open);
      FindingKind kind = kindOf(raise.group(1));
      // args[0] is drools; the code (or training module) follows, then obligation/recommendation
      // may carry a subject and training a status before the priority.
      String codeArg = args.size() > 1 ? args.get(1) : "";
      Optional<String> literal = literal(codeArg);
      int priorityAt = -1;
      for (int i = 2; i < args.size(); i++) {
        if (PRIORITY.matcher(args.get(i)).matches() || args.get(i).contains("Priority.")) {
          priorityAt = i;
          break;
        }
      }
      Optional<Priority> priority = Optional.empty();
      if (priorityAt > 0) {
        Matcher p = PRIORITY.matcher(args.get(priorityAt));
        if (p.matches()) {
          try {
            priority = Optional.of(Priority.valueOf(p.group(1)));
          } catch (IllegalArgumentException e) {
            priority = Optional.empty(); // Drools reports the unknown constant
          }
        }
      }
      boolean hasText = priorityAt > 0 && args.size() > priorityAt + 1;
      raises.add(new Raise(kind, kind == FindingKind.TRAINING ? Optional.empty() : literal, codeArg, priority, hasText,
          lineOf(lineStarts, start + raise.start())));
    }
    List<CodeRead> reads = new ArrayList<>();
    Matcher read = CODE_READ.matcher(body);
    while (read.find()) {
      reads.add(new CodeRead(read.group(1) != null ? read.group(1) : read.group(2), lineOf(lineStarts, start + read.start())));
    }
    Set<String> thresholds = new LinkedHashSet<>();
    Matcher t = THRESHOLD.matcher(body);
    while (t.find()) {
      String property = t.group(1);
      thresholds.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
    }
    Set<String> meanings = new LinkedHashSet<>();
    Matcher m = MEANING.matcher(body.substring(0, thenAt));
    while (m.find()) {
      meanings.add(m.group(1));
    }
    Set<String> clusterIds = new LinkedHashSet<>();
    Matcher c = CLUSTER_ID.matcher(body.substring(0, thenAt));
    while (c.find()) {
      Matcher q = QUOTED.matcher(c.group(1) != null ? c.group(1) : c.group(2));
      while (q.find()) {
        clusterIds.add(q.group(1));
      }
    }
    return new DrlRule(name, lineOf(lineStarts, start), List.copyOf(raises), List.copyOf(reads), Set.copyOf(thresholds),
        Set.copyOf(meanings), Set.copyOf(clusterIds));
  }

  private static FindingKind kindOf(String method) {
    return switch (method) {
      case "cohort" -> FindingKind.COHORT;
      case "training" -> FindingKind.TRAINING;
      case "supervision" -> FindingKind.SUPERVISION;
      case "verdict" -> FindingKind.VERDICT;
      case "obligation" -> FindingKind.OBLIGATION;
      default -> FindingKind.RECOMMENDATION;
    };
  }

  private static Optional<String> literal(String argument) {
    Matcher m = LITERAL.matcher(argument);
    return m.matches() ? Optional.of(unescape(m.group(1))) : Optional.empty();
  }

  /** The top-level arguments of the call whose {@code (} is at {@code open}, trimmed. */
  static List<String> arguments(String text, int open) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int from = open + 1;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = closingQuote(text, i);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          args.add(text.substring(from, i).trim());
          return args;
        }
      } else if (c == ',' && depth == 1) {
        args.add(text.substring(from, i).trim());
        from = i + 1;
      }
    }
    args.add(text.substring(from).trim());
    return args;
  }

  private static int closingQuote(String text, int at) {
    char quote = text.charAt(at);
    for (int i = at + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return text.length() - 1;
  }

  // --- line by line, for DRL that may not compile -----------------------------------------------

  private static final Pattern FUNCTION_LINE = Pattern.compile("^\\s*function\\s+[\\w.<>\\[\\], ?]+?\\s+(\\w+)\\s*\\(");
  private static final Pattern DECLARE_LINE = Pattern.compile("^\\s*declare\\s+(?:trait\\s+|enum\\s+)?([\\w.]+)");
  private static final Pattern TOP_LEVEL_LINE = Pattern.compile("^\\s*(?:rule|query|function|declare|import|global|package)\\b");
  private static final Pattern HEADER_LINE = Pattern.compile("^\\s*(?:import|package|global)\\b");
  private static final Pattern THEN_LINE = Pattern.compile("(?:^|\\s|\\))then\\s*$|^\\s*then\\b");

  /**
   * A rule or query: 1-based lines of its header, its {@code then} and {@code end} (0 if
   * missing), and of the last line before the next declaration.
   */
  record RuleSpan(String name, int line, int thenLine, int endLine, int lastLine) {}

  /**
   * Where things are in a DRL file, line by line, whether or not it compiles: its package, each
   * rule and query, function and declared type, and the top-level declarations. {@code lines} is
   * the text, {@code code} the same lines with comments blanked.
   */
  record Layout(String packageName, String[] lines, String[] code, List<RuleSpan> rules, Map<String, Integer> functions,
      Map<String, Integer> declares, List<Integer> declarationLines, Set<Integer> headerLines) {

    /** The line before the next top-level declaration after {@code line} (1-based), or the last line. */
    int declarationEnd(int line) {
      for (int d : declarationLines) {
        if (d > line) {
          return d - 1;
        }
      }
      return lines.length;
    }

    /** Whether the 1-based line is a {@code package}, {@code import} or {@code global} line. */
    boolean isHeader(int line) {
      return headerLines.contains(line);
    }

    /** The first rule or query so named, or null. */
    RuleSpan rule(String name) {
      for (RuleSpan r : rules) {
        if (r.name().equals(name)) {
          return r;
        }
      }
      return null;
    }

    /** A rule's consequence, comments blanked: from after {@code then} to before {@code end}. */
    String consequence(RuleSpan rule) {
      if (rule.thenLine() == 0) {
        return "";
      }
      StringBuilder out = new StringBuilder(code[rule.thenLine() - 1].replaceFirst("^.*?\\bthen\\b", ""));
      int last = rule.endLine() > 0 ? rule.endLine() - 1 : rule.lastLine();
      for (int i = rule.thenLine(); i < last; i++) {
        out.append('\n').append(code[i]);
      }
      return out.toString();
    }
  }

  /** Reads where things are in one DRL file, line by line; see {@link Layout}. */
  static Layout layout(RuleSource source) {
    String[] lines = source.text().split("\\R", -1);
    String[] code = blankComments(source.text()).split("\\R", -1);
    String pkg = "";
    List<Integer> declarationLines = new ArrayList<>();
    Set<Integer> headerLines = new HashSet<>();
    Map<String, Integer> functions = new HashMap<>();
    Map<String, Integer> declares = new HashMap<>();
    for (int i = 0; i < code.length; i++) {
      Matcher p = PACKAGE_LINE.matcher(code[i]);
      if (pkg.isEmpty() && p.find()) {
        pkg = p.group(1);
      }
      if (TOP_LEVEL_LINE.matcher(code[i]).find()) {
        declarationLines.add(i + 1);
      }
      if (HEADER_LINE.matcher(code[i]).find()) {
        headerLines.add(i + 1);
      }
      Matcher f = FUNCTION_LINE.matcher(code[i]);
      if (f.find()) {
        functions.putIfAbsent(f.group(1), i + 1);
      }
      Matcher d = DECLARE_LINE.matcher(code[i]);
      if (d.find()) {
        String name = d.group(1);
        declares.putIfAbsent(name.substring(name.lastIndexOf('.') + 1), i + 1);
      }
    }
    Layout partial = new Layout(pkg, lines, code, List.of(), Map.of(), Map.of(), List.copyOf(declarationLines), Set.of());
    List<RuleSpan> rules = new ArrayList<>();
    for (int i = 0; i < code.length; i++) {
      Matcher r = RULE_OR_QUERY_LINE.matcher(code[i]);
      if (!r.find()) {
        continue;
      }
      String name = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
      int next = partial.declarationEnd(i + 1);
      int thenLine = 0;
      int endLine = 0;
      for (int j = i; j < next && endLine == 0; j++) {
        if (thenLine == 0 && THEN_LINE.matcher(code[j]).find()) {
          thenLine = j + 1;
        } else if (j > i && END.matcher(code[j]).find()) {
          endLine = j + 1;
        }
      }
      rules.add(new RuleSpan(name, i + 1, thenLine, endLine, next));
    }
    return new Layout(pkg, lines, code, List.copyOf(rules), Map.copyOf(functions), Map.copyOf(declares),
        List.copyOf(declarationLines), Set.copyOf(headerLines));
  }

  /** The text with comments replaced by spaces (newlines kept), strings untouched. */
  static String blankComments(String text) {
    StringBuilder s = new StringBuilder(text);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = closingQuote(text, i);
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        while (i < s.length() && s.charAt(i) != '\n') {
          s.setCharAt(i++, ' ');
        }
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        int stop = close < 0 ? s.length() : close + 2;
        for (; i < stop; i++) {
          if (s.charAt(i) != '\n') {
            s.setCharAt(i, ' ');
          }
        }
        i--;
      }
    }
    return s.toString();
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineOf(int[] starts, int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  private static String unescape(String s) {
    return s.replaceAll("\\\\(.)", "$1");
  }
}
