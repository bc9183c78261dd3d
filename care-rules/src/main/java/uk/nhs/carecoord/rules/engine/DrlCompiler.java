package uk.nhs.carecoord.rules.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieContainer;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.rules.RuleProblem;
import uk.nhs.carecoord.rules.RuleSource;

/**
 * Compiles DRL text into a {@link KieBase} at run time with the executable model, reporting every
 * problem against the DRL file and line a rule author wrote.
 *
 * <p>Each call builds in its own {@link KieFileSystem} under a fresh {@link ReleaseId}, and removes
 * that id from the {@code KieRepository} singleton once the KieBase is taken, so builds neither
 * leak nor see each other: {@link #compile} is safe to call from many threads at once. The KieBase
 * is made with {@link KieBaseMutabilityOption#DISABLED} (no incremental changes), which suits
 * stateless evaluation; sessions made from it may run concurrently.
 *
 * <h2>Where problems are reported</h2>
 *
 * Drools reports some problems against the DRL, others against the Java sources the executable
 * model generates, some with no line, and for some it throws instead of reporting. Every problem is
 * mapped back to a DRL file by {@link DrlProblemMapper}; the line is found as follows (each case is
 * checked by {@code DrlCompilerTest} on Drools 10.1):
 *
 * <ul>
 *   <li><b>Exact, from Drools:</b> syntax errors, at the line where the parser noticed: a missing
 *       {@code then} or an unbalanced parenthesis at the next {@code then}/{@code end}; a missing
 *       {@code end} at the following rule's {@code end}, so a hint names the rule that lacks it
 *       and where its next rule starts. A duplicate rule name in one package, in the same file or
 *       another: the second definition, and the message adds where the other is. An unknown
 *       accumulate function; a constraint that is not boolean.
 *   <li><b>Exact, computed here:</b> a Java syntax error in a consequence (Drools gives the rule's
 *       line and the line within the consequence). Problems Drools gives with no line but quoting
 *       a name or expression: an unknown fact type ({@code Unable to find class: X}: the first
 *       pattern {@code X(}), an unknown field ({@code Unable to parse left part of expression}),
 *       an unknown method or binding in a constraint.
 *   <li><b>Exact, mapped from generated Java:</b> errors the Java compiler finds in generated
 *       sources. In a consequence (unknown method, function, property, binding or class; a type
 *       mismatch; a setter missing in {@code modify}) the generated lambda is matched to its rule
 *       by its code, then the failing statement to a line of the rule's consequence. In a
 *       constraint (e.g. {@code score == "high"} on a double) the generated predicate names its
 *       rule and quotes the constraint. In a DRL {@code function}, the function is found by name.
 *       Where the statement cannot be matched line to line (Drools rewrote it beyond recognition)
 *       the <b>rule's line</b> ({@code rule "name"}) is given instead.
 *   <li><b>Rule's line, by elimination:</b> problems given with no line and nothing quoted (e.g.
 *       {@code age == true}: {@code Equality operation requires compatible types. Found int and
 *       boolean}), and failures where Drools throws instead of reporting (e.g. {@code age > "old"}
 *       on an int field throws {@code NumberFormatException}). The rule is found by rebuilding
 *       with rules blanked out (line numbers kept), halving each time, at most {@value
 *       #MAX_TRIAL_BUILDS} extra builds per failed compile; a literal quoted in the failure then
 *       narrows it to its line ({@code "old"} gives the exact line). Failing that, the file is
 *       named with line 0 (unknown).
 * </ul>
 *
 * <p>Drools reports in stages (syntax, then types and constraints, then the generated Java), so
 * one failed compile lists every problem of the first stage that has any; fixing those may reveal
 * more.
 *
 * <p>Holds no mutable state. The class loader given must see every class the DRL imports, and
 * the facts must be public classes with public getters.
 */
final class DrlCompiler {
  static final String RESOURCES_ROOT = "src/main/resources/";
  private static final String RELEASE_GROUP = "uk.nhs.carecoord.rules.runtime";
  /** The most extra builds spent locating problems that Drools gives no line for. */
  static final int MAX_TRIAL_BUILDS = 16;

  private final KieServices kieServices;
  private final ClassLoader classLoader;

  /** A compiler that resolves fact classes with this library's class loader. */
  DrlCompiler() {
    this(DrlCompiler.class.getClassLoader());
  }

  /** A compiler that resolves fact classes (and loads the generated ones) with this loader. */
  DrlCompiler(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.kieServices = KieServices.get();
  }

  /**
   * Compiles the sources into one KieBase.
   *
   * @param sources the DRL files; names must be distinct
   * @return an immutable KieBase holding every rule of every source
   * @throws RuleCompilationException if any source does not compile, listing every problem
   * @throws IllegalArgumentException if two sources have the same name
   */
  KieBase compile(List<RuleSource> sources) {
    return compile(sources, newReleaseId());
  }

  /** As {@link #compile(List)}, building under the given release id (tests check its removal). */
  KieBase compile(List<RuleSource> sources, ReleaseId releaseId) {
    requireDistinctNames(sources);
    Build build = build(sources, releaseId, Output.KIE_BASE);
    if (build.kieBase() == null) {
      throw failure(sources, build);
    }
    return build.kieBase();
  }

  /**
   * Compiles the sources and returns the executable model's generated files (class files, and the
   * {@code drools-model} index of the model classes) by path, for {@link PrecompiledRules}.
   *
   * @throws RuleCompilationException if any source does not compile, listing every problem
   * @throws IllegalArgumentException if two sources have the same name
   */
  Map<String, byte[]> generate(List<RuleSource> sources) {
    return generate(sources, newReleaseId());
  }

  /** As {@link #generate(List)}, under the given release id (the build's files are named by it). */
  Map<String, byte[]> generate(List<RuleSource> sources, ReleaseId releaseId) {
    requireDistinctNames(sources);
    Build build = build(sources, releaseId, Output.FILES);
    if (build.files() == null) {
      throw failure(sources, build);
    }
    return build.files();
  }

  private static void requireDistinctNames(List<RuleSource> sources) {
    Objects.requireNonNull(sources, "sources");
    Set<String> names = new HashSet<>();
    for (RuleSource source : sources) {
      if (!names.add(Objects.requireNonNull(source, "source").name())) {
        throw new IllegalArgumentException("two rule sources are named " + source.name());
      }
    }
  }

  /** The problems of a failed build, against the DRL files. */
  private RuleCompilationException failure(List<RuleSource> sources, Build build) {
    List<RuleProblem> problems = new ArrayList<>(MovedTypes.problems(sources));
    problems.addAll(new DrlProblemMapper(this, sources).map(build));
    if (problems.isEmpty()) { // not expected: every error message maps to at least one problem
      problems = List.of(new RuleProblem(sources.size() == 1 ? sources.get(0).name() : "", 0,
          "Drools reported errors that could not be read: " + build.errors().stream().map(Message::getText).toList()));
    }
    return new RuleCompilationException(problems);
  }

  ReleaseId newReleaseId() {
    return kieServices.newReleaseId(RELEASE_GROUP, "drl-" + UUID.randomUUID(), "1.0.0");
  }

  /**
   * One build. Returns what {@code output} asks for if there were no errors, else the error
   * messages, or the exception Drools threw instead of reporting.
   */
  Build build(List<RuleSource> sources, ReleaseId releaseId, Output output) {
    KieFileSystem kfs = kieServices.newKieFileSystem();
    kfs.generateAndWritePomXML(releaseId);
    for (RuleSource source : sources) {
      kfs.write(RESOURCES_ROOT + source.name(), source.text());
    }
    try {
      List<Message> errors;
      KieBuilder builder;
      try {
        builder = kieServices.newKieBuilder(kfs, classLoader).buildAll(ExecutableModelProject.class);
        errors = builder.getResults().getMessages(Message.Level.ERROR);
      } catch (RuntimeException e) {
        return new Build(null, null, List.of(), e);
      }
      if (!errors.isEmpty()) {
        return new Build(null, null, errors, null);
      }
      if (output == Output.ERRORS_ONLY) {
        return new Build(null, null, List.of(), null);
      }
      if (output == Output.FILES) {
        return new Build(null, files((InternalKieModule) builder.getKieModule()), List.of(), null);
      }
      KieContainer container = kieServices.newKieContainer(releaseId, classLoader);
      KieBaseConfiguration configuration = kieServices.newKieBaseConfiguration();
      configuration.setOption(KieBaseMutabilityOption.DISABLED);
      return new Build(container.newKieBase(configuration), null, List.of(), null);
    } finally {
      // A successful build registers its KieModule in the KieRepository singleton; never keep it.
      kieServices.getRepository().removeKieModule(releaseId);
    }
  }

  private static Map<String, byte[]> files(InternalKieModule module) {
    Map<String, byte[]> files = new TreeMap<>();
    for (String name : module.getFileNames()) {
      byte[] bytes = module.getBytes(name);
      if (bytes != null) {
        files.put(name, bytes);
      }
    }
    return files;
  }

  /** What a successful build returns besides its (empty) errors. */
  enum Output { ERRORS_ONLY, FILES, KIE_BASE }

  record Build(KieBase kieBase, Map<String, byte[]> files, List<Message> errors, RuntimeException failure) {}
}
