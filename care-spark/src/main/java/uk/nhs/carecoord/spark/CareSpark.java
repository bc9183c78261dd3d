package uk.nhs.carecoord.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Practice;
import uk.nhs.carecoord.reporting.PcnReports;
import uk.nhs.carecoord.reporting.Suppression;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.RuleSource;

/**
 * The rules over a Spark {@code Dataset} of patient cases, for data platforms that hold a whole
 * ICB's or England's records: one row per finding, and aggregate counts suppressed and rounded
 * exactly as {@link PcnReports} does.
 *
 * <pre>{@code
 * CareSpark care = CareSpark.builder().asOf(LocalDate.of(2026, 11, 24)).ruleDirectory(dir).build();
 * try (CareSpark.Evaluations run = care.evaluate(CareSpark.readJsonLines(spark, "cases/*.jsonl"))) {
 *   run.findings().write().parquet("out/findings");
 *   run.aggregates().coalesce(1).write().option("header", true).csv("out/aggregates");
 * }
 * }</pre>
 *
 * <p>Each executor JVM compiles the rules once, on its first task, from the rule files' text that
 * travels with the tasks (a KieBase cannot be serialised); cases are evaluated one session per
 * person inside {@code mapPartitions}, exactly as {@code CareRules.evaluate} does in one process.
 *
 * <h2>Schemas</h2>
 *
 * <p>{@link #FINDINGS}, one row per finding (cohort, obligation, recommendation, or a
 * recommendation held back after a co-ordinator declined it):
 *
 * <pre>
 * patient_id         string   the person's id in the host system
 * practice_code      string   their practice's ODS code
 * kind               string   COHORT | OBLIGATION | RECOMMENDATION
 * code               string   e.g. FRAIL_ELDERLY, DISCUSS_SAFEGUARDING_CONCERN
 * subject            string   what within the case it is about (a concern id); "" for the whole case
 * priority           string   URGENT | HIGH | MEDIUM | LOW
 * due_on             date     when it is due; null when the rule set no date
 * suppressed         boolean  true: a recommendation held back because it was declined
 * rule               string   the first decision record's rule (rule-name order)
 * rule_set           string   its rule set (DRL file name without .drl)
 * rule_set_version   string   the version its rule set declares
 * rule_set_digest    string   SHA-256 of the rule set's text, 12 hex digits
 * decisions          array&lt;struct&lt;rule, rule_set, rule_set_version, rule_set_digest&gt;&gt;
 *                             every rule that reached this finding
 * code_list_version  string   the code list used
 * as_of              date     the reference date
 * text               string   the finding's text for a person
 * facts_fingerprint  string   fingerprint of code, subject and the facts behind it
 * </pre>
 *
 * <p>{@link #AGGREGATES}, one row per count, fit to leave the practice: {@code report} ({@code
 * caseload} or {@code findings}), {@code practice_code} (null: all practices), {@code kind} and
 * {@code code} (null for whole-caseload counts), {@code measure} ({@code people}, {@code
 * in_no_cohort}, {@code findings}, {@code overdue}), {@code value} (the count, or the marker) and
 * {@code suppressed}. The caseload report's people, in-no-cohort, per-practice and per-cohort
 * counts equal {@link PcnReports}' caseload report's; the findings report's obligation counts equal
 * its safeguarding report's. Per-practice counts of a total are suppressed together, as parts of
 * the total. Held-back recommendations are not counted.
 */
public final class CareSpark {
  /** The schema of {@link Evaluations#findings()}; see the class documentation. */
  public static final StructType FINDINGS = Schemas.FINDINGS;

  /** The schema of {@link Evaluations#aggregates()}; see the class documentation. */
  public static final StructType AGGREGATES = Schemas.AGGREGATES;

  /**
   * The schema of {@link FhirImport#rejects()}, one row per refused resource or element or
   * resource linked to no one: {@code patient_id} (the patient it belongs to; null if none),
   * {@code source} (the file), {@code resource} ({@code Type/id}; null for a line that is not a
   * resource), {@code path} (the element path, as in care-fhir's import report) and {@code reason}.
   * Messages carry ids, paths, codes and numbers, never names or free text.
   */
  public static final StructType FHIR_REJECTS = Schemas.FHIR_REJECTS;

  /**
   * The schema of the cases {@link #evaluate} takes: {@code source} (the file a case came from, for
   * error messages; may be null) and {@code case_json} (one case as {@code CareJson}).
   */
  public static final StructType CASES = Schemas.CASES;

  private final RuleSpec spec;
  private final int threshold;
  private final String marker;
  private final int roundTo;

  private CareSpark(RuleSpec spec, int threshold, String marker, int roundTo) {
    this.spec = spec;
    this.threshold = threshold;
    this.marker = marker;
    this.roundTo = roundTo;
  }

  /** A builder: built-in rules, no PCN, default suppression ({@value PcnReports#DEFAULT_SUPPRESSION_THRESHOLD}, {@code *}, no rounding). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Cases from JSON-lines files (one {@code CareJson} case a line; blank lines skipped), in the
   * {@link #CASES} schema. {@code paths} are anything Spark's text source reads: files,
   * directories, globs, on any file system the cluster knows.
   */
  public static Dataset<Row> readJsonLines(SparkSession spark, String... paths) {
    return spark.read().text(paths)
        .filter(trim(col("value")).notEqual(""))
        .select(col("_metadata.file_path").as("source"), col("value").as("case_json"));
  }

  /**
   * Cases from Parquet files whose columns are a case's JSON fields ({@code patient}, {@code
   * plan}, …), as {@code spark.read().json(jsonLines).write().parquet(…)} makes them: each row is
   * turned back into {@code CareJson} text and read as strictly as a JSON-lines case.
   */
  public static Dataset<Row> readParquet(SparkSession spark, String... paths) {
    Dataset<Row> rows = spark.read().parquet(paths);
    return rows.select(col("_metadata.file_path").as("source"), to_json(struct(col("*"))).as("case_json"));
  }

  /**
   * Imports a FHIR Bulk Data export ({@code Patient.ndjson}, {@code Condition.ndjson}…, one
   * resource a line, as a {@code $export} writes it) as cases, joined by patient reference in
   * Spark: each person's resources (and the Organizations, Practitioners… they refer to) are
   * imported with care-fhir exactly as {@code CareFhir.importTexts} does in one process, as of
   * this job's reference date. Evaluate {@link FhirImport#cases()} as any other cases.
   *
   * <p>Nothing is dropped silently: a refused person (each refused resource and element path), a
   * line that is not a FHIR resource, a resource that names no patient and the resources of a
   * patient with no Patient resource are rows of {@link FhirImport#rejects()} ({@link
   * #FHIR_REJECTS}). Nothing runs until either is used; the import is then kept (memory, then
   * disk) so both share one import.
   *
   * @param paths directories or files of NDJSON ({@code *.ndjson}; other files are not read), on
   *     any file system Spark reads
   */
  public FhirImport importFhirNdjson(SparkSession spark, String... paths) {
    Dataset<Row> imported = FhirBulkInput.imported(spark, spec.asOf(), paths);
    return new FhirImport(imported.persist(StorageLevel.MEMORY_AND_DISK()));
  }

  /** The cases and the rejects of one FHIR Bulk Data import. Used from one driver thread. */
  public static final class FhirImport implements AutoCloseable {
    private final Dataset<Row> imported;

    private FhirImport(Dataset<Row> imported) {
      this.imported = imported;
    }

    /** One row per person imported, in the {@link #CASES} schema ({@code source}: the Patient's file and id). */
    public Dataset<Row> cases() {
      return imported.filter(col("case_json").isNotNull()).select(col("source"), col("case_json"));
    }

    /**
     * One row per refused resource or element, or resource linked to no one, in the {@link
     * #FHIR_REJECTS} schema.
     */
    public Dataset<Row> rejects() {
      return imported.select(org.apache.spark.sql.functions.explode(col("rejects")).as("r")).select(col("r.*"));
    }

    /** Releases the kept import. */
    @Override
    public void close() {
      imported.unpersist();
    }
  }

  /**
   * Evaluates every case. Nothing runs until the findings or aggregates are used; the evaluations
   * are then kept (memory, then disk) so both reuse one evaluation: {@link Evaluations#close()}
   * releases them.
   *
   * @param cases rows in the {@link #CASES} schema (other columns are ignored)
   * @throws org.apache.spark.SparkException when used, with a {@link CaseInputException} as its
   *     cause if a case cannot be read or records something after the reference date
   */
  public Evaluations evaluate(Dataset<Row> cases) {
    Dataset<Row> evaluated = cases.select(col("source"), col("case_json"))
        .mapPartitions(new CaseEvaluator(spec), Encoders.row(Schemas.EVALUATED));
    Dataset<Row> typed = evaluated.select(
        col("patient_id"),
        col("practice_code"),
        col("as_of").cast(Schemas.EVALUATIONS.apply("as_of").dataType()).as("as_of"),
        col("code_list_version"),
        col("findings").cast(Schemas.EVALUATIONS.apply("findings").dataType()).as("findings"));
    return new Evaluations(typed.persist(StorageLevel.MEMORY_AND_DISK()), this);
  }

  /** The reference date. */
  public LocalDate asOf() {
    return spec.asOf();
  }

  /** What travels to the executors (tests). */
  RuleSpec spec() {
    return spec;
  }

  /**
   * The evaluations of one Dataset of cases, and the Datasets made from them. Used from one
   * driver thread.
   */
  public static final class Evaluations implements AutoCloseable {
    private final Dataset<Row> evaluations;
    private final CareSpark care;
    private Aggregates.Raw raw;

    private Evaluations(Dataset<Row> evaluations, CareSpark care) {
      this.evaluations = evaluations;
      this.care = care;
    }

    /**
     * One row per person: {@code patient_id}, {@code practice_code}, {@code as_of}, {@code
     * code_list_version} and {@code findings}, an array of the {@link #FINDINGS} columns that
     * belong to a finding.
     */
    public Dataset<Row> byPerson() {
      return evaluations;
    }

    /** One row per finding, in the {@link #FINDINGS} schema. */
    public Dataset<Row> findings() {
      Dataset<Row> exploded = evaluations.select(
          col("patient_id"), col("practice_code"), col("as_of"), col("code_list_version"),
          org.apache.spark.sql.functions.explode(col("findings")).as("f"));
      return exploded.select(
          col("patient_id"),
          col("practice_code"),
          col("f.kind").as("kind"),
          col("f.code").as("code"),
          col("f.subject").as("subject"),
          col("f.priority").as("priority"),
          col("f.due_on").as("due_on"),
          col("f.suppressed").as("suppressed"),
          col("f.decisions").getItem(0).getField("rule").as("rule"),
          col("f.decisions").getItem(0).getField("rule_set").as("rule_set"),
          col("f.decisions").getItem(0).getField("rule_set_version").as("rule_set_version"),
          col("f.decisions").getItem(0).getField("rule_set_digest").as("rule_set_digest"),
          col("f.decisions").as("decisions"),
          col("code_list_version"),
          col("as_of"),
          col("f.text").as("text"),
          col("f.facts_fingerprint").as("facts_fingerprint"));
    }

    /**
     * The aggregate reports, in the {@link #AGGREGATES} schema, ordered by report, kind, code,
     * practice (all practices first) and measure. The counting runs in Spark; the few hundred
     * counts are suppressed on the driver, by care-reporting's function, and returned as a small
     * local Dataset.
     *
     * @throws IllegalArgumentException if two cases have the same patient id
     */
    public Dataset<Row> aggregates() {
      return aggregates(new Suppression(care.threshold, care.marker, care.roundTo));
    }

    /** The aggregates under other suppression settings; counted once per run (tests). */
    Dataset<Row> aggregates(Suppression s) {
      if (raw == null) {
        raw = Aggregates.countIn(evaluations, findings());
      }
      List<Row> rows = Aggregates.suppress(raw, s);
      return evaluations.sparkSession().createDataFrame(rows, Schemas.AGGREGATES);
    }

    /** Releases the kept evaluations. */
    @Override
    public void close() {
      evaluations.unpersist();
    }
  }

  /** Configures {@link CareSpark}; {@link #asOf} is required. */
  public static final class Builder {
    private LocalDate asOf;
    private Map<String, String> ruleFiles = Map.of();
    private Map<String, String> codeListFiles = Map.of();
    private final List<Pcn> pcns = new ArrayList<>();
    private int threshold = PcnReports.DEFAULT_SUPPRESSION_THRESHOLD;
    private String marker = PcnReports.DEFAULT_MARKER;
    private int roundTo = 1;

    private Builder() {}

    /** The reference date (required: a job reads no wall clock, so reruns decide alike). */
    public Builder asOf(LocalDate asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      return this;
    }

    /**
     * A directory of {@code .drl} files (and its {@code outputs.json}, if any), as {@code
     * CareRules.Builder.ruleDirectory}: read now, on the driver, and sent to the executors as
     * text, so it need not be on a shared file system.
     *
     * @throws java.io.UncheckedIOException if it is not a directory or a file cannot be read
     */
    public Builder ruleDirectory(Path directory) {
      Map<String, String> files = new LinkedHashMap<>();
      for (RuleSource s : RuleSource.fromDirectory(directory)) {
        files.put(s.name(), s.text());
      }
      // The directory's output catalogue, declaring the codes its rules raise, travels too.
      Path catalogue = directory.resolve(OutputCatalogue.FILE_NAME);
      if (Files.isRegularFile(catalogue)) {
        try {
          files.put(OutputCatalogue.FILE_NAME, Files.readString(catalogue, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + catalogue + ": " + e.getMessage(), e);
        }
      }
      this.ruleFiles = files;
      return this;
    }

    /**
     * A directory of OpenCodelists CSV files and their manifest ({@code code-clusters.csv}), as
     * {@code CareRules.Builder.codeLists}: each cluster replaces the built-in cluster with its id (a
     * newer release) or adds to them. Read and checked now, on the driver; the files' text is sent
     * to the executors with the tasks, so the directory need not be on a shared file system.
     *
     * @throws uk.nhs.carecoord.model.CodeClusterException naming the file and line of a malformed
     *     file, a CSV file the manifest does not name, or a missing manifest
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public Builder codeLists(Path directory) {
      CodeClusters.read(directory); // refuses a bad directory here, naming file and line
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> listing = Files.list(directory)) {
        for (Path f : listing.filter(Files::isRegularFile).toList()) {
          String name = f.getFileName().toString();
          if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            // Already read as strict UTF-8 above, so the text round-trips to the same bytes.
            files.put(name, new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
      }
      this.codeListFiles = files;
      return this;
    }

    /**
     * A PCN: its co-ordinators' GP supervisors are named in the safeguarding obligations of the
     * people registered at its practices. Call once per PCN; people at other practices are
     * evaluated without PCN context.
     */
    public Builder pcn(Pcn pcn) {
      pcns.add(Objects.requireNonNull(pcn, "pcn"));
      return this;
    }

    /** Several PCNs, as {@link #pcn} each. */
    public Builder pcns(Collection<Pcn> pcns) {
      pcns.forEach(this::pcn);
      return this;
    }

    /** As {@code PcnReports.Builder.suppressionThreshold}. */
    public Builder suppressionThreshold(int threshold) {
      this.threshold = threshold;
      return this;
    }

    /** As {@code PcnReports.Builder.suppressionMarker}. */
    public Builder suppressionMarker(String marker) {
      this.marker = marker;
      return this;
    }

    /** As {@code PcnReports.Builder.roundCountsTo}: 5 for reports that leave the PCN. */
    public Builder roundCountsTo(int base) {
      this.roundTo = base;
      return this;
    }

    /**
     * Checks the settings and compiles the rules once on the driver, so that a rule file that
     * does not compile fails here, before any Spark job, with its file and line.
     *
     * @throws IllegalStateException if no reference date is set
     * @throws IllegalArgumentException if a practice is in two PCNs, or the suppression settings
     *     are out of range
     * @throws uk.nhs.carecoord.rules.RuleCompilationException if a rule file does not compile
     * @throws uk.nhs.carecoord.model.CodeClusterException if the code lists contradict the built-in ones
     */
    public CareSpark build() {
      if (asOf == null) {
        throw new IllegalStateException("asOf: set the reference date");
      }
      new Suppression(threshold, marker, roundTo); // checks the settings
      Map<String, String> pcnOfPractice = new HashMap<>();
      List<String> pcnJson = new ArrayList<>();
      for (Pcn pcn : pcns) {
        for (Practice p : pcn.practices()) {
          String before = pcnOfPractice.put(p.odsCode(), pcn.code());
          if (before != null) {
            throw new IllegalArgumentException(
                "pcn: practice " + p.odsCode() + " is in two PCNs (" + before + ", " + pcn.code() + ")");
          }
        }
        pcnJson.add(CareJson.writeLine(pcn));
      }
      RuleSpec spec = new RuleSpec(asOf, ruleFiles, pcnJson, codeListFiles);
      ExecutorRules.of(spec);
      return new CareSpark(spec, threshold, marker, roundTo);
    }
  }
}
