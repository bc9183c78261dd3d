package uk.nhs.carecoord.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Plausibility;
import uk.nhs.carecoord.model.SupervisionArrangement;

/**
 * The rules engine: cohorts, ARRS training compliance, safeguarding obligations and next steps,
 * decided by DRL rule sets that a rule author can read and change.
 *
 * <pre>{@code
 * CareRules rules = CareRules.builder().clock(clock).build();
 * PatientEvaluation result = rules.evaluate(patientCase);
 * }</pre>
 *
 * <p>One instance holds one compiled rule base and is safe to share between threads; each
 * evaluation runs in a session of its own, which sees that person's facts only and is cleared for
 * reuse afterwards. The clock and every threshold are injected here; no rule reads the wall clock.
 */
public final class CareRules {
  /** The built-in rule sets, in the order they are compiled. */
  static final List<String> BUILT_IN =
      List.of("cohorts.drl", "training.drl", "safeguarding.drl", "recommendations.drl", "acknowledgements.drl");

  private static final String BUILT_IN_ROOT = "uk/nhs/carecoord/rules/drl/";

  /** The decision record of the coding part names this rule and rule set: the cluster lookup. */
  static final String CODING_RULE = "Coded entries looked up in the code clusters";

  static final String CODING_RULE_SET = "code-clusters";

  /** The built-in rule sets' DRL, read from this library's resources. */
  static List<RuleSource> builtInSources() {
    return RuleSource.fromClasspath(CareRules.class.getClassLoader(), BUILT_IN_ROOT, BUILT_IN);
  }

  private final Settings settings;
  private final AtomicReference<Compiled> ruleBase;
  private final Clock clock;
  private final FactAssembler facts;

  private CareRules(Settings settings, AtomicReference<Compiled> ruleBase, Clock clock) {
    this.settings = settings;
    this.ruleBase = ruleBase;
    this.clock = clock;
    this.facts = new FactAssembler(settings.codeClusters);
  }

  /** A builder with the built-in rules, default thresholds, built-in code clusters and system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** A view of these rules that evaluates as of a fixed date; shares the compiled rule base. */
  public CareRules asOf(LocalDate date) {
    return new CareRules(settings, ruleBase, Clock.fixed(date.atStartOfDay(settings.zone()).toInstant(), settings.zone()));
  }

  /** A view of these rules with other thresholds; shares the compiled rule base. */
  public CareRules withThresholds(Thresholds thresholds) {
    Objects.requireNonNull(thresholds, "thresholds");
    Settings changed = new Settings(thresholds, settings.codeClusters, settings.ruleDirectory, settings.builtIns, settings.precompiled, settings.clock,
        settings.plausibility);
    return new CareRules(changed, ruleBase, clock);
  }

  /** How the rule base in use was made (tests). */
  RuleBase.Origin ruleBaseOrigin() {
    return ruleBase.get().rules().origin();
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
  public PatientEvaluation evaluate(PatientCase patientCase) {
    return evaluate(patientCase, Optional.empty());
  }

  /** Evaluates one person in their PCN, which names their co-ordinator's GP supervisor. */
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
  public CoordinatorEvaluation evaluate(CareCoordinator coordinator, Pcn pcn) {
    LocalDate asOf = today();
    coordinator.checkAsOf(asOf, settings.plausibility);
    List<Object> input = facts.coordinatorFacts(coordinator, pcn.supervisionOf(coordinator.id()), asOf);
    List<Finding> findings = run(input, asOf).findings;
    ImmutableCoordinatorEvaluation.Builder b = CoordinatorEvaluation.builder()
        .coordinatorId(coordinator.id())
        .asOf(asOf);
    for (Finding f : findings) {
      switch (f.kind()) {
        case TRAINING -> b.addTraining(f);
        case SUPERVISION -> b.addSupervision(f);
        case VERDICT -> b.verdict(f);
        default -> { } // patient outputs cannot arise from co-ordinator facts
      }
    }
    return b.build();
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
  public OutputCatalogue outputs() {
    return ruleBase.get().outputs();
  }

  /** The rule sets in use: name, declared version and digest, for audit. */
  public Map<String, String> ruleSetVersions() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (RuleBase.RuleSetInfo info : ruleBase.get().rules().ruleSets()) {
      versions.put(info.name(), info.version() + "+" + info.digest());
    }
    return versions;
  }

  /**
   * Why these rules make the engine reset its session between people, naming the rule (or the
   * events or entry point) that needs it; empty when sessions are instead cleared by deleting each
   * person's facts, which takes about 30% less engine time. The decisions are the same either way.
   * Empty for the built-in rules; care-rules' README tells rule authors how to keep it so.
   */
  public Optional<String> sessionResetReason() {
    return ruleBase.get().rules().whyReset();
  }

  private PatientEvaluation evaluate(PatientCase c, Optional<SupervisionArrangement> supervision) {
    LocalDate asOf = today();
    c.checkAsOf(asOf, settings.plausibility);
    List<CodedEntry> unrecognised = new ArrayList<>(0);
    Run run = run(facts.patientFacts(c, supervision, asOf, unrecognised), asOf);
    ImmutablePatientEvaluation.Builder b = PatientEvaluation.builder()
        .patientId(c.patient().id())
        .asOf(asOf)
        .codeListVersion(settings.codeClusters.version())
        .coding(coding(c, unrecognised, asOf));
    for (Finding f : run.findings) {
      switch (f.kind()) {
        case COHORT -> b.addCohorts(f);
        case OBLIGATION -> b.addObligations(f);
        case RECOMMENDATION -> {
          Optional<Outcomes.Suppression> held = run.outcomes.suppressions().stream()
              .filter(s -> s.code().equals(f.code()) && f.factsFingerprint().equals(s.fingerprint()))
              .findFirst();
          if (held.isPresent()) {
            b.addSuppressed(ImmutableFinding.copyOf(f)
                .withDecisions(withSuppression(f, held.get(), run.assembler))
                .withDueOn(Optional.ofNullable(held.get().record().getDueOn())));
          } else {
            b.addRecommendations(f);
          }
        }
        default -> { } // co-ordinator outputs cannot arise from patient facts
      }
    }
    return b.build();
  }

  /** The coding part: which coded entries no cluster recognised, with its own decision record. */
  private CodingCoverage coding(PatientCase c, List<CodedEntry> unrecognised, LocalDate asOf) {
    int entries = c.patient().codedEntries().size() + c.patient().conditions().size();
    int recognised = entries - unrecognised.size();
    String version = settings.codeClusters.version();
    ImmutableDecisionRecord.Builder record = DecisionRecord.builder()
        .rule(CODING_RULE)
        .ruleSet(CODING_RULE_SET)
        .ruleSetVersion(version)
        .ruleSetDigest(version.substring(version.indexOf('+') + 1))
        .asOf(asOf)
        .codeListVersion(version)
        .putFacts("codedEntries", String.valueOf(entries))
        .putFacts("recognised", String.valueOf(recognised))
        .putFacts("unrecognised", String.valueOf(unrecognised.size()));
    if (unrecognised.isEmpty()) {
      record.addReasons(entries == 0 ? "No coded entries on the record"
          : "Every coded entry (" + entries + ") is in a code cluster");
    } else {
      String codes = String.join(", ", unrecognised.stream().map(CodedEntry::snomedCode).distinct().toList());
      record.addReasons(unrecognised.size() + " of " + entries + " coded entries are in no code cluster and count towards no decision: " + codes)
          .putFacts("unrecognisedCodes", codes);
    }
    return CodingCoverage.builder()
        .codedEntries(entries)
        .recognised(recognised)
        .unrecognised(unrecognised)
        .decision(record.build())
        .build();
  }

  private static List<DecisionRecord> withSuppression(Finding f, Outcomes.Suppression s, FindingAssembler assembler) {
    List<DecisionRecord> records = new ArrayList<>(f.decisions());
    records.add(assembler.record(s.record()));
    return records;
  }

  private Run run(List<Object> input, LocalDate asOf) {
    Compiled compiled = ruleBase.get();
    Outcomes outcomes = new Outcomes(compiled.outputs());
    compiled.rules().execute(input, new Context(asOf, settings.thresholds, settings.codeClusters.version()), outcomes);
    FindingAssembler assembler = new FindingAssembler(compiled.rules(), compiled.outputs(), asOf, settings.codeClusters.version());
    return new Run(outcomes, assembler, assembler.assemble(outcomes.raised()));
  }

  private record Run(Outcomes outcomes, FindingAssembler assembler, List<Finding> findings) {}

  /** A compiled rule base and the output catalogue it was checked against: swapped together. */
  private record Compiled(RuleBase rules, OutputCatalogue outputs) {}

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
        for (RuleSource s : builtInSources()) {
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
    Compiled compile() {
      List<RuleSource> sources = sources();
      OutputCatalogue outputs = OutputCatalogue.builtInWith(ruleDirectory);
      OutputCheck.check(sources, outputs, builtIns);
      return new Compiled(RuleBase.compile(sources, precompiled), outputs);
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
