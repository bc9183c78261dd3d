package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The golden UK Core record through care-fhir's import: sent as prefetch, and fetched from a small
 * FHIR endpoint served over real HTTP on 127.0.0.1 when the client sends no prefetch.
 */
class FhirPrefetchTest extends ServerTestBase {
  static final String PATIENT = "pt-1001";
  static final String TOKEN = "fhir-access-token-for-test";
  /** The golden record's expected cards (care-fhir's golden evaluation, plus the cohort card). */
  static final Set<String> GOLDEN_CARDS = Set.of("COHORTS", "PLAN_REVIEW_OVERDUE", "ARRANGE_COMMUNICATION_SUPPORT",
      "BENEFITS_ADVICE", "CARER_SUPPORT", "PAM_LEVEL_1_SMALL_STEPS", "PLAN_SHARE", "PAM_REMEASURE", "PERSONAL_HEALTH_BUDGET");
  /** Prefetch key of each resource type in the golden bundle. */
  static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry("Condition", "conditions"), Map.entry("Observation", "observations"), Map.entry("CarePlan", "carePlans"),
      Map.entry("Goal", "goals"), Map.entry("CareTeam", "careTeams"), Map.entry("RelatedPerson", "relatedPersons"),
      Map.entry("Encounter", "encounters"), Map.entry("MedicationRequest", "medicationRequests"),
      Map.entry("MedicationStatement", "medicationStatements"), Map.entry("Flag", "flags"),
      Map.entry("ServiceRequest", "serviceRequests"), Map.entry("Consent", "consents"));

  HttpServer fhir;
  final List<String> fhirRequests = new CopyOnWriteArrayList<>();

  @Override
  CdsHooksService.Builder configure(CdsHooksService.Builder builder) {
    return builder; // the default reader: care-fhir
  }

  @AfterEach
  void stopFhir() {
    if (fhir != null) {
      fhir.stop(0);
    }
  }

  /** The golden bundle as a CDS client would prefetch it: the Patient, and a searchset per key. */
  static Map<String, ObjectNode> goldenPrefetch() throws IOException {
    JsonNode golden;
    try (InputStream in = FhirPrefetchTest.class.getResourceAsStream("golden-frail-older-person.json")) {
      golden = CdsTestKit.JSON.readTree(in);
    }
    Map<String, ObjectNode> prefetch = new LinkedHashMap<>();
    for (String key : CdsHooksService.PREFETCH.keySet()) {
      if (!key.equals("patient")) {
        ObjectNode bundle = CdsTestKit.JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.putArray("entry");
        prefetch.put(key, bundle);
      }
    }
    for (JsonNode entry : golden.get("entry")) {
      JsonNode resource = entry.get("resource");
      String type = resource.get("resourceType").asText();
      if (type.equals("Patient")) {
        prefetch.put("patient", (ObjectNode) resource);
      } else if (KEYS.containsKey(type)) {
        ObjectNode e = ((ArrayNode) prefetch.get(KEYS.get(type)).get("entry")).addObject();
        e.put("fullUrl", "urn:uuid:" + type + "-" + resource.get("id").asText());
        e.set("resource", resource);
      }
    }
    prefetch.values().forEach(b -> {
      if (b.has("entry")) {
        b.put("total", b.get("entry").size());
      }
    });
    return prefetch;
  }

  JsonNode call(ObjectNode request) {
    HttpResponse<String> r = kit.post(service(), kit.token(service().toString()), request);
    assertEquals(200, r.statusCode(), r.body());
    return CdsTestKit.json(r);
  }

  @Test
  void theGoldenRecordAsPrefetchGivesTheExpectedCards() throws IOException {
    ObjectNode request = CdsTestKit.requestWithoutPrefetch(PATIENT);
    ObjectNode prefetch = request.putObject("prefetch");
    goldenPrefetch().forEach(prefetch::set);
    JsonNode response = call(request);
    assertEquals(GOLDEN_CARDS, codes(response));
    JsonNode overdue = cardFor(response, "PLAN_REVIEW_OVERDUE");
    assertEquals("warning", overdue.get("indicator").asText(), "HIGH priority");
    assertTrue(overdue.get("summary").asText().length() <= 140);
    assertTrue(overdue.get("detail").asText().contains("2026\\-09\\-02") || overdue.get("detail").asText().contains("2026-09-02"),
        overdue.get("detail").asText());
    JsonNode cohorts = cardFor(response, "COHORTS");
    assertTrue(cohorts.get("summary").asText().contains("Frail or elderly"), "labels from the output catalogue: " + cohorts.get("summary"));
  }

  @Test
  void aPrefetchForAnotherPatientIsRefused() throws IOException {
    ObjectNode request = CdsTestKit.requestWithoutPrefetch("someone-else");
    ObjectNode prefetch = request.putObject("prefetch");
    goldenPrefetch().forEach(prefetch::set);
    HttpResponse<String> r = kit.post(service(), kit.token(service().toString()), request);
    assertEquals(400, r.statusCode());
    assertEquals("prefetch: patient: must be Patient/someone-else, the patient in context", CdsTestKit.json(r).get("error").asText());
  }

  @Test
  void withoutPrefetchTheRecordIsFetchedFromTheClientsFhirServer() throws Exception {
    Map<String, ObjectNode> golden = goldenPrefetch();
    fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fhir.createContext("/fhir", exchange -> {
      String path = exchange.getRequestURI().getPath().substring("/fhir/".length());
      String query = exchange.getRequestURI().getRawQuery();
      fhirRequests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
      byte[] body;
      int status = 200;
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        status = 401;
        body = "{\"resourceType\":\"OperationOutcome\"}".getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("Patient/" + PATIENT)) {
        body = golden.get("patient").toString().getBytes(StandardCharsets.UTF_8);
      } else {
        String key = KEYS.get(path);
        body = key != null && ("patient=" + PATIENT).equals(query)
            ? golden.get(key).toString().getBytes(StandardCharsets.UTF_8)
            : emptyBundle();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    fhir.start();
    String base = "http://127.0.0.1:" + fhir.getAddress().getPort() + "/fhir";
    server.close();
    server = startServerFetchingFrom(base);

    ObjectNode request = CdsTestKit.requestWithoutPrefetch(PATIENT);
    request.put("fhirServer", base);
    request.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer").put("expires_in", 300)
        .put("scope", "patient/*.read").put("subject", "care-cds-hooks");
    assertEquals(GOLDEN_CARDS, codes(call(request)));
    assertEquals(CdsHooksService.PREFETCH.size(), fhirRequests.size(), fhirRequests.toString());
    assertTrue(fhirRequests.contains("GET Patient/" + PATIENT));
    assertTrue(fhirRequests.contains("GET Condition?patient=" + PATIENT));

    // Part of the prefetch sent: only the rest is fetched.
    fhirRequests.clear();
    ObjectNode partial = request.deepCopy();
    partial.putObject("prefetch").set("patient", golden.get("patient"));
    assertEquals(GOLDEN_CARDS, codes(call(partial)));
    assertFalse(fhirRequests.contains("GET Patient/" + PATIENT));
    assertEquals(CdsHooksService.PREFETCH.size() - 1, fhirRequests.size());

    // A token the FHIR server refuses: 412, naming neither token nor data.
    ObjectNode refused = request.deepCopy();
    ((ObjectNode) refused.get("fhirAuthorization")).put("access_token", "wrong");
    HttpResponse<String> r = kit.post(service(), kit.token(service().toString()), refused);
    assertEquals(412, r.statusCode(), r.body());
    assertFalse(r.body().contains("wrong"));
  }

  CdsHooksServer startServerFetchingFrom(String fhirBase) throws Exception {
    CdsHooksConfig config = CdsHooksConfig.of(kit.settings(dir));
    CdsHooksService service = CdsHooksService.builder()
        .rules(rules)
        .jdbcUrl(config.databaseUrl)
        .clock(clock)
        .fhirFetcher(new HapiFhirFetcher(Duration.ofSeconds(10)))
        .allowFhirServer(fhirBase)
        .build();
    CdsHooksServer s = CdsHooksServer.start(config, service, clock);
    this.base = URI.create("http://127.0.0.1:" + s.port() + "/cds-services");
    return s;
  }

  static byte[] emptyBundle() {
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}".getBytes(StandardCharsets.UTF_8);
  }
}
