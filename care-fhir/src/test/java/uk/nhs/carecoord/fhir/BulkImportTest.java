package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/** A Bulk Data export directory → one import per person, joined by patient reference. */
class BulkImportTest {
  private static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  private static final CareFhir FHIR = CareFhir.builder().build();

  @TempDir Path dir;

  private static List<PatientCase> population(int n) {
    return new RoundTripPropertyTest().cases().sampleStream().limit(2L * n)
        .collect(Collectors.toMap(c -> c.patient().id(), Function.identity(), (a, b) -> a))
        .values().stream().limit(n).toList();
  }

  @Test
  void everyPersonComesBackAsTheirOwnCase() {
    List<PatientCase> people = population(12);
    FHIR.writeBulk(people, dir, AS_OF);
    assertTrue(Files.exists(dir.resolve("Patient.ndjson")));
    Map<String, PatientCase> byId = people.stream().collect(Collectors.toMap(c -> c.patient().id(), c -> c));
    try (BulkImport bulk = FHIR.importBulk(dir, AS_OF)) {
      List<BulkImport.PersonImport> imports = bulk.people().toList();
      assertEquals(people.size(), imports.size());
      for (BulkImport.PersonImport p : imports) {
        RoundTripPropertyTest.assertSameCase(
            RoundTripPropertyTest.expectedAfterRoundTrip(byId.get(p.patientId()), AS_OF),
            p.result().orElseThrow().patientCase());
      }
      BulkImport.Summary s = bulk.summary();
      assertEquals(people.size(), s.people());
      assertEquals(people.size(), s.imported());
      assertEquals(0, s.refused());
      assertEquals(people.size(), s.resourcesByType().get("Patient"));
    }
  }

  @Test
  void aRefusedPersonDoesNotStopTheOthersAndOrphansAreCounted() throws IOException {
    List<PatientCase> people = population(3);
    FHIR.writeBulk(people, dir, AS_OF);
    String victim = people.get(1).patient().id();
    Files.writeString(dir.resolve("Observation.ndjson"),
        "{\"resourceType\":\"Observation\",\"id\":\"bad-cfs\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
            + "\"http://snomed.info/sct\",\"code\":\"445414007\"}]},\"subject\":{\"reference\":\"Patient/" + victim
            + "\"},\"valueInteger\":11}\n"
            + "{\"resourceType\":\"Observation\",\"id\":\"orphan\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
            + "\"http://snomed.info/sct\",\"code\":\"445414007\"}]},\"subject\":{\"reference\":\"Patient/nobody\"},"
            + "\"valueInteger\":3}\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    try (BulkImport bulk = FHIR.importBulk(dir, AS_OF)) {
      Map<String, BulkImport.PersonImport> imports =
          bulk.people().collect(Collectors.toMap(BulkImport.PersonImport::patientId, p -> p));
      FhirImportException refusal = imports.get(victim).refusal().orElseThrow();
      assertEquals("Observation/bad-cfs", refusal.first().resource());
      assertEquals(2, bulk.summary().imported());
      assertEquals(1, bulk.summary().refused());
      assertEquals(1, bulk.summary().unlinked().values().stream().mapToInt(Integer::intValue).sum());
    }
  }

  @Test
  void aLineThatIsNotJsonIsRefusedWithFileAndLine() throws IOException {
    Files.writeString(dir.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p\"}\n{oops\n");
    FhirImportException e = assertThrows(FhirImportException.class, () -> FHIR.importBulk(dir, AS_OF));
    assertEquals("Patient.ndjson:2", e.first().resource());
  }
}
