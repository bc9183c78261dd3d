package uk.nhs.carecoord.rules.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CareJsonException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.TrainingStatus;

/**
 * A data-only test of the rules, written by a rule author as JSON: a case (or a co-ordinator in a
 * PCN), a reference date, optional threshold overrides, and the codes expected present and
 * absent, with their priorities where it matters. The format is documented in the care-rules README.
 */
public final class Scenario {
  private final String name;
  private final String description;
  private final LocalDate asOf;
  private final Optional<Thresholds> thresholds;
  private final Optional<PatientCase> patientCase;
  private final Optional<Pcn> pcn;
  private final Optional<String> coordinatorId;
  private final Set<String> present;
  private final Set<String> absent;
  private final Set<String> suppressed;
  private final Map<String, TrainingStatus> training;
  private final Map<String, Priority> priority;
  private final Optional<Boolean> compliant;
  private final Map<String, Set<String>> clusters;
  private final Optional<Set<String>> unrecognised;

  private Scenario(String name, JsonNode root) throws JsonProcessingException {
    ObjectMapper mapper = CareJson.mapper();
    this.name = name;
    this.description = text(root, "description").orElse(name);
    this.asOf = date(text(root, "asOf").orElseThrow(() -> new IllegalArgumentException("asOf: required")));
    this.thresholds = node(root, "thresholds").map(n -> treeToValue(mapper, n, Thresholds.class));
    this.patientCase = node(root, "case").map(n -> treeToValue(mapper, n, PatientCase.class));
    this.pcn = node(root, "pcn").map(n -> treeToValue(mapper, n, Pcn.class));
    this.coordinatorId = text(root, "coordinatorId");
    JsonNode expect = node(root, "expect").orElseThrow(() -> new IllegalArgumentException("expect: required"));
    this.present = strings(expect, "present");
    this.absent = strings(expect, "absent");
    this.suppressed = strings(expect, "suppressed");
    this.training = new LinkedHashMap<>();
    node(expect, "training").ifPresent(t -> t.fields().forEachRemaining(
        e -> training.put(e.getKey(), named(TrainingStatus.class, "expect.training." + e.getKey(), e.getValue().asText()))));
    this.priority = new LinkedHashMap<>();
    node(expect, "priority").ifPresent(t -> t.fields().forEachRemaining(
        e -> priority.put(e.getKey(), named(Priority.class, "expect.priority." + e.getKey(), e.getValue().asText()))));
    this.compliant = node(expect, "compliant").map(n -> {
      if (!n.isBoolean()) {
        throw new IllegalArgumentException("expect.compliant: must be true or false");
      }
      return n.booleanValue();
    });
    this.clusters = new LinkedHashMap<>();
    node(expect, "clusters").ifPresent(t -> t.fields().forEachRemaining(e -> clusters.put(e.getKey(), strings(t, e.getKey()))));
    this.unrecognised = node(expect, "unrecognised").map(n -> strings(expect, "unrecognised"));
    if (patientCase.isEmpty() && (pcn.isEmpty() || coordinatorId.isEmpty())) {
      throw new IllegalArgumentException("needs a \"case\", or a \"pcn\" and a \"coordinatorId\"");
    }
  }

  /**
   * Reads a scenario file.
   *
   * @throws CareJsonException if the JSON is malformed or a case, PCN or threshold in it is invalid
   * @throws IllegalArgumentException if a required part (asOf, expect, case or pcn) is missing, or an
   *     expected training status or priority is not one of its names
   */
  public static Scenario read(Path file) {
    try {
      // Through CareJson: duplicate keys, a byte-order mark and size limits as for any case file.
      JsonNode root = CareJson.readTree(Files.readString(file));
      return new Scenario(file.getFileName().toString(), root);
    } catch (JsonProcessingException e) {
      throw CareJson.translate(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every {@code *.json} file under a directory, recursively, sorted by path. */
  public static List<Path> find(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list scenarios in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The file name. */
  public String name() {
    return name;
  }

  /** What the scenario checks, in words. */
  public String description() {
    return description;
  }

  /** Runs the scenario against the rules and says what did not match. */
  public Result run(CareRules rules) {
    Set<FiredRule> fired = new TreeSet<>();
    CareRules view = rules.asOf(asOf).tracing((ruleSet, rule) -> fired.add(new FiredRule(ruleSet, rule)));
    if (thresholds.isPresent()) {
      view = view.withThresholds(thresholds.get());
    }
    List<String> problems = new ArrayList<>();
    Set<String> actual;
    List<Finding> raised = new ArrayList<>();
    if (patientCase.isPresent()) {
      PatientEvaluation e = pcn.isPresent() ? view.evaluate(patientCase.get(), pcn.get()) : view.evaluate(patientCase.get());
      actual = new TreeSet<>(e.codes());
      unrecognised.ifPresent(codes -> {
        Set<String> was = new TreeSet<>();
        e.coding().unrecognised().forEach(u -> was.add(u.snomedCode()));
        if (!was.equals(new TreeSet<>(codes))) {
          problems.add("unrecognised codes: expected " + new TreeSet<>(codes) + ", was " + was);
        }
      });
      raised.addAll(e.cohorts());
      raised.addAll(e.obligations());
      raised.addAll(e.recommendations());
      Set<String> held = new TreeSet<>();
      e.suppressed().forEach(f -> held.add(f.code()));
      for (String code : suppressed) {
        if (!held.contains(code)) {
          problems.add("expected suppressed: " + code);
        }
      }
    } else {
      String id = coordinatorId.orElseThrow();
      CareCoordinator cc = pcn.orElseThrow().coordinators().stream()
          .filter(c -> c.id().equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("coordinatorId: no co-ordinator '" + id + "' in the PCN"));
      CoordinatorEvaluation e = view.evaluate(cc, pcn.get());
      actual = new TreeSet<>(e.codes());
      raised.addAll(e.training());
      raised.addAll(e.supervision());
      e.verdict().ifPresent(raised::add);
      training.forEach((module, expected) -> {
        Optional<TrainingStatus> was = e.statusOf(module);
        if (!was.equals(Optional.of(expected))) {
          problems.add("training " + module + ": expected " + expected + ", was " + was.map(Enum::name).orElse("not assessed"));
        }
      });
      compliant.ifPresent(c -> {
        if (c != e.compliant()) {
          problems.add("expected " + (c ? "compliant" : "not compliant") + ", was " + (e.compliant() ? "compliant" : "not compliant"));
        }
      });
    }
    for (String code : present) {
      if (!actual.contains(code)) {
        problems.add("expected present: " + code);
      }
    }
    for (String code : absent) {
      if (actual.contains(code)) {
        problems.add("expected absent: " + code);
      }
    }
    priority.forEach((code, expected) -> {
      List<Priority> was = raised.stream().filter(f -> f.code().equals(code)).map(Finding::priority).toList();
      if (was.isEmpty()) {
        problems.add("priority " + code + ": expected " + expected + ", but it was not raised");
      } else if (was.stream().anyMatch(p -> p != expected)) {
        problems.add("priority " + code + ": expected " + expected + ", was " + was);
      }
    });
    clusters.forEach((code, expected) -> {
      Set<String> used = new TreeSet<>();
      raised.stream().filter(f -> f.code().equals(code)).forEach(f -> f.decisions().forEach(d -> used.addAll(d.clusters())));
      if (!used.containsAll(expected)) {
        problems.add("clusters " + code + ": expected " + new TreeSet<>(expected) + " among those its decisions used, was " + used);
      }
    });
        return new Result(name, description, List.copyOf(problems), Set.copyOf(actual), Set.copyOf(fired));
  }

  /**
   * Runs every scenario file against the rules, in order: the results and which rules each fired
   * ({@link ScenarioCoverage#of}).
   *
   * @throws CareJsonException or {@link IllegalArgumentException} as {@link #read} does, naming the file
   */
  public static List<Result> runAll(List<Path> files, CareRules rules) {
    List<Result> results = new ArrayList<>();
    for (Path file : files) {
      results.add(read(file).run(rules));
    }
    return List.copyOf(results);
  }

  /**
   * A rule that fired in a scenario.
   *
   * @param ruleSet the rule set's name, e.g. {@code cohorts}
   * @param rule the rule's name
   */
  public record FiredRule(String ruleSet, String rule) implements Comparable<FiredRule> {
    @Override
    public int compareTo(FiredRule o) {
      int bySet = ruleSet.compareTo(o.ruleSet);
      return bySet != 0 ? bySet : rule.compareTo(o.rule);
    }
  }

  /**
   * The outcome of one scenario.
   *
   * @param name the scenario file name
   * @param description what it checks
   * @param problems each expectation not met, in words; empty when it passed
   * @param actualCodes the codes the rules produced
   * @param rulesFired every rule that fired, whether or not it raised an output
   */
  public record Result(String name, String description, List<String> problems, Set<String> actualCodes,
      Set<FiredRule> rulesFired) {
    /** True when every expectation was met. */
    public boolean passed() {
      return problems.isEmpty();
    }
  }

  private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("asOf: must be a date (YYYY-MM-DD)", e);
    }
  }

  private static Optional<JsonNode> node(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  private static Optional<String> text(JsonNode parent, String field) {
    return node(parent, field).map(n -> {
      if (!n.isTextual()) {
        throw new IllegalArgumentException(field + ": must be text");
      }
      return n.textValue();
    });
  }

  private static Set<String> strings(JsonNode parent, String field) {
    Set<String> result = new TreeSet<>();
    node(parent, field).ifPresent(n -> {
      // A single code not in a list would otherwise be read as no codes at all.
      if (!n.isArray()) {
        throw new IllegalArgumentException("expect." + field + ": must be a list of codes");
      }
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        JsonNode code = it.next();
        if (!code.isTextual()) {
          throw new IllegalArgumentException("expect." + field + ": must be a list of codes");
        }
        result.add(code.textValue());
      }
    });
    return result;
  }

  private static <T> T treeToValue(ObjectMapper mapper, JsonNode node, Class<T> type) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw CareJson.translate(e);
    }
  }
}
