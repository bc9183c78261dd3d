package uk.nhs.carecoord.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/** The Spark schemas of this module's Datasets; the public ones are documented on {@link CareSpark}. */
final class Schemas {
  private Schemas() {}

  /** One decision record: the rule that reached a finding and the rule set it belongs to. */
  static final StructType DECISION = createStructType(List.of(
      createStructField("rule", StringType, false),
      createStructField("rule_set", StringType, false),
      createStructField("rule_set_version", StringType, false),
      createStructField("rule_set_digest", StringType, false)));

  /** A finding as evaluated in a partition; {@code due_on} is text there and cast to a date after. */
  private static StructType finding(DataType dueOn) {
    return createStructType(List.of(
        createStructField("kind", StringType, false),
        createStructField("code", StringType, false),
        createStructField("subject", StringType, false),
        createStructField("priority", StringType, false),
        createStructField("due_on", dueOn, true),
        createStructField("suppressed", BooleanType, false),
        createStructField("text", StringType, false),
        createStructField("facts_fingerprint", StringType, false),
        createStructField("decisions", createArrayType(DECISION, false), false)));
  }

  private static StructType evaluation(DataType date) {
    return createStructType(List.of(
        createStructField("patient_id", StringType, false),
        createStructField("practice_code", StringType, false),
        createStructField("as_of", date, false),
        createStructField("code_list_version", StringType, false),
        createStructField("findings", createArrayType(finding(date), false), false)));
  }

  /**
   * What {@code mapPartitions} emits: dates as ISO text, so that the rows do not depend on the
   * session's {@code spark.sql.datetime.java8API.enabled} (which decides whether a Row's date is a
   * {@code LocalDate} or a {@code java.sql.Date}).
   */
  static final StructType EVALUATED = evaluation(StringType);

  /** {@link #EVALUATED} with real dates: one row per person. */
  static final StructType EVALUATIONS = evaluation(DateType);

  /** The findings Dataset: one row per finding. */
  static final StructType FINDINGS = createStructType(List.of(
      createStructField("patient_id", StringType, false),
      createStructField("practice_code", StringType, false),
      createStructField("kind", StringType, false),
      createStructField("code", StringType, false),
      createStructField("subject", StringType, false),
      createStructField("priority", StringType, false),
      createStructField("due_on", DateType, true),
      createStructField("suppressed", BooleanType, false),
      createStructField("rule", StringType, false),
      createStructField("rule_set", StringType, false),
      createStructField("rule_set_version", StringType, false),
      createStructField("rule_set_digest", StringType, false),
      createStructField("decisions", createArrayType(DECISION, false), false),
      createStructField("code_list_version", StringType, false),
      createStructField("as_of", DateType, false),
      createStructField("text", StringType, false),
      createStructField("facts_fingerprint", StringType, false)));

  /** The aggregates Dataset: one row per count. */
  static final StructType AGGREGATES = createStructType(List.of(
      createStructField("report", StringType, false),
      createStructField("practice_code", StringType, true),
      createStructField("kind", StringType, true),
      createStructField("code", StringType, true),
      createStructField("measure", StringType, false),
      createStructField("value", StringType, false),
      createStructField("suppressed", BooleanType, false)));

  /** The input: one case a row, as CareJson text, and where it came from (for error messages). */
  static final StructType CASES = createStructType(List.of(
      createStructField("source", StringType, true),
      createStructField("case_json", StringType, false)));

  /** A FHIR resource or person the import refused or could not link to anyone. */
  static final StructType FHIR_REJECTS = createStructType(List.of(
      createStructField("patient_id", StringType, true),
      createStructField("source", StringType, true),
      createStructField("resource", StringType, true),
      createStructField("path", StringType, false),
      createStructField("reason", StringType, false)));

  /** One person's FHIR import, as the import partition emits it: a case, or its rejects. */
  static final StructType FHIR_IMPORTED = createStructType(List.of(
      createStructField("patient_id", StringType, false),
      createStructField("source", StringType, true),
      createStructField("case_json", StringType, true),
      createStructField("rejects", createArrayType(FHIR_REJECTS, false), false)));
}
