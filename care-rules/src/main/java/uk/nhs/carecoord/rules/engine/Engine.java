package uk.nhs.carecoord.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.SupervisionArrangement;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CodingCoverage;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.ImmutableCodingCoverage;
import uk.nhs.carecoord.rules.ImmutableCoordinatorEvaluation;
import uk.nhs.carecoord.rules.ImmutableDecisionRecord;
import uk.nhs.carecoord.rules.ImmutableFinding;
import uk.nhs.carecoord.rules.ImmutablePatientEvaluation;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.RaisedOutput;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.rules.RuleDescription;
import uk.nhs.carecoord.rules.RuleSetDescription;
import uk.nhs.carecoord.rules.RuleSource;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * <b>Internal: not API.</b> The one door from {@link uk.nhs.carecoord.rules.CareRules} into the
 * Drools plumbing of this package; it may change in any release. Embedders use {@code CareRules}
 * (or the {@link uk.nhs.carecoord.rules.Evaluator} interface it implements).
 *
 * <p>One instance is one compiled rule base, checked against its output catalogue, with the code
 * clusters its facts are assembled with. It is safe to share between threads.
 */
public final class Engine {
  /** The built-in rule sets, in the order they are compiled. */
  static final List<String> BUILT_IN =
      List.of("cohorts.drl", "training.drl", "safeguarding.drl", "recommendations.drl", "acknowledgements.drl");

  private static final String BUILT_IN_ROOT = "uk/nhs/carecoord/rules/drl/";

  /** The decision record of the coding part names this rule and rule set: the cluster lookup. */
  static final String CODING_RULE = "Coded entries looked up in the code clusters";

  static final String CODING_RULE_SET = "code-clusters";

  private final RuleBase rules;
  private final OutputCatalogue outputs;
  private final List<RuleSource> sources;
  private final CodeClusters clusters;
  private final FactAssembler facts;
  /** Coding parts of records with every entry recognised: most records, and alike but for the count. */
  private final AllRecognised allRecognised = new AllRecognised();

  private Engine(RuleBase rules, OutputCatalogue outputs, List<RuleSource> sources, CodeClusters clusters) {
    this.rules = rules;
    this.outputs = outputs;
    this.sources = sources;
    this.clusters = clusters;
    this.facts = new FactAssembler(clusters);
  }

  /** The built-in rule sets' DRL, read from this library's resources. */
  public static List<RuleSource> builtInSources() {
    return RuleSource.fromClasspath(Engine.class.getClassLoader(), BUILT_IN_ROOT, BUILT_IN);
  }

  /**
   * Checks the sources against the output catalogue (with {@code requireRelied}, also that every
   * code the library relies on is raised) and compiles them, from the build-time executable model
   * where {@code precompiled} allows and the sources begin with the built-in ones.
   *
   * @throws RuleCompilationException listing file, line and message of every problem
   */
  public static Engine compile(
      List<RuleSource> sources, OutputCatalogue outputs, boolean requireRelied, boolean precompiled, CodeClusters clusters) {
    OutputCheck.check(sources, outputs, requireRelied);
    return new Engine(RuleBase.compile(sources, precompiled), outputs, List.copyOf(sources), clusters);
  }

  /**
   * Evaluates one person as of {@code asOf}; {@code fired}, when not null, is told the rule set and
   * name of every rule that fires (a session of its own: slower).
   */
  public PatientEvaluation evaluate(
      PatientCase c, Optional<SupervisionArrangement> supervision, LocalDate asOf, Thresholds thresholds,
      BiConsumer<String, String> fired) {
    List<CodedEntry> unrecognised = new ArrayList<>(0);
    Run run = run(facts.patientFacts(c, supervision, asOf, unrecognised), asOf, thresholds, fired);
    ImmutablePatientEvaluation.Builder b = ImmutablePatientEvaluation.builder()
        .patientId(c.patient().id())
        .asOf(asOf)
        .codeListVersion(clusters.version())
        .coding(coding(c, unrecognised, asOf));
    for (Finding f : run.findings) {
      switch (f.kind()) {
        case COHORT -> b.addCohorts(f);
        case OBLIGATION -> b.addObligations(f);
        case RECOMMENDATION -> {
          Optional<CollectedOutcomes.Suppression> held = heldBack(f, run.outcomes.suppressions());
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

  /** Evaluates a co-ordinator's ARRS training compliance and supervision as of {@code asOf}. */
  public CoordinatorEvaluation evaluate(
      CareCoordinator coordinator, Optional<SupervisionArrangement> supervision, LocalDate asOf, Thresholds thresholds,
      BiConsumer<String, String> fired) {
    List<Object> input = facts.coordinatorFacts(coordinator, supervision, asOf);
    List<Finding> findings = run(input, asOf, thresholds, fired).findings;
    ImmutableCoordinatorEvaluation.Builder b = ImmutableCoordinatorEvaluation.builder()
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

  /** The output catalogue the rules were checked against. */
  public OutputCatalogue outputs() {
    return outputs;
  }

  /** Each rule set's name, and its declared version and digest joined by {@code +}. */
  public Map<String, String> ruleSetVersions() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (RuleBase.RuleSetInfo info : rules.ruleSets()) {
      versions.put(info.name(), info.version() + "+" + info.digest());
    }
    return versions;
  }

  /**
   * The rule base read from its DRL, with the values of {@code thresholds} each rule reads and the
   * code clusters in force each depends on.
   */
  public List<RuleSetDescription> describe(Thresholds thresholds) {
    List<RuleBase.RuleSetInfo> infos = rules.ruleSets();
    List<RuleSetDescription> sets = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      RuleBase.RuleSetInfo info = infos.get(i);
      List<RuleDescription> described = new ArrayList<>();
      for (DrlReader.DrlRule rule : DrlReader.read(sources.get(i)).rules()) {
        List<RaisedOutput> raises = rule.raises().stream().map(r -> {
          String code = r.kind() == FindingKind.TRAINING ? RaisedOutput.TRAINING_ITEM : r.code().orElse(r.codeExpression());
          String label = r.kind() == FindingKind.TRAINING ? "each training item" : outputs.label(code);
          return new RaisedOutput(r.kind(), code, label, r.priority());
        }).toList();
        Map<String, String> values = new TreeMap<>();
        rule.thresholds().forEach(t -> values.put(t, thresholdValue(thresholds, t)));
        Set<String> matched = new TreeSet<>();
        rule.codesRead().forEach(read -> matched.add(read.code()));
        Set<String> clusterIds = new TreeSet<>(rule.clusterIds());
        for (CodeCluster cluster : clusters.clusters()) {
          if (rule.clusterMeanings().contains(cluster.meaning().name())) {
            clusterIds.add(cluster.id());
          }
        }
        described.add(new RuleDescription(info.name(), rule.name(), rule.line(), raises, values, matched, rule.clusterMeanings(),
            clusterIds));
      }
      sets.add(new RuleSetDescription(info.name(), info.path(), info.version(), info.digest(), described));
    }
    return List.copyOf(sets);
  }

  private static String thresholdValue(Thresholds thresholds, String property) {
    String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String prefix : List.of("get", "is")) {
      try {
        return String.valueOf(Thresholds.class.getMethod(prefix + suffix).invoke(thresholds));
      } catch (ReflectiveOperationException e) {
        // try the next accessor style
      }
    }
    return "?"; // a name Drools would have refused; never reached for compiled rules
  }

  /** Why these rules make the engine reset its session between people, if they do. */
  public Optional<String> sessionResetReason() {
    return rules.whyReset();
  }

  /** How the rule base was made: {@code PRECOMPILED}, {@code PRECOMPILED_PLUS_COMPILED_AT_RUN_TIME} or {@code COMPILED_AT_RUN_TIME}. */
  public String origin() {
    return rules.origin().name();
  }

  /** The coding part: which coded entries no cluster recognised, with its own decision record. */
  private CodingCoverage coding(PatientCase c, List<CodedEntry> unrecognised, LocalDate asOf) {
    int entries = c.patient().codedEntries().size() + c.patient().conditions().size();
    if (unrecognised.isEmpty()) {
      return allRecognised.get(asOf, entries);
    }
    return codingCoverage(entries, unrecognised, asOf);
  }

  private CodingCoverage codingCoverage(int entries, List<CodedEntry> unrecognised, LocalDate asOf) {
    int recognised = entries - unrecognised.size();
    String version = clusters.version();
    ImmutableDecisionRecord.Builder record = ImmutableDecisionRecord.builder()
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
    return ImmutableCodingCoverage.builder()
        .codedEntries(entries)
        .recognised(recognised)
        .unrecognised(unrecognised)
        .decision(record.build())
        .build();
  }

  /** The acknowledgement holding this recommendation back, if any (most evaluations have none). */
  private static Optional<CollectedOutcomes.Suppression> heldBack(Finding f, List<CollectedOutcomes.Suppression> suppressions) {
    for (CollectedOutcomes.Suppression s : suppressions) {
      if (s.code().equals(f.code()) && f.factsFingerprint().equals(s.fingerprint())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static List<DecisionRecord> withSuppression(Finding f, CollectedOutcomes.Suppression s, FindingAssembler assembler) {
    List<DecisionRecord> records = new ArrayList<>(f.decisions());
    records.add(assembler.record(s.record()));
    return records;
  }

  private Run run(List<Object> input, LocalDate asOf, Thresholds thresholds, BiConsumer<String, String> fired) {
    CollectedOutcomes outcomes = new CollectedOutcomes(outputs);
    Context context = new Context(asOf, thresholds, clusters.version());
    if (fired == null) {
      rules.execute(input, context, outcomes);
    } else {
      rules.executeTraced(input, context, outcomes, (pkg, rule) -> fired.accept(rules.ruleSetOf(pkg, rule).name(), rule));
    }
    FindingAssembler assembler = new FindingAssembler(rules, outputs, asOf, clusters.version());
    return new Run(outcomes, assembler, assembler.assemble(outcomes.raised()));
  }

  private record Run(CollectedOutcomes outcomes, FindingAssembler assembler, List<Finding> findings) {}

  /**
   * The coding part of an evaluation whose every coded entry is in a cluster, by entry count, for
   * the latest reference date asked: it says nothing of the person but the count, so one
   * immutable value serves every such evaluation (most of them), saving a decision record each.
   */
  private final class AllRecognised {
    private static final int CACHED_COUNTS = 32;
    private volatile ByDate latest = new ByDate(LocalDate.MIN, new CodingCoverage[0]);

    private record ByDate(LocalDate asOf, CodingCoverage[] byCount) {}

    CodingCoverage get(LocalDate asOf, int entries) {
      if (entries >= CACHED_COUNTS) {
        return codingCoverage(entries, List.of(), asOf);
      }
      ByDate cached = latest;
      if (!cached.asOf().equals(asOf)) {
        cached = new ByDate(asOf, new CodingCoverage[CACHED_COUNTS]);
        latest = cached;
      }
      CodingCoverage coverage = cached.byCount()[entries];
      if (coverage == null) {
        // Racing threads may both build it: equal values, either may be kept.
        coverage = codingCoverage(entries, List.of(), asOf);
        cached.byCount()[entries] = coverage;
      }
      return coverage;
    }
  }
}
