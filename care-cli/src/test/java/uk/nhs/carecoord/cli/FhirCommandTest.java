package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.cli.CareCommandTest.arg;
import static uk.nhs.carecoord.cli.CareCommandTest.resource;
import static uk.nhs.carecoord.cli.CareCommandTest.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;

/** {@code care import} and {@code care evaluate} on FHIR R4 bundles. */
class FhirCommandTest {
  @TempDir Path temp;

  @Test
  void importWritesACaseLineAndTheReport() {
    CareCommandTest.Run r = run("import", arg(resource("fhir/golden-frail-older-person.json")), "--as-of", "2026-11-24");
    assertEquals(0, r.exit(), r.err());
    PatientCase c = CareJson.read(r.out(), PatientCase.class);
    assertEquals("9990000018", c.patient().nhsNumber().digits());
    assertTrue(r.err().contains("IGNORED Condition/cond-copd-error Condition.verificationStatus: entered in error"), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void importOfARefusedBundleNamesResourceAndPathAndWritesNoCase() throws IOException {
    String bundle = Files.readString(resource("fhir/golden-frail-older-person.json"), StandardCharsets.UTF_8)
        .replace("9990000018", "9990000019");
    Path file = temp.resolve("bad.json");
    Files.writeString(file, bundle);
    CareCommandTest.Run r = run("import", arg(file), "--as-of", "2026-11-24");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("REFUSED Patient/pt-1001 Patient.identifier[0].value: NHS number check digit"), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void evaluateAcceptsAFhirBundle() {
    CareCommandTest.Run r = run("evaluate", arg(resource("fhir/golden-frail-older-person.json")), "--as-of", "2026-11-24");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"FRAIL_ELDERLY\""), r.out());
    assertTrue(r.out().contains("\"pt-1001\""), r.out());
  }

  @Test
  void evaluateOfARefusedBundleIsAUserErrorNamingThePath() throws IOException {
    String bundle = Files.readString(resource("fhir/golden-frail-older-person.json"), StandardCharsets.UTF_8)
        .replace("\"valueInteger\": 6", "\"valueInteger\": 12");
    Path file = temp.resolve("bad.json");
    Files.writeString(file, bundle);
    CareCommandTest.Run r = run("evaluate", arg(file), "--as-of", "2026-11-24");
    assertTrue(r.exit() != 0);
    assertTrue(r.err().contains("Observation/obs-cfs Observation.valueInteger"), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void importOfAnNdjsonDirectoryWritesOneLinePerPersonAndASummary() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("export"));
    String bundle = Files.readString(resource("fhir/golden-frail-older-person.json"), StandardCharsets.UTF_8);
    var parsed = uk.nhs.carecoord.fhir.CareFhir.builder().build().importBundle(bundle, java.time.LocalDate.of(2026, 11, 24));
    uk.nhs.carecoord.fhir.CareFhir.builder().build()
        .writeBulk(java.util.List.of(parsed.patientCase()), dir, java.time.LocalDate.of(2026, 11, 24));
    Path report = temp.resolve("report.txt");
    CareCommandTest.Run r = run("import", arg(dir), "--as-of", "2026-11-24", "--report", arg(report));
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().strip().lines().count());
    assertTrue(Files.readString(report).contains("# summary: 1 people, 1 imported, 0 refused"));
  }
}
