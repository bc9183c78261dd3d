package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.rules.CareRules;

/** Rules reload without a restart; a reload that fails keeps the last good rules serving. */
class RuleReloadTest {
  static final String CODE = "REFER_HEALTH_COACH";
  static final String LOCAL_RULE = """
      package local.trial;
      import uk.nhs.carecoord.rules.authoring.Outcomes;
      import uk.nhs.carecoord.rules.Priority;
      import uk.nhs.carecoord.rules.authoring.PatientFacts;
      global Outcomes out;

      rule "Local trial: offer everyone a health coach"
      when
          PatientFacts( )
      then
          out.recommendation(drools, "REFER_HEALTH_COACH", Priority.LOW, "Offer a health coach (local trial rule)")
              .reason("Local trial rule");
      end
      """;

  @TempDir Path dir;

  @Test
  void aChangedRuleDirectoryIsPickedUpAndABrokenOneIsNot() throws Exception {
    Path rulesDir = Files.createDirectories(dir.resolve("rules"));
    CareRules rules = CareRules.builder().ruleDirectory(rulesDir).build();
    MutableClock clock = new MutableClock(LocalDate.of(2026, 11, 24));
    try (CdsHooksService service = CdsHooksService.builder()
            .rules(rules)
            .prefetchReader(new CaseJsonPrefetchReader())
            .jdbcUrl("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/cds")
            .clock(clock)
            .build();
        RuleReloader reloader = new RuleReloader(rules, rulesDir, 3600)) {
      reloader.start();
      String request = CdsTestKit.request("cds-001", CdsTestKit.frailCase()).toString();
      assertFalse(codes(service.call("care-coordination", request, "test")).contains(CODE));
      assertFalse(reloader.check(), "nothing changed");

      Files.writeString(rulesDir.resolve("local.drl"), LOCAL_RULE);
      assertTrue(reloader.check(), "the new rule compiles and serves");
      assertTrue(codes(service.call("care-coordination", request, "test")).contains(CODE));

      Files.writeString(rulesDir.resolve("local.drl"), LOCAL_RULE.replace("PatientFacts( )", "PatientFacts( nosuchfield == 1 )"));
      assertFalse(reloader.check(), "a broken rule does not compile");
      assertTrue(reloader.lastResult().endsWith("failed; last good rules serving"));
      CdsResponse r = service.call("care-coordination", request, "test");
      assertEquals(200, r.status());
      assertTrue(codes(r).contains(CODE), "the last good rules keep serving");
    }
  }

  static java.util.Set<String> codes(CdsResponse r) throws Exception {
    JsonNode body = CdsTestKit.JSON.readTree(r.json());
    java.util.Set<String> codes = new java.util.TreeSet<>();
    body.path("cards").forEach(c -> codes.add(c.path("source").path("topic").path("code").asText()));
    return codes;
  }
}
