package uk.nhs.carecoord.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.StatelessKieSession;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.rules.RuleProblem;
import uk.nhs.carecoord.rules.RuleSource;

class DrlCompilerTest {
  private static final ClassLoader LOADER = DrlCompilerTest.class.getClassLoader();
  private static final String FIXTURES = "drl-fixtures/";
  private static final DrlCompiler COMPILER = new DrlCompiler();
  private static final List<String> VALID = List.of("valid/adults.drl", "valid/children.drl");

  /** The first build in this JVM, timed: includes loading Drools and the Java compiler. */
  private static long firstCompileNanos;

  @BeforeAll
  static void warmUp() {
    long start = System.nanoTime();
    COMPILER.compile(fixtures(VALID));
    firstCompileNanos = System.nanoTime() - start;
  }

  private static List<RuleSource> fixtures(List<String> names) {
    return RuleSource.fromClasspath(LOADER, FIXTURES, names);
  }

  private static List<RuleSource> fixtures(String... names) {
    return fixtures(Arrays.asList(names));
  }

  private static List<String> fire(KieBase kieBase, Object... facts) {
    SpikeResults results = new SpikeResults();
    List<Object> all = new ArrayList<>(List.of(facts));
    all.add(results);
    kieBase.newStatelessKieSession().execute(all);
    return results.getItems();
  }

  // --- valid rules -------------------------------------------------------------------------------

  @Test
  void compilesValidDrlIntoAKieBaseWhoseStatelessSessionFires() {
    KieBase kieBase = COMPILER.compile(fixtures(VALID));

    List<String> items = fire(kieBase, new SpikeFact("ann", 40, 70.0), new SpikeFact("bob", 9, 10.0));

    assertEquals(List.of("adult:ann", "child:bob", "high:ann"), items.stream().sorted().toList());
    assertEquals(3, kieBase.getKiePackage("spike.valid").getRules().size());
  }

  @Test
  void oneStatelessSessionServesConcurrentCallsWithPerCallCollectors() throws Exception {
    StatelessKieSession session = COMPILER.compile(fixtures(VALID)).newStatelessKieSession();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String name = "p" + i;
        int age = i % 2 == 0 ? 30 : 5;
        calls.add(pool.submit(() -> {
          SpikeResults results = new SpikeResults();
          session.execute(List.of(results, new SpikeFact(name, age, 0.0)));
          return results.getItems();
        }));
      }
      for (int i = 0; i < calls.size(); i++) {
        assertEquals(List.of((i % 2 == 0 ? "adult:" : "child:") + "p" + i), calls.get(i).get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void kieBaseIsImmutable() {
    KieBase kieBase = COMPILER.compile(fixtures(VALID));
    // Internal API, for this check only: the option is not visible through KieBase.
    assertEquals(KieBaseMutabilityOption.DISABLED,
        ((InternalRuleBase) kieBase).getConfiguration().getOption(KieBaseMutabilityOption.KEY));
  }

  @Test
  void compilesNoSourcesIntoAnEmptyKieBase() {
    KieBase kieBase = COMPILER.compile(List.of());
    assertEquals(List.of(), fire(kieBase, new SpikeFact("ann", 40, 70.0)));
  }

  @Test
  void removesEachBuildFromTheKieRepository() {
    KieServices ks = KieServices.get();
    ReleaseId ok = ks.newReleaseId("uk.nhs.carecoord.rules.test", "ok", "1.0.0");
    ReleaseId failed = ks.newReleaseId("uk.nhs.carecoord.rules.test", "failed", "1.0.0");

    COMPILER.compile(fixtures(VALID), ok);
    assertThrows(RuleCompilationException.class, () -> COMPILER.compile(fixtures("errors/unknown-method-rhs.drl"), failed));

    assertNull(ks.getRepository().getKieModule(ok));
    assertNull(ks.getRepository().getKieModule(failed));
  }

  @Test
  void compilesConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> builds = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int limit = 10 + i;
        String drl = """
            package spike.concurrent;
            import uk.nhs.carecoord.rules.engine.SpikeFact;
            import uk.nhs.carecoord.rules.engine.SpikeResults;
            rule "Over %d"
            when
                $r : SpikeResults()
                $f : SpikeFact( age > %d )
            then
                $r.add("over %d:" + $f.getName());
            end
            """.formatted(limit, limit, limit);
        builds.add(pool.submit(() -> fire(COMPILER.compile(List.of(new RuleSource("over.drl", drl))),
            new SpikeFact("ann", 14, 0.0))));
      }
      for (int i = 0; i < builds.size(); i++) {
        int limit = 10 + i;
        assertEquals(14 > limit ? List.of("over " + limit + ":ann") : List.of(), builds.get(i).get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsTwoSourcesWithTheSameName() {
    RuleSource a = new RuleSource("same.drl", "package a;");
    assertThrows(IllegalArgumentException.class, () -> COMPILER.compile(List.of(a, a)));
  }

  // --- problems: each typical mistake is reported against its DRL file and line --------------

  /**
   * Each fixture has a good rule first (line 8) and the faulty one at line 16. Compiled with the
   * valid files, so the problem must name the right file. The line is the one a rule author would
   * fix; see {@link DrlCompiler}'s class comment for how each is found.
   */
  @ParameterizedTest(name = "{0} -> line {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # syntax: Drools gives the line where the parser noticed
      missing-then.drl          | 21 | has no 'then'
      missing-end.drl           | 27 | rule "Missing end" at line 16 has no 'end' before line 23
      unbalanced-paren.drl      | 20 | mismatched input 'then'
      syntax-rhs.drl            | 22 | Unable to parse consequence
      # no line from Drools: found from the expression or name it quotes
      unknown-type.drl          | 19 | Unable to find class: Patient
      unknown-field.drl         | 19 | height > 3
      unknown-method-lhs.drl    | 19 | Method shout
      # Drools throws NumberFormatException: found by elimination, then by the literal
      type-mismatch.drl         | 19 | "old", which is not a number
      # no line and nothing quoted: found by elimination, the rule's line
      type-mismatch-boolean.drl | 16 | Found int and boolean
      # reported against generated Java: mapped back
      type-mismatch-double.drl  | 19 | in a constraint of rule "Double compared with text"
      unknown-method-rhs.drl    | 22 | getNickname() is undefined
      unknown-function-rhs.drl  | 22 | The method describe(SpikeFact) is undefined (in the consequence
      unknown-binding-rhs.drl   | 21 | $g cannot be resolved
      type-mismatch-rhs.drl     | 22 | cannot convert from String to int
      modify-setter.drl         | 21 | setAge(int) is undefined
      function-body.drl         | 18 | (in function describe)
      """)
  void reportsTheDrlFileAndLine(String fixture, int line, String fragment) {
    String file = "errors/" + fixture;
    List<RuleSource> sources = fixtures("valid/adults.drl", file, "valid/children.drl");

    RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> COMPILER.compile(sources));

    assertEquals(1, e.problems().size(), e::getMessage);
    RuleProblem problem = e.problems().get(0);
    assertEquals(file, problem.file(), e::getMessage);
    assertEquals(line, problem.line(), e::getMessage);
    assertTrue(problem.message().contains(fragment), e::getMessage);
    assertTrue(!problem.message().contains("Lambda") && !problem.message().contains(".java"), e::getMessage);
    assertTrue(e.getMessage().contains(file + ":" + line + ": "), e::getMessage);
  }

  @Test
  void reportsADuplicateRuleNameAtItsSecondDefinition() {
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> COMPILER.compile(fixtures("duplicate/first.drl", "duplicate/second.drl")));

    assertEquals(List.of(new RuleProblem("duplicate/second.drl", 13,
        "Duplicate rule name: Shared name (also defined at duplicate/first.drl:5)")), e.problems());
  }

  @Test
  void reportsEveryProblemOfOneStageAcrossFilesInSourceOrder() {
    // Drools reports in stages: syntax, then types and constraints, then the generated Java; the
    // problems of the first stage that has any are all reported.
    RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> COMPILER.compile(fixtures(
        "errors/unknown-method-rhs.drl", "valid/adults.drl", "errors/type-mismatch-double.drl", "errors/function-body.drl")));

    assertEquals(List.of("errors/unknown-method-rhs.drl:22", "errors/type-mismatch-double.drl:19", "errors/function-body.drl:18"),
        e.problems().stream().map(p -> p.file() + ":" + p.line()).toList(), e::getMessage);
    String message = e.getMessage();
    assertTrue(message.startsWith("Rules did not compile: 3 problems\n"), message);
    for (RuleProblem p : e.problems()) {
      assertTrue(message.contains("\n  " + p.file() + ":" + p.line() + ": " + p.message()), message);
    }
  }

  @Test
  void reportsSyntaxErrorsInSeveralFiles() {
    RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> COMPILER.compile(fixtures(
        "errors/missing-then.drl", "errors/unbalanced-paren.drl")));

    assertEquals(List.of("errors/missing-then.drl:21", "errors/unbalanced-paren.drl:20"),
        e.problems().stream().map(p -> p.file() + ":" + p.line()).toList(), e::getMessage);
  }

  // --- timing (printed, not asserted) --------------------------------------------------------

  @Test
  void printsCompileTimes() {
    int runs = 10;
    long[] warm = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      COMPILER.compile(fixtures(VALID));
      warm[i] = System.nanoTime() - start;
    }
    Arrays.sort(warm);
    long start = System.nanoTime();
    assertThrows(RuleCompilationException.class, () -> COMPILER.compile(fixtures("errors/unknown-method-rhs.drl")));
    long javaError = System.nanoTime() - start;
    start = System.nanoTime();
    assertThrows(RuleCompilationException.class, () -> COMPILER.compile(fixtures("errors/type-mismatch-boolean.drl")));
    long byElimination = System.nanoTime() - start;
    System.out.printf(
        "DRL compile (2 files, 3 rules): first in JVM %d ms; warm min %d / median %d / max %d ms over %d; "
            + "failing on generated Java %d ms; failing, located by elimination %d ms%n",
        ms(firstCompileNanos), ms(warm[0]), ms(warm[runs / 2]), ms(warm[runs - 1]), runs, ms(javaError), ms(byElimination));
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  // --- RuleSource, RuleProblem, RuleCompilationException -------------------------------------

  @Test
  void readsDrlFilesFromADirectoryRecursivelySortedByName(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.drl"), "package b;");
    Files.writeString(dir.resolve("a.drl"), "package a;");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.drl"), "package c;");
    Files.writeString(dir.resolve("notes.txt"), "not a rule file");

    List<RuleSource> sources = RuleSource.fromDirectory(dir);

    assertEquals(List.of("a.drl", "b.drl", "sub/c.drl"), sources.stream().map(RuleSource::name).toList());
    assertEquals("package c;", sources.get(2).text());
  }

  @Test
  void directoryMustExist(@TempDir Path dir) {
    assertThrows(UncheckedIOException.class, () -> RuleSource.fromDirectory(dir.resolve("missing")));
  }

  @Test
  void readsClasspathResourcesInTheOrderGiven() {
    List<RuleSource> sources = RuleSource.fromClasspath(LOADER, "drl-fixtures", List.of("valid/children.drl", "valid/adults.drl"));
    assertEquals(List.of("valid/children.drl", "valid/adults.drl"), sources.stream().map(RuleSource::name).toList());
    assertTrue(sources.get(0).text().contains("rule \"Child\""));

    assertEquals("drl-fixtures/valid/adults.drl",
        RuleSource.fromClasspath(LOADER, List.of("drl-fixtures/valid/adults.drl")).get(0).name());
    assertThrows(UncheckedIOException.class, () -> RuleSource.fromClasspath(LOADER, FIXTURES, List.of("missing.drl")));
  }

  @Test
  void namesAreRelativeDrlPaths() {
    assertEquals("dir/a.drl", new RuleSource("dir\\a.drl", "").name());
    for (String bad : List.of("", "/abs.drl", "C:/abs.drl", "../up.drl", "a//b.drl", "rules.txt")) {
      assertThrows(IllegalArgumentException.class, () -> new RuleSource(bad, ""), bad);
    }
  }

  @Test
  void problemsPrintAsFileLineMessage() {
    assertEquals("a.drl:3: bad", new RuleProblem("a.drl", 3, "bad").toString());
    assertEquals("a.drl: bad", new RuleProblem("a.drl", -1, "bad").toString());
    assertEquals(0, new RuleProblem("a.drl", -1, "bad").line());
    RuleCompilationException e = new RuleCompilationException(List.of(new RuleProblem("a.drl", 3, "bad")));
    assertEquals("Rules did not compile: 1 problem\n  a.drl:3: bad", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RuleCompilationException(List.of()));
  }
}
