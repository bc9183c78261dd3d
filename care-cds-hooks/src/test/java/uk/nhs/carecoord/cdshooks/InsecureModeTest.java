package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Insecure mode: off unless asked for, loopback only, and announced on every answer. */
class InsecureModeTest {
  @TempDir Path dir;

  @Test
  void callsWithoutATokenAreAcceptedAndEveryAnswerSaysSo() {
    MutableClock clock = new MutableClock(LocalDate.of(2026, 11, 24));
    CdsTestKit kit = new CdsTestKit(clock);
    CdsHooksConfig config = CdsHooksConfig.of(Map.of("security.insecure", "true", "port", "0",
        "database.url", "jdbc:h2:file:" + dir.toAbsolutePath() + "/cds"));
    ServerTestBase.compileRules();
    CdsHooksService service = CdsHooksService.builder().rules(ServerTestBase.rules)
        .prefetchReader(new CaseJsonPrefetchReader()).jdbcUrl(config.databaseUrl).clock(clock).build();
    try (CdsHooksServer server = CdsHooksServer.start(config, service, clock)) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/cds-services/care-coordination");
      HttpResponse<String> r = kit.post(uri, null, CdsTestKit.request("cds-001", CdsTestKit.frailCase()));
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("X-Care-Cds-Insecure").isPresent());
      HttpResponse<String> health = kit.get(URI.create("http://127.0.0.1:" + server.port() + "/health"));
      assertTrue(CdsTestKit.json(health).get("insecure").asBoolean());
    }
  }

  @Test
  void secureByDefault() {
    assertEquals(false, CdsHooksConfig.of(Map.of("security.issuer.a", "https://a", "security.jwks.a", "/k.json")).insecure);
  }
}
