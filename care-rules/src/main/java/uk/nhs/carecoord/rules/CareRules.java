package uk.nhs.carecoord.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Plausibility;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.rules.authoring.Thresholds;
import uk.nhs.carecoord.rules.engine.Engine;

/**
 * The rules engine: cohorts, ARRS training compliance, safeguarding obligations and next steps,
 * decided by DRL rule sets that a rule author can read and change.
 *
 * <pre>{@code
 * CareRules rules = CareRules.builder().clock(clock).build();
 * PatientEvaluation result = rules.evaluate(patientCase);
 * }</pre>
 *
 * <p>Hosts that want to stub the engine in their own tests take the {@link Evaluator} interface
 * this class implements.
 *
 * <p>One instance holds one compiled rule base and is safe to share between threads; each
 * evaluation runs in a session of its own, which sees that person's facts only and is cleared for
 * reuse afterwards. The clock and every threshold are injected here; no rule reads the wall clock.
 */
public final class CareRules implements Evaluator {
  private final Settings settings;
  private final AtomicReference<Engine> ruleBase;
  private final Clock clock;
  /** Told the rule set and name of each rule that fires (scenarios' coverage); null otherwise. */
  private final BiConsumer<String, String> trace;

  private CareRules(Settings settings, AtomicReference<Engine> ruleBase, Clock clock) {
    this(settings, ruleBase, clock, null);
  }

  private CareRules(Settings settings, AtomicReference<Engine> ruleBase, Clock clock, BiConsumer<String, String> trace) {
    this.settings = settings;
    this.ruleBase = ruleBase;
    this.clock = clock;
    this.trace = trace;
  }

  /**
   * A view of these rules that tells {@code firedRules} the rule set and name of every rule that
   * fires, each evaluation in a session of its own: slower, for scenarios, coverage and debugging a
   * rule, never for populations. {@code firedRules} must be safe to call from the threads that
   * evaluate.
   */
  public CareRules tracing(BiConsumer<String, String> firedRules) {
    return new CareRules(settings, ruleBase, clock, Objects.requireNonNull(firedRules, "firedRules"));
  }

  /** A builder with the built-in rules, default thresholds, built-in code clusters and system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** A view of these rules that evaluates as of a fixed date; shares the compiled rule base. */
  public CareRules asOf(LocalDate date) {
    return new CareRules(settings, ruleBase, Clock.fixed(date.atStartOfDay(settings.zone()).toInstant(), settings.zone()), trace);
  }

  /** A view of these rules with other thresholds; shares the compiled rule base. */
  public CareRules withThresholds(Thresholds thresholds) {
    Objects.requireNonNull(thresholds, "thresholds");
    Settings changed = new Settings(thresholds, settings.codeClusters, settings.ruleDirectory, settings.builtIns, settings.precompiled, settings.clock,
        settings.plausibility);
    return new CareRules(changed, ruleBase, clock, trace);
  }

  /** How the rule base in use was made (tests): precompiled, precompiled plus compiled now, or compiled now. */
  String ruleBaseOrigin() {
    return ruleBase.get().origin();
  }

  /** The reference date evaluations use now. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The thresholds in force. */
  public Thresholds thresholds() {
    return settings.thresholds;
  }

  /** The code clusters in force: what each SNOMED CT code in a record means to the rules. */
  public CodeClusters codeClusters() {
    return settings.codeClusters;
  }

  /**
   * Evaluates one person without PCN context (safeguarding obligations then name no GP supervisor).
   *
   * @throws uk.nhs.carecoord.model.ModelValidationException if the case records anything after
   *     the reference date or is outside the {@link Builder#plausibility plausibility} bounds
   */
  @Override
  public PatientEvaluation evaluate(PatientCase patientCase) {
    return evaluate(patientCase, Optional.empty());
  }

  /** Evaluates one person in their PCN, which names their co-ordinator's GP supervisor. */
  @Override
  public PatientEvaluation evaluate(PatientCase patientCase, Pcn pcn) {
    Objects.requireNonNull(pcn, "pcn");
    return evaluate(patientCase, patientCase.coordinatorId().flatMap(pcn::supervisionOf));
  }

  /** Evaluates many people, in input order. */
  public List<PatientEvaluation> evaluateAll(Collection<PatientCase> cases) {
    return cases.stream().map(this::evaluate).toList();
  }

  /** Evaluates many people of one PCN, in input order. */
  public List<PatientEvaluation> evaluateAll(Pcn pcn, Collection<PatientCase> cases) {
    return cases.stream().map(c -> evaluate(c, pcn)).toList();
  }

  /** Evaluates a stream of people lazily, in encounter order; parallel streams are safe. */
  public Stream<PatientEvaluation> evaluateAll(Stream<PatientCase> cases) {
    return cases.map(this::evaluate);
  }

  /** Evaluates a co-ordinator's ARRS training compliance and supervision in their PCN. */
  @Override
  public CoordinatorEvaluation evaluate(CareCoordinator coordinator, Pcn pcn) {
    LocalDate asOf = today();
    coordinator.checkAsOf(asOf, settings.plausibility);
    return ruleBase.get().evaluate(coordinator, pcn.supervisionOf(coordinator.id()), asOf, settings.thresholds, trace);
  }

  /** Evaluates every co-ordinator of a PCN, in the PCN's order. */
  public List<CoordinatorEvaluation> evaluateCoordinators(Pcn pcn) {
    return pcn.coordinators().stream().map(c -> evaluate(c, pcn)).toList();
  }

  /**
   * Recompiles the rules (built-in and the rule directory) and swaps them in atomically. If the
   * new rules do not compile, the rules in use are kept and the problems are thrown.
   *
   * @throws RuleCompilationException listing file, line and message of every problem
   */
  public void reload() {
    ruleBase.set(settings.compile());
  }

  /**
   * The output catalogue in force: every code the rules may raise, with its kind, label, default
   * text and the part the library relies on it for. Show {@link OutputCatalogue#label} where a
   * person reads a code.
   */
  @Override
  public OutputCatalogue outputs() {
    return ruleBase.get().outputs();
  }

  /** The rule sets in use: name, declared version and digest, for audit. */
  @Override
  public Map<String, String> ruleSetVersions() {
    return ruleBase.get().ruleSetVersions();
  }

  /**
   * The rule base in force, read from its DRL: each rule set with version and digest, each rule
   * with what it raises (code, label, priority), the thresholds it reads with the values in force
   * here, the output codes and code-cluster meanings it matches. Rule authors' coverage and the
   * rule catalogue for clinical review are built on it.
   */
  public List<RuleSetDescription> describe() {
    return ruleBase.get().describe(settings.thresholds);
  }

  /**
   * Why these rules make the engine reset its session between people, naming the rule (or the
   * events or entry point) that needs it; empty when sessions are instead cleared by deleting each
   * person's facts, which takes about 30% less engine time. The decisions are the same either way.
   * Empty for the built-in rules; care-rules' README tells rule authors how to keep it so.
   */
  public Optional<String> sessionResetReason() {
    return ruleBase.get().sessionResetReason();
  }

  private PatientEvaluation evaluate(PatientCase c, Optional<SupervisionArrangement> supervision) {
    LocalDate asOf = today();
    c.checkAsOf(asOf, settings.plausibility);
    return ruleBase.get().evaluate(c, supervision, asOf, settings.thresholds, trace);
  }

  /** What a builder collected; shared by the views {@link #asOf} makes. */
  private record Settings(
      Thresholds thresholds, CodeClusters codeClusters, Path ruleDirectory, boolean builtIns, boolean precompiled, Clock clock,
      Plausibility plausibility) {
    ZoneId zone() {
      return clock.getZone();
    }

    List<RuleSource> sources() {
      Map<String, RuleSource> byName = new LinkedHashMap<>();
      if (builtIns) {
        for (RuleSource s : Engine.builtInSources()) {
          byName.put(s.name(), s);
        }
      }
      if (ruleDirectory != null) {
        // A file with a built-in's name replaces it; any other adds a rule set.
        for (RuleSource s : RuleSource.fromDirectory(ruleDirectory)) {
          byName.put(s.name(), s);
        }
      }
      return List.copyOf(byName.values());
    }

    /** Reads the catalogue, checks the rules against it and compiles them. */
    Engine compile() {
      return Engine.compile(sources(), OutputCatalogue.builtInWith(ruleDirectory), builtIns, precompiled, codeClusters);
    }
  }

  /** Builds a {@link CareRules}: compiles the rules once, in {@link #build()}. */
  public static final class Builder {
    private Clock clock = Clock.systemDefaultZone();
    private Thresholds thresholds = Thresholds.defaults();
    private CodeClusters codeClusters;
    private Path codeListDirectory;
    private Path ruleDirectory;
    private boolean builtIns = true;
    private boolean precompiled = true;
    private Plausibility plausibility = Plausibility.defaults();

    private Builder() {}

    /** The clock whose date is the reference date (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A fixed reference date. */
    public Builder asOf(LocalDate date) {
      Objects.requireNonNull(date, "date");
      return clock(Clock.fixed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
    }

    /** The thresholds (default: {@link Thresholds#defaults()}). */
    public Builder thresholds(Thresholds thresholds) {
      this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
      return this;
    }

    /**
     * The code clusters that say what each SNOMED CT code means (default: {@link
     * CodeClusters#builtIn()}). Replaces any {@link #codeLists(Path)} directory.
     */
    public Builder codeClusters(CodeClusters clusters) {
      this.codeClusters = Objects.requireNonNull(clusters, "clusters");
      this.codeListDirectory = null;
      return this;
    }

    /**
     * A directory of OpenCodelists CSV files and their manifest ({@value CodeClusters#MANIFEST};
     * see {@link CodeClusters}) read in {@link #build()}: a cluster with a built-in cluster's id
     * replaces it (a newer release), any other adds to the built-in clusters.
     */
    public Builder codeLists(Path directory) {
      this.codeListDirectory = Objects.requireNonNull(directory, "directory");
      this.codeClusters = null;
      return this;
    }

    /**
     * A directory of {@code .drl} files loaded after the built-in rules: a file named like a
     * built-in rule set ({@code cohorts.drl}…) replaces it, any other adds to the rules.
     */
    public Builder ruleDirectory(Path directory) {
      this.ruleDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The bounds every case and co-ordinator must be within on the reference date (default: {@link
     * Plausibility#defaults()}: age at most 125…); an evaluation outside them is refused.
     */
    public Builder plausibility(Plausibility plausibility) {
      this.plausibility = Objects.requireNonNull(plausibility, "plausibility");
      return this;
    }

    /** Whether to load the built-in rule sets (default true). */
    public Builder builtInRules(boolean load) {
      this.builtIns = load;
      return this;
    }

    /**
     * Whether the built-in rule sets may be loaded as precompiled at build time (default true);
     * false compiles their DRL at run time, which tests compare against.
     */
    Builder precompiled(boolean use) {
      this.precompiled = use;
      return this;
    }

    /**
     * Compiles the rules. The built-in rule sets load as compiled when this library was built
     * (a fraction of a second). Files a rule directory adds are compiled now and join them (about
     * a second); if one replaces a built-in rule set, shares a built-in's package or needs a
     * built-in's declarations to compile, every rule set is compiled together from its DRL
     * (seconds).
     *
     * <p>The rules are checked against the output catalogue ({@link OutputCatalogue}: the built-in
     * {@code outputs.json}, with the rule directory's own {@code outputs.json} if it has one): a
     * rule raising or matching a code the catalogue does not declare, or (with the built-in rules
     * loaded) a rule base that raises no code the library relies on, such as the ARRS verdict, is
     * a problem naming the file and the code.
     *
     * @throws RuleCompilationException listing file, line and message of every problem
     * @throws uk.nhs.carecoord.model.CodeClusterException if the {@link #codeLists(Path)}
     *     directory holds a malformed file, naming the file and line
     */
    public CareRules build() {
      CodeClusters clusters = codeClusters;
      if (codeListDirectory != null) {
        clusters = CodeClusters.builtIn().toBuilder().replaceAll(CodeClusters.read(codeListDirectory)).build();
      } else if (clusters == null) {
        clusters = CodeClusters.builtIn();
      }
      Settings settings = new Settings(thresholds, clusters, ruleDirectory, builtIns, precompiled, clock, plausibility);
      return new CareRules(settings, new AtomicReference<>(settings.compile()), clock);
    }
  }
}
