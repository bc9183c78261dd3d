package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;

/** A secured server on an ephemeral port of 127.0.0.1 with a fresh database, per test. */
abstract class ServerTestBase {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  static CareRules rules;

  @TempDir Path dir;
  MutableClock clock;
  CdsTestKit kit;
  CdsHooksServer server;
  URI base;

  @BeforeAll
  static synchronized void compileRules() {
    if (rules == null) { // shared by every server test class in this JVM
      rules = CareRules.builder().build();
    }
  }

  @BeforeEach
  void start() throws Exception {
    clock = new MutableClock(TODAY);
    kit = new CdsTestKit(clock);
    server = startServer();
  }

  CdsHooksServer startServer() throws Exception {
    CdsHooksConfig config = CdsHooksConfig.of(kit.settings(dir));
    CdsHooksService service = configure(CdsHooksService.builder()
        .rules(rules)
        .jdbcUrl(config.databaseUrl)
        .clock(clock))
        .build();
    CdsHooksServer s = CdsHooksServer.start(config, service, clock);
    base = URI.create("http://127.0.0.1:" + s.port() + "/cds-services");
    return s;
  }

  /** How tests read prefetch: the case-JSON reader unless a test class reads FHIR. */
  CdsHooksService.Builder configure(CdsHooksService.Builder builder) {
    return builder.prefetchReader(new CaseJsonPrefetchReader());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  URI service() {
    return URI.create(base + "/care-coordination");
  }

  URI feedback() {
    return URI.create(base + "/care-coordination/feedback");
  }

  JsonNode call(PatientCase c) {
    HttpResponse<String> r = kit.post(service(), kit.token(service().toString()), CdsTestKit.request(c.patient().id(), c));
    assertEquals(200, r.statusCode(), r.body());
    return CdsTestKit.json(r);
  }

  static JsonNode cardFor(JsonNode response, String code) {
    for (JsonNode card : response.get("cards")) {
      if (card.path("source").path("topic").path("code").asText().equals(code)) {
        return card;
      }
    }
    return null;
  }

  static Set<String> codes(JsonNode response) {
    Set<String> codes = new TreeSet<>();
    response.get("cards").forEach(c -> codes.add(c.path("source").path("topic").path("code").asText()));
    return codes;
  }

}
