package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.cli.CareCommandTest.arg;
import static uk.nhs.carecoord.cli.CareCommandTest.resource;
import static uk.nhs.carecoord.cli.CareCommandTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.reporting.CohortStrataReport;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/** FHIR out of the command line: {@code evaluate --format fhir}, {@code export}, {@code report --fhir}. */
class FhirOutputCommandTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  private static final CareFhir FHIR = CareFhir.builder().build();
  @TempDir Path temp;

  @Test
  void evaluateWritesAGuidanceResponseBundleForOneCase() throws IOException {
    CareCommandTest.Run r = run("evaluate", arg(resource("fhir/golden-frail-older-person.json")), "--as-of",
        AS_OF.toString(), "--format", "fhir");
    assertEquals(0, r.exit(), r.err());
    JsonNode bundle = CareJson.mapper().readTree(r.out());
    assertEquals("Bundle", bundle.get("resourceType").asText());
    JsonNode response = bundle.get("entry").get(0).get("resource");
    assertEquals("GuidanceResponse", response.get("resourceType").asText());
    assertEquals("Patient/pt-1001", response.get("subject").get("reference").asText());
    assertEquals("RequestGroup", bundle.get("entry").get(1).get("resource").get("resourceType").asText());
    assertTrue(r.out().contains("\"FRAIL_ELDERLY\""), r.out());
  }

  @Test
  void evaluateWritesOneBundleALineForJsonLines() throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(resource("cases/two.jsonl")).stream().filter(l -> !l.isBlank()).toList()) {
      ids.add(CareJson.read(line, PatientCase.class).patient().id());
    }
    CareCommandTest.Run r = run("evaluate", arg(resource("cases/two.jsonl")), "--as-of", AS_OF.toString(),
        "--format", "fhir");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals(ids.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode response = CareJson.mapper().readTree(lines.get(i)).get("entry").get(0).get("resource");
      assertEquals("Patient/" + ids.get(i), response.get("subject").get("reference").asText(), "in input order");
    }
  }

  @Test
  void evaluateRefusesAnUnknownFormat() {
    CareCommandTest.Run r = run("evaluate", arg(resource("cases/two.jsonl")), "--format", "csv");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--format"), r.err());
  }

  @Test
  void exportWritesTheCaseAndEveryPlanVersionAndImportsBackToTheSameCase() throws IOException {
    Path golden = resource("fhir/golden-frail-older-person.json");
    PatientCase original = FHIR.importBundle(Files.readString(golden, StandardCharsets.UTF_8), AS_OF).patientCase();
    assertTrue(original.plan().isPresent(), "the golden record has a plan");
    Path out = temp.resolve("exported.json");
    CareCommandTest.Run r = run("export", arg(golden), "--as-of", AS_OF.toString(), "--out", arg(out));
    assertEquals(0, r.exit(), r.err());
    int versions = original.plan().get().versions().size();
    assertTrue(r.err().contains("with " + versions + " plan version"), r.err());
    String written = Files.readString(out, StandardCharsets.UTF_8);
    JsonNode bundle = CareJson.mapper().readTree(written);
    List<String> carePlanVersions = new ArrayList<>();
    bundle.get("entry").forEach(e -> {
      if (e.get("resource").get("resourceType").asText().equals("CarePlan")) {
        carePlanVersions.add(e.get("resource").get("meta").get("versionId").asText());
      }
    });
    assertEquals(versions, carePlanVersions.size(), "every version kept");
    assertEquals(original, FHIR.importBundle(written, AS_OF).patientCase());
  }

  @Test
  void exportOfCaseJsonGoesToStandardOutput() throws IOException {
    PatientCase c = CareJson.read(Files.readString(resource("cases/care-home.json")), PatientCase.class);
    CareCommandTest.Run r = run("export", arg(resource("cases/care-home.json")), "--as-of", AS_OF.toString());
    assertEquals(0, r.exit(), r.err());
    PatientCase back = FHIR.importBundle(r.out(), AS_OF).patientCase();
    assertEquals(c.patient().id(), back.patient().id());
    assertEquals(c.patient().nhsNumber(), back.patient().nhsNumber());
    assertEquals(c.plan().map(p -> p.versions().size()), back.plan().map(p -> p.versions().size()));
  }

  @Test
  void exportOfAMissingFileIsAUserError() {
    CareCommandTest.Run r = run("export", arg(temp.resolve("nope.json")));
    assertEquals(2, r.exit());
    r.assertNoStackTrace();
  }

  @Test
  void reportWithFhirAddsTheMeasureReportAndTheCohortGroups() throws IOException {
    SyntheticPcn population = SyntheticPopulation.builder().seed(7).patients(60).practices(2).coordinators(2).build();
    Path file = Files.writeString(temp.resolve("population.json"), CareJson.write(population));
    Path out = temp.resolve("reports");
    CareCommandTest.Run r = run("report", arg(file), "--out", arg(out), "--fhir");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains(ReportCommand.FHIR_MEASURES) && r.out().contains(ReportCommand.FHIR_GROUPS), r.out());

    // The MeasureReport's cohort counts are those of the cohort strata report written beside it.
    CohortStrataReport strata = CareJson.mapper().readValue(out.resolve("cohort-strata.json").toFile(),
        CohortStrataReport.class);
    JsonNode measures = CareJson.mapper().readTree(out.resolve(ReportCommand.FHIR_MEASURES).toFile());
    assertEquals("Measure", measures.get("entry").get(0).get("resource").get("resourceType").asText());
    JsonNode report = measures.get("entry").get(1).get("resource");
    assertEquals("MeasureReport", report.get("resourceType").asText());
    assertEquals("summary", report.get("type").asText());
    Map<String, JsonNode> groups = new TreeMap<>();
    report.get("group").forEach(g -> groups.put(g.get("code").get("coding").get(0).get("code").asText(), g));
    assertFalse(strata.cohorts().isEmpty());
    for (CohortStrataReport.CohortStrata c : strata.cohorts()) {
      JsonNode people = groups.get(c.cohort()).get("population").get(0);
      if (c.figures().people().isSuppressed()) {
        assertFalse(people.has("count"));
        assertEquals("masked", people.get("_count").get("extension").get(0).get("valueCode").asText());
      } else {
        assertEquals(c.figures().people().value().getAsInt(), people.get("count").asInt());
      }
    }

    // The Groups name exactly the people each cohort holds.
    CareRules rules = CareRules.builder().asOf(population.asOf()).build();
    Map<String, List<String>> expected = new TreeMap<>();
    for (PatientCase c : population.cases()) {
      PatientEvaluation e = rules.evaluate(c, population.pcn());
      e.cohorts().forEach(f -> expected.computeIfAbsent(f.code(), k -> new ArrayList<>()).add("Patient/" + e.patientId()));
    }
    JsonNode groupBundle = CareJson.mapper().readTree(out.resolve(ReportCommand.FHIR_GROUPS).toFile());
    Map<String, List<String>> actual = new TreeMap<>();
    groupBundle.get("entry").forEach(e -> {
      JsonNode g = e.get("resource");
      List<String> members = new ArrayList<>();
      g.get("member").forEach(m -> members.add(m.get("entity").get("reference").asText()));
      actual.put(g.get("code").get("coding").get(0).get("code").asText(), members);
    });
    assertEquals(expected, actual);
  }

  @Test
  void reportWithoutFhirWritesNoFhirFiles() throws IOException {
    SyntheticPcn population = SyntheticPopulation.builder().seed(3).patients(20).practices(1).coordinators(1).build();
    Path file = Files.writeString(temp.resolve("population.json"), CareJson.write(population));
    Path out = temp.resolve("plain");
    assertEquals(0, run("report", arg(file), "--out", arg(out)).exit());
    assertFalse(Files.exists(out.resolve(ReportCommand.FHIR_MEASURES)));
    assertFalse(Files.exists(out.resolve(ReportCommand.FHIR_GROUPS)));
  }
}
