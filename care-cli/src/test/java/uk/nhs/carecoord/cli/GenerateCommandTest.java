package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.cli.CareCommandTest.arg;
import static uk.nhs.carecoord.cli.CareCommandTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.fhir.BulkImport;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;

/** {@code care generate}: each format, re-read the way the library reads it. */
class GenerateCommandTest {
  static final LocalDate AS_OF = SyntheticPopulation.DEFAULT_AS_OF;
  static final CareFhir FHIR = CareFhir.builder().build();
  @TempDir Path temp;

  static SyntheticPcn expected(int people, long seed) {
    return SyntheticPopulation.builder().seed(seed).patients(people).asOf(AS_OF).build();
  }

  @Test
  void jsonLinesAreTheSeededPopulationsCasesAndTheSameSeedGivesTheSameBytes() throws IOException {
    Path a = temp.resolve("a.jsonl");
    CareCommandTest.Run r = run("generate", "--people", "30", "--seed", "7", "--out", arg(a),
        "--pcn-out", arg(temp.resolve("pcn.json")));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("generated 30 people (seed 7, as of 2026-11-24) as jsonl"), r.err());
    List<PatientCase> cases = Files.readAllLines(a).stream().map(l -> CareJson.read(l, PatientCase.class)).toList();
    assertEquals(expected(30, 7).cases(), cases);
    assertEquals(expected(30, 7).pcn(), CareJson.read(temp.resolve("pcn.json"), uk.nhs.carecoord.model.Pcn.class));

    CareCommandTest.Run toStdout = run("generate", "--people", "30", "--seed", "7");
    assertEquals(Files.readString(a), toStdout.out());
    assertNotEquals(toStdout.out(), run("generate", "--people", "30", "--seed", "8").out());
  }

  @Test
  void jsonIsThePopulationCareReportReads() throws IOException {
    Path file = temp.resolve("population.json");
    assertEquals(0, run("generate", "--people", "12", "--format", "json", "--out", arg(file)).exit());
    assertEquals(expected(12, 1), CareJson.read(file, SyntheticPcn.class));
    CareCommandTest.Run report = run("report", arg(file), "--out", arg(temp.resolve("reports")));
    assertEquals(0, report.exit(), report.err());
  }

  @Test
  void bulkNdjsonReimportsToTheSameCasesAsTheBundlesAndKeepsTheCohorts() throws IOException {
    int people = 25;
    Path ndjson = temp.resolve("export");
    Path bundles = temp.resolve("bundles");
    assertEquals(0, run("generate", "--people", "" + people, "--format", "fhir-ndjson", "--out", arg(ndjson)).exit());
    assertEquals(0, run("generate", "--people", "" + people, "--format", "fhir-bundle", "--out", arg(bundles)).exit());

    Map<String, PatientCase> fromBundles = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(bundles)) {
      for (Path f : files.sorted().toList()) {
        PatientCase c = FHIR.importBundle(Files.readString(f), AS_OF).patientCase();
        assertEquals(c.patient().id() + ".json", f.getFileName().toString());
        fromBundles.put(c.patient().id(), c);
      }
    }
    Map<String, PatientCase> fromBulk = new LinkedHashMap<>();
    try (BulkImport bulk = FHIR.importBulk(ndjson, AS_OF)) {
      bulk.people().forEach(p -> {
        assertTrue(p.refusal().isEmpty(), () -> p.refusal().orElseThrow().getMessage());
        fromBulk.put(p.patientId(), p.result().orElseThrow().patientCase());
      });
      assertEquals(people, bulk.summary().imported());
      assertEquals(Map.of(), bulk.summary().unlinked());
    }
    assertEquals(fromBundles, fromBulk);

    // Everything the rules read from a GP record survives: the same people, the same cohorts.
    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    for (PatientCase generated : expected(people, 1).cases()) {
      PatientCase back = fromBulk.get(generated.patient().id());
      assertEquals(generated.patient().nhsNumber(), back.patient().nhsNumber());
      assertEquals(generated.patient().dateOfBirth(), back.patient().dateOfBirth());
      assertEquals(generated.patient().practiceCode(), back.patient().practiceCode());
      assertEquals(generated.pamHistory().assessments(), back.pamHistory().assessments());
      assertEquals(generated.plan(), back.plan());
      assertEquals(codes(rules.evaluate(generated).cohorts()), codes(rules.evaluate(back).cohorts()),
          generated.patient().id());
    }
  }

  static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  @Test
  void badOptionsAreUserErrors() throws IOException {
    CareCommandTest.Run noDir = run("generate", "--people", "3", "--format", "fhir-ndjson");
    assertEquals(2, noDir.exit());
    assertTrue(noDir.err().contains("--out: --format fhir-ndjson writes a directory"), noDir.err());

    CareCommandTest.Run format = run("generate", "--people", "3", "--format", "xml");
    assertEquals(2, format.exit());
    assertTrue(format.err().contains("--format: json, jsonl, fhir-bundle or fhir-ndjson, not 'xml'"), format.err());

    CareCommandTest.Run tooMany = run("generate", "--people", "-1");
    assertEquals(2, tooMany.exit());
    assertTrue(tooMany.err().contains("patients"), tooMany.err());

    Path full = Files.createDirectory(temp.resolve("full"));
    Files.writeString(full.resolve("Patient.ndjson"), "{}\n");
    CareCommandTest.Run notEmpty = run("generate", "--people", "3", "--format", "fhir-ndjson", "--out", arg(full));
    assertEquals(2, notEmpty.exit());
    assertTrue(notEmpty.err().contains("is not empty"), notEmpty.err());
    noDir.assertNoStackTrace();
    notEmpty.assertNoStackTrace();
  }
}
