package uk.nhs.carecoord.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.reporting.PcnReports;

/**
 * The Spark job: {@code spark-submit --class uk.nhs.carecoord.spark.CareSparkJob
 * care-spark-…-shaded.jar --as-of 2026-11-24 --input cases/ --output out/}, or a Databricks JAR
 * task with this main class. Writes {@code <output>/findings} (Parquet, {@link
 * CareSpark#FINDINGS}) and {@code <output>/aggregates} (one CSV file with a header, {@link
 * CareSpark#AGGREGATES}); from FHIR NDJSON also {@code <output>/rejects} (Parquet, {@link
 * CareSpark#FHIR_REJECTS}).
 *
 * <p>It uses the session Spark provides ({@code getOrCreate}) and leaves it running, as Databricks
 * asks of JAR tasks; a failure is thrown, never {@code System.exit}.
 */
@Command(
    name = "care-spark",
    mixinStandardHelpOptions = true,
    description = "Evaluates patient cases with the care co-ordination rules on Spark: one row per finding"
        + " (Parquet) and aggregate counts suppressed as care-reporting does (CSV).")
public final class CareSparkJob implements Callable<Integer> {
  @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "The reference date.")
  LocalDate asOf;

  @Option(names = "--rules", paramLabel = "<dir>",
      description = "A directory of .drl files added to the built-in rule sets (read on the driver).")
  Path rulesDirectory;

  @Option(names = "--code-lists", paramLabel = "<dir>",
      description = "A directory of OpenCodelists CSV files and their manifest (code-clusters.csv): each cluster"
          + " replaces the built-in cluster with its id or adds to them (read on the driver, sent to the executors).")
  Path codeListsDirectory;

  @Option(names = "--pcn", paramLabel = "<pcn.json>",
      description = "A PCN (practices, co-ordinators, GP supervision), read on the driver; repeat for several.")
  List<Path> pcnFiles = new ArrayList<>();

  @Option(names = "--input", required = true, paramLabel = "<path>",
      description = "Cases: files, directories or globs on any file system Spark reads; repeat for several.")
  List<String> inputs;

  @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|parquet|fhir-ndjson",
      description = "jsonl: one CareJson case a line (default); parquet: columns as a case's JSON fields;"
          + " fhir-ndjson: a FHIR Bulk Data export (*.ndjson), imported per person; refusals go to <output>/rejects.")
  String format;

  @Option(names = "--output", required = true, paramLabel = "<path>",
      description = "Where to write findings/ and aggregates/.")
  String output;

  @Option(names = "--overwrite", description = "Replace findings/ and aggregates/ if they exist.")
  boolean overwrite;

  @Option(names = "--suppress", paramLabel = "<n>", defaultValue = "" + PcnReports.DEFAULT_SUPPRESSION_THRESHOLD,
      description = "Counts from 1 to n are shown as * in the aggregates (default ${DEFAULT-VALUE}; 0: none).")
  int suppress;

  @Option(names = "--round-to", paramLabel = "<n>", defaultValue = "1",
      description = "Round shown counts to a multiple of n (5 for reports that leave the PCN; default 1).")
  int roundTo;

  /** Runs the job; throws if it fails (for spark-submit and Databricks alike). */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      throw new IllegalStateException("care-spark failed (exit code " + code + "); the reason is printed above");
    }
  }

  /** Runs the job; returns 0 on success, 2 for bad options, 1 for any other failure (printed). */
  public static int run(String... args) {
    return new CommandLine(new CareSparkJob()).execute(args);
  }

  @Override
  public Integer call() {
    if (!List.of("jsonl", "parquet", "fhir-ndjson").contains(format)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--format: 'jsonl', 'parquet' or 'fhir-ndjson', not '" + format + "'");
    }
    CareSpark.Builder builder = CareSpark.builder().asOf(asOf).suppressionThreshold(suppress).roundCountsTo(roundTo);
    if (rulesDirectory != null) {
      builder.ruleDirectory(rulesDirectory);
    }
    if (codeListsDirectory != null) {
      builder.codeLists(codeListsDirectory);
    }
    for (Path file : pcnFiles) {
      builder.pcn(CareJson.read(file, Pcn.class));
    }
    CareSpark care = builder.build();
    SparkSession spark = SparkSession.builder().appName("care-spark").getOrCreate();
    String[] paths = inputs.toArray(new String[0]);
    SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    if (format.equals("fhir-ndjson")) {
      try (CareSpark.FhirImport fhir = care.importFhirNdjson(spark, paths)) {
        Dataset<Row> rejects = fhir.rejects();
        rejects.write().mode(mode).parquet(output + "/rejects");
        long n = spark.read().parquet(output + "/rejects").count();
        if (n > 0) {
          System.err.println("care-spark: " + n + " FHIR import problem(s) written to " + output + "/rejects");
        }
        write(care, fhir.cases(), mode);
      }
    } else {
      write(care, format.equals("parquet") ? CareSpark.readParquet(spark, paths) : CareSpark.readJsonLines(spark, paths), mode);
    }
    return 0;
  }

  private void write(CareSpark care, Dataset<Row> cases, SaveMode mode) {
    try (CareSpark.Evaluations run = care.evaluate(cases)) {
      run.findings().write().mode(mode).parquet(output + "/findings");
      run.aggregates().coalesce(1).write().mode(mode).option("header", true).csv(output + "/aggregates");
    }
  }

  /** Reads {@code YYYY-MM-DD}. */
  static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
      }
    }
  }
}
