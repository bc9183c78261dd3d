package uk.nhs.carecoord.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/**
 * FHIR Bulk Data NDJSON in Spark: people joined by patient reference and imported as care-fhir
 * imports them in one process; every refusal and unlinked line a row of the rejects.
 */
class CareSparkFhirTest {
  private static final LocalDate AS_OF = SyntheticPopulation.DEFAULT_AS_OF;
  private static final CareFhir FHIR = CareFhir.builder().build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static SparkSession spark;
  private static SyntheticPcn population;
  private static Path export;
  /** The case care-fhir makes of each person's bundle in one process, by patient id. */
  private static Map<String, String> expected;
  private static String refusedId;
  private static String orgLinkedId;

  @BeforeAll
  static void writeExport() throws IOException {
    spark = LocalSpark.session();
    population = SyntheticPopulation.builder().seed(9).patients(24).practices(2).coordinators(2).asOf(AS_OF).build();
    export = dir.resolve("export");
    FHIR.writeBulk(population.cases(), export, AS_OF);
    expected = new TreeMap<>();
    for (PatientCase c : population.cases()) {
      expected.put(c.patient().id(), CareJson.writeLine(FHIR.importResources(List.of(FHIR.toBundle(c, AS_OF)), AS_OF).patientCase()).strip());
    }

    // Edit the export as a real one would differ: one person's practice as a reference to a shared
    // Organization, one person's NHS number with a wrong check digit, and three lines no person can
    // be made from.
    Path patients = export.resolve("Patient.ndjson");
    List<String> lines = new ArrayList<>(Files.readAllLines(patients));
    ObjectNode first = (ObjectNode) JSON.readTree(lines.get(0));
    orgLinkedId = first.get("id").asText();
    String practice = first.at("/generalPractitioner/0/identifier/value").asText();
    first.putArray("generalPractitioner").addObject().put("reference", "Organization/org-1");
    lines.set(0, JSON.writeValueAsString(first));
    ObjectNode second = (ObjectNode) JSON.readTree(lines.get(1));
    refusedId = second.get("id").asText();
    String nhs = second.at("/identifier/0/value").asText();
    ((ObjectNode) second.at("/identifier/0")).put("value", nhs.substring(0, 9) + ((nhs.charAt(9) - '0' + 1) % 10));
    lines.set(1, JSON.writeValueAsString(second));
    Files.write(patients, lines);
    expected.remove(refusedId);
    Files.writeString(export.resolve("Organization.ndjson"), "{\"resourceType\":\"Organization\",\"id\":\"org-1\","
        + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"" + practice + "\"}]}\n");
    Files.writeString(export.resolve("Condition.ndjson"), String.join("\n",
        "{not json",
        "{\"resourceType\":\"Condition\",\"id\":\"ghost-1\",\"subject\":{\"reference\":\"Patient/ghost\"},"
            + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"13645005\"}]},\"recordedDate\":\"2020-01-01\"}",
        "{\"resourceType\":\"Condition\",\"id\":\"nobody-1\","
            + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"13645005\"}]},\"recordedDate\":\"2020-01-01\"}",
        ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Files.writeString(export.resolve("export-manifest.json"), "{\"not\": \"read\"}\n");
  }

  @Test
  void everyPersonIsImportedAsInOneProcessAndEveryProblemIsARejectRow() {
    CareSpark care = CareSpark.builder().asOf(AS_OF).build();
    try (CareSpark.FhirImport imported = care.importFhirNdjson(spark, export.toString())) {
      Map<String, String> cases = new TreeMap<>();
      for (Row r : imported.cases().collectAsList()) {
        PatientCase c = CareJson.read(r.getString(1), PatientCase.class);
        cases.put(c.patient().id(), r.getString(1));
        assertTrue(r.getString(0).endsWith("Patient.ndjson#Patient/" + c.patient().id()), r.getString(0));
      }
      assertEquals(expected, cases, "the shared Organization joined its person; the refused person has no case");
      assertTrue(cases.containsKey(orgLinkedId));

      List<String> rejects = imported.rejects().collectAsList().stream()
          .map(r -> r.getString(0) + " | " + fileName(r.getString(1)) + " | " + r.getString(2) + " | " + r.getString(3)
              + " | " + r.getString(4))
          .sorted().toList();
      assertEquals(4, rejects.size(), String.join("\n", rejects));
      assertTrue(rejects.contains("ghost | Condition.ndjson | Condition/ghost-1 | subject|patient|beneficiary"
          + " | names Patient/ghost, which is not in the export"), String.join("\n", rejects));
      assertTrue(rejects.contains("null | Condition.ndjson | Condition/nobody-1 | subject|patient|beneficiary"
          + " | names no Patient: not linked to anyone"), String.join("\n", rejects));
      assertTrue(rejects.contains("null | Condition.ndjson | null | (JSON) | not a FHIR resource: unreadable JSON"
          + " or no resourceType"), String.join("\n", rejects));
      assertTrue(rejects.stream().anyMatch(r -> r.startsWith(refusedId + " | Patient.ndjson | Patient/" + refusedId
          + " | Patient.identifier[0].value | ") && r.contains("check digit")), String.join("\n", rejects));
    }
  }

  @Test
  void theJobEvaluatesAnExportAndWritesItsRejects() {
    Path out = dir.resolve("job-out");
    int code = CareSparkJob.run("--as-of", AS_OF.toString(), "--format", "fhir-ndjson", "--input", export.toString(),
        "--output", out.toString());
    assertEquals(0, code);
    assertEquals(4, spark.read().parquet(out.resolve("rejects").toString()).count());
    Set<String> withFindings = new TreeSet<>();
    spark.read().parquet(out.resolve("findings").toString()).select("patient_id").distinct().collectAsList()
        .forEach(r -> withFindings.add(r.getString(0)));
    // In one process: the same imported cases, evaluated by CareRules.
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    Set<String> expectedWithFindings = new TreeSet<>();
    for (String json : expected.values()) {
      PatientEvaluation e = rules.evaluate(CareJson.read(json, PatientCase.class));
      if (!(e.cohorts().isEmpty() && e.obligations().isEmpty() && e.recommendations().isEmpty() && e.suppressed().isEmpty())) {
        expectedWithFindings.add(e.patientId());
      }
    }
    assertTrue(expectedWithFindings.size() > 3);
    assertEquals(expectedWithFindings, withFindings);
  }

  private static String fileName(String source) {
    return source == null ? "null" : source.substring(source.lastIndexOf('/') + 1);
  }
}
