package uk.nhs.carecoord.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.fhir.FhirImportException;
import uk.nhs.carecoord.fhir.ImportReport;
import uk.nhs.carecoord.model.CareJson;

/**
 * A FHIR Bulk Data export (NDJSON, one resource a line) → one case per person, in Spark.
 *
 * <p>Each line is read once for its {@code resourceType}, {@code id} and the patient it belongs to
 * (a Patient's own id, else its {@code subject}, {@code patient} or {@code beneficiary} reference,
 * as care-fhir's {@code BulkImport} joins them). Lines are grouped by patient with a shuffle; the
 * resources outside any patient's compartment (Organization, Practitioner…) join each person who
 * refers to them. Each person's resources are then imported with care-fhir ({@code
 * CareFhir.importTexts}, one {@code CareFhir} per executor JVM), exactly as one process would.
 * Nothing is dropped silently: a refused person, a line that is not a resource, a resource that
 * names no patient, and the resources of a patient with no Patient resource each become rows of
 * the rejects Dataset.
 */
final class FhirBulkInput {
  private FhirBulkInput() {}

  /** Resource types outside any patient compartment, joined to the people who refer to them. */
  static final Set<String> SHARED =
      Set.of("Organization", "Practitioner", "PractitionerRole", "Location", "Medication", "HealthcareService");

  private static final String SHARED_REFERENCE =
      "\"reference\"\\s*:\\s*\"(?:[^\"]*/)?((?:" + String.join("|", SHARED) + ")/[^\"/]+)";

  /** Reads the export and imports each person; see {@link CareSpark#importFhirNdjson}. */
  static Dataset<Row> imported(SparkSession spark, LocalDate asOf, String... paths) {
    Dataset<Row> lines = spark.read().option("pathGlobFilter", "*.ndjson").text(paths)
        .filter(trim(col("value")).notEqual(""))
        .select(col("_metadata.file_path").as("source"), col("value"),
            get_json_object(col("value"), "$.resourceType").as("type"),
            get_json_object(col("value"), "$.id").as("id"));
    Column patient = when(col("type").equalTo("Patient"), col("id")).otherwise(coalesce(
        patientOf("$.subject.reference"), patientOf("$.patient.reference"), patientOf("$.beneficiary.reference")));
    Dataset<Row> read = lines
        .withColumn("patient", patient)
        .withColumn("resource", concat(col("type"), lit("/"), coalesce(col("id"), lit(""))));

    Column isShared = col("type").isin(SHARED.toArray());
    Dataset<Row> personal = read.filter(col("type").isNotNull().and(isShared.unary_$bang()).and(col("patient").isNotNull()));
    Dataset<Row> shared = read.filter(isShared).select(col("resource").as("key"), col("source"), col("value"));
    Dataset<Row> references = personal
        .select(col("patient"), explode(regexp_extract_all(col("value"), lit(SHARED_REFERENCE), lit(1))).as("key"))
        .distinct();
    Dataset<Row> sharedForPeople = references.join(shared, "key")
        .select(col("patient"), col("source"), col("key").as("resource"), col("value"));
    Dataset<Row> byPerson = personal.select(col("patient"), col("source"), col("resource"), col("value"))
        .unionByName(sharedForPeople)
        .groupBy(col("patient"))
        .agg(collect_list(struct(col("source"), col("resource"), col("value"))).as("resources"));

    Dataset<Row> people = byPerson
        .mapPartitions(new PersonImporter(asOf), Encoders.row(Schemas.FHIR_IMPORTED));

    // Lines no person can be made from: not a resource, or naming no patient.
    Column noOne = lit(null).cast("string");
    Dataset<Row> unreadable = read.filter(col("type").isNull())
        .select(col("source"), noOne.as("resource"), lit("(JSON)").as("path"),
            lit("not a FHIR resource: unreadable JSON or no resourceType").as("reason"));
    Dataset<Row> unlinked = read.filter(col("type").isNotNull().and(isShared.unary_$bang()).and(col("patient").isNull()))
        .select(col("source"), col("resource"), lit("subject|patient|beneficiary").as("path"),
            lit("names no Patient: not linked to anyone").as("reason"));
    Dataset<Row> lost = unreadable.union(unlinked).select(
        noOne.as("patient_id"), col("source"), noOne.as("case_json"),
        array(struct(noOne.as("patient_id"), col("source"), col("resource"), col("path"), col("reason"))).as("rejects"));
    return people.union(lost);
  }

  /** The id in a {@code Patient/x} reference (absolute, relative or versioned) at a JSON path; null if none. */
  private static Column patientOf(String jsonPath) {
    Column id = regexp_extract(get_json_object(col("value"), jsonPath), "(?:^|/)Patient/([^/]+)", 1);
    return when(id.notEqual(""), id);
  }

  /** Imports each person's resources in a partition with the executor's one {@link CareFhir}. */
  static final class PersonImporter implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final LocalDate asOf;

    PersonImporter(LocalDate asOf) {
      this.asOf = asOf;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> people) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return people.hasNext();
        }

        @Override
        public Row next() {
          Row person = people.next();
          return importPerson(person.getString(0), person.getList(1), asOf);
        }
      };
    }

    /** One person: a row with the case, or with the rejects. */
    static Row importPerson(String patientId, List<Row> resources, LocalDate asOf) {
      List<String> texts = new ArrayList<>(resources.size());
      Map<String, String> sourceOf = new HashMap<>();
      String patientSource = null;
      for (Row r : resources) {
        texts.add(r.getString(2));
        sourceOf.putIfAbsent(r.getString(1), r.getString(0));
        if (r.getString(1).equals("Patient/" + patientId)) {
          patientSource = r.getString(0);
        }
      }
      if (patientSource == null) {
        List<Row> rejects = new ArrayList<>();
        for (Row r : resources) {
          rejects.add(RowFactory.create(patientId, r.getString(0), r.getString(1), "subject|patient|beneficiary",
              "names Patient/" + patientId + ", which is not in the export"));
        }
        return RowFactory.create(patientId, null, null, rejects.toArray(new Row[0]));
      }
      try {
        var result = Holder.FHIR.importTexts(texts, asOf);
        return RowFactory.create(patientId, patientSource + "#Patient/" + patientId,
            CareJson.writeLine(result.patientCase()).strip(), new Row[0]);
      } catch (FhirImportException e) {
        List<Row> rejects = new ArrayList<>();
        for (ImportReport.Entry problem : e.problems()) {
          String resource = problem.resource().replaceFirst("/_history/.*$", "");
          rejects.add(RowFactory.create(patientId, sourceOf.get(resource), problem.resource(), problem.path(),
              problem.detail()));
        }
        return RowFactory.create(patientId, patientSource + "#Patient/" + patientId, null, rejects.toArray(new Row[0]));
      }
    }
  }

  /** One {@link CareFhir} per JVM: its HAPI context is expensive to build and thread-safe. */
  private static final class Holder {
    static final CareFhir FHIR = CareFhir.builder().build();
  }
}
