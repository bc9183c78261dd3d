package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.ImmutablePamAssessment;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.PatientEvaluation;

/** The service over real HTTP on 127.0.0.1: discovery, calls, 412, feedback and restarts. */
class CdsHooksServerTest extends ServerTestBase {
  @Test
  void discoveryNamesThePatientViewServiceWithItsPrefetch() {
    HttpResponse<String> r = kit.get(base);
    assertEquals(200, r.statusCode());
    JsonNode services = CdsTestKit.json(r).get("services");
    assertEquals(1, services.size());
    JsonNode s = services.get(0);
    assertEquals("patient-view", s.get("hook").asText());
    assertEquals("care-coordination", s.get("id").asText());
    assertFalse(s.get("description").asText().isBlank());
    for (String key : List.of("patient", "conditions", "observations", "carePlans", "goals", "relatedPersons", "encounters", "medicationRequests")) {
      assertTrue(s.get("prefetch").has(key), key);
      assertTrue(s.get("prefetch").get(key).asText().contains("{{context.patientId}}"), key);
    }
  }

  @Test
  void patientViewGivesOneCardPerObligationAndRecommendationAndOneForCohorts() {
    PatientCase c = CdsTestKit.frailCase();
    JsonNode response = call(c);

    PatientEvaluation expected = rules.asOf(TODAY).evaluate(c);
    Set<String> expectedCodes = new TreeSet<>();
    expected.obligations().forEach(f -> expectedCodes.add(f.code()));
    expected.recommendations().forEach(f -> expectedCodes.add(f.code()));
    expectedCodes.add("COHORTS");
    assertEquals(expectedCodes, codes(response));
    assertTrue(expectedCodes.containsAll(Set.of("DISCUSS_SAFEGUARDING_CONCERN", "PAM_LEVEL_1_SMALL_STEPS")), expectedCodes.toString());

    JsonNode safeguarding = cardFor(response, "DISCUSS_SAFEGUARDING_CONCERN");
    assertEquals("critical", safeguarding.get("indicator").asText(), "an overdue safeguarding discussion is critical");
    assertFalse(safeguarding.has("overrideReasons"), "obligations cannot be declined");
    assertTrue(safeguarding.get("detail").asText().contains("Decision record"));
    assertTrue(safeguarding.get("source").get("label").asText().contains("safeguarding 2026."));
    assertEquals("https://www.england.nhs.uk/safeguarding/", safeguarding.get("links").get(0).get("url").asText());

    JsonNode pam = cardFor(response, "PAM_LEVEL_1_SMALL_STEPS");
    assertEquals("info", pam.get("indicator").asText());
    Set<String> reasons = new TreeSet<>();
    pam.get("overrideReasons").forEach(r -> reasons.add(r.get("code").asText()));
    assertEquals(Set.of("PERSON_DECLINED", "NOT_APPROPRIATE", "ALREADY_IN_PLACE", "CLINICAL_JUDGEMENT", "OTHER"), reasons);
    assertTrue(pam.get("detail").asText().contains("Latest PAM score 40.0"), pam.get("detail").asText());

    JsonNode cohorts = cardFor(response, "COHORTS");
    assertTrue(cohorts.get("summary").asText().startsWith("Care co-ordination cohorts: "));
    assertEquals("info", cohorts.get("indicator").asText());

    Set<String> uuids = new HashSet<>();
    for (JsonNode card : response.get("cards")) {
      assertTrue(card.get("summary").asText().length() <= 140);
      assertTrue(Set.of("info", "warning", "critical").contains(card.get("indicator").asText()));
      assertTrue(uuids.add(card.get("uuid").asText()), "card uuids are distinct");
    }
    // The same finding gets the same uuid on the next call.
    JsonNode again = call(c);
    Set<String> againUuids = new HashSet<>();
    again.get("cards").forEach(card -> againUuids.add(card.get("uuid").asText()));
    assertEquals(uuids, againUuids);
    assertEquals(2, server.service().count("cds_call"));
  }

  @Test
  void withoutPrefetchOrFhirServerTheAnswerIs412() {
    ObjectNode request = CdsTestKit.requestWithoutPrefetch("cds-001");
    HttpResponse<String> r = kit.post(service(), kit.token(service().toString()), request);
    assertEquals(412, r.statusCode(), r.body());
    assertTrue(CdsTestKit.json(r).get("error").asText().contains("patient"));

    // A FHIR server nobody configured is never fetched from.
    request.put("fhirServer", "http://127.0.0.1:9/fhir");
    request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer");
    r = kit.post(service(), kit.token(service().toString()), request);
    assertEquals(412, r.statusCode(), r.body());
  }

  @Test
  void badRequestsNameTheField() {
    ObjectNode request = CdsTestKit.request("cds-001", CdsTestKit.frailCase());
    ((ObjectNode) request.get("context")).remove("patientId");
    HttpResponse<String> r = kit.post(service(), kit.token(service().toString()), request);
    assertEquals(400, r.statusCode());
    assertEquals("context.patientId: required", CdsTestKit.json(r).get("error").asText());

    r = kit.post(service(), "Bearer " + kit.token(service().toString()), "{not json");
    assertEquals(400, r.statusCode());
    assertTrue(CdsTestKit.json(r).get("error").asText().startsWith("request body: not JSON"));

    r = kit.post(URI.create(base + "/no-such-service"), kit.token(base + "/no-such-service"), request);
    assertEquals(401, r.statusCode(), "a token for an endpoint this service does not have is refused");
    r = kit.post(URI.create(base + "/no-such-service"), kit.token(base.toString()), request);
    assertEquals(404, r.statusCode());
  }

  @Test
  void anOverriddenRecommendationIsHeldBackUntilItsFactsChangeOrItsPeriodPasses() throws Exception {
    PatientCase c = CdsTestKit.frailCase();
    JsonNode first = call(c);
    JsonNode pam = cardFor(first, "PAM_LEVEL_1_SMALL_STEPS");
    HttpResponse<String> fb = kit.post(feedback(), kit.token(feedback().toString()),
        CdsTestKit.overridden(pam.get("uuid").asText(), "PERSON_DECLINED"));
    assertEquals(200, fb.statusCode(), fb.body());

    JsonNode second = call(c);
    assertEquals(null, cardFor(second, "PAM_LEVEL_1_SMALL_STEPS"), "declined: held back");
    assertNotNull(cardFor(second, "DISCUSS_SAFEGUARDING_CONCERN"), "other cards stay");

    // Survives a restart on the same database file.
    server.close();
    server = startServer();
    assertEquals(null, cardFor(call(c), "PAM_LEVEL_1_SMALL_STEPS"), "still held back after a restart");

    // New facts (a new PAM score, still level 1): the recommendation returns with a new uuid.
    PatientCase changed = ImmutablePatientCase.copyOf(c).withPamAssessments(
        List.of(c.pamAssessments().get(0), ImmutablePamAssessment.builder().score(42.0).assessedOn(TODAY.minusDays(2)).build()));
    JsonNode back = cardFor(call(changed), "PAM_LEVEL_1_SMALL_STEPS");
    assertNotNull(back, "facts changed: raised again");
    assertFalse(back.get("uuid").asText().equals(pam.get("uuid").asText()));

    // Unchanged facts, but the snooze period has passed: raised again.
    int snooze = rules.thresholds().getDeclinedSnoozeDays();
    clock.set(TODAY.plusDays(snooze));
    assertEquals(null, cardFor(call(c), "PAM_LEVEL_1_SMALL_STEPS"), "held back up to and including the last day");
    clock.set(TODAY.plusDays(snooze + 1));
    assertNotNull(cardFor(call(c), "PAM_LEVEL_1_SMALL_STEPS"), "period over: raised again");
  }

  @Test
  void acceptingARecommendationNeverHoldsItBack() {
    PatientCase c = CdsTestKit.frailCase();
    JsonNode pam = cardFor(call(c), "PAM_LEVEL_1_SMALL_STEPS");
    String suggestion = pam.get("suggestions").get(0).get("uuid").asText();
    HttpResponse<String> fb = kit.post(feedback(), kit.token(feedback().toString()), CdsTestKit.accepted(pam.get("uuid").asText(), suggestion));
    assertEquals(200, fb.statusCode(), fb.body());
    assertNotNull(cardFor(call(c), "PAM_LEVEL_1_SMALL_STEPS"));
    assertEquals(1, server.service().count("cds_feedback"));
  }

  @Test
  void feedbackOnAnUnknownCardOrWithAnUnknownReasonIsRefusedAndNothingIsStored() {
    PatientCase c = CdsTestKit.frailCase();
    JsonNode pam = cardFor(call(c), "PAM_LEVEL_1_SMALL_STEPS");
    HttpResponse<String> r = kit.post(feedback(), kit.token(feedback().toString()),
        CdsTestKit.overridden("6f1c1bd4-8d0c-4c55-9d43-000000000000", "OTHER"));
    assertEquals(400, r.statusCode());
    assertEquals("feedback[0].card: not a card this service issued", CdsTestKit.json(r).get("error").asText());

    r = kit.post(feedback(), kit.token(feedback().toString()), CdsTestKit.overridden(pam.get("uuid").asText(), "WILL_ACT"));
    assertEquals(400, r.statusCode());
    assertEquals("feedback[0].overrideReason.reason.code: not one of this service's override reasons", CdsTestKit.json(r).get("error").asText());

    ObjectNode future = CdsTestKit.overridden(pam.get("uuid").asText(), "OTHER");
    ((ObjectNode) future.get("feedback").get(0)).put("outcomeTimestamp", TODAY.plusDays(3) + "T10:00:00Z");
    r = kit.post(feedback(), kit.token(feedback().toString()), future);
    assertEquals(400, r.statusCode());
    assertEquals(0, server.service().count("cds_feedback"));
    assertNotNull(cardFor(call(c), "PAM_LEVEL_1_SMALL_STEPS"));
  }

  @Test
  void healthAndReadiness() {
    HttpResponse<String> health = kit.get(URI.create("http://127.0.0.1:" + server.port() + "/health"));
    assertEquals(200, health.statusCode());
    HttpResponse<String> ready = kit.get(URI.create("http://127.0.0.1:" + server.port() + "/ready"));
    assertEquals(200, ready.statusCode());
    JsonNode body = CdsTestKit.json(ready);
    assertEquals("UP", body.get("database").asText());
    assertTrue(body.get("ruleSets").has("recommendations"));
  }

  @Test
  void anOversizedRequestIsRefused() {
    String big = "{\"hook\":\"patient-view\",\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
    HttpResponse<String> r = kit.post(service(), "Bearer " + kit.token(service().toString()), big);
    assertEquals(413, r.statusCode());
  }

  @Test
  void theAuditTrailKeepsCardsAndHeldBackRecommendationsButNotThePayload() throws Exception {
    PatientCase c = CdsTestKit.frailCase();
    JsonNode first = call(c);
    JsonNode pam = cardFor(first, "PAM_LEVEL_1_SMALL_STEPS");
    kit.post(feedback(), kit.token(feedback().toString()), CdsTestKit.overridden(pam.get("uuid").asText(), "NOT_APPROPRIATE"));
    JsonNode second = call(c);
    assertEquals(first.get("cards").size() - 1, second.get("cards").size());
    // Both calls' cards, plus the recommendation the second call held back.
    assertEquals(first.get("cards").size() + second.get("cards").size() + 1L, server.service().count("cds_card"));
    StringBuilder everything = new StringBuilder();
    try (java.sql.Connection db = java.sql.DriverManager.getConnection(CdsHooksConfig.of(kit.settings(dir)).databaseUrl)) {
      for (String table : List.of("cds_call", "cds_card", "cds_feedback")) {
        try (java.sql.ResultSet r = db.createStatement().executeQuery("SELECT * FROM " + table)) {
          while (r.next()) {
            for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
              everything.append(r.getString(col)).append('|');
            }
          }
        }
      }
    }
    String audit = everything.toString();
    assertTrue(audit.contains("PAM_LEVEL_1_SMALL_STEPS") && audit.contains("NOT_APPROPRIATE") && audit.contains("Patient/cds-001"));
    assertFalse(audit.contains(c.patient().nhsNumber().digits()), "no NHS number");
    assertFalse(audit.contains(c.patient().dateOfBirth().toString()), "no date of birth");
    assertFalse(audit.contains("Chronic obstructive"), "no conditions");
  }
}
