package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from a file, the environment over the file, and errors naming the key. */
class CdsHooksConfigTest {
  @TempDir Path dir;

  @Test
  void theEnvironmentWinsOverTheFile() throws Exception {
    Path file = dir.resolve("cds.properties");
    Files.writeString(file, "port=9000\nsecurity.issuer.ehr=https://ehr.example\nsecurity.jwks.ehr=/etc/ehr.json\nfhir.servers=https://fhir.a/r4, https://fhir.b/r4\n");
    CdsHooksConfig c = CdsHooksConfig.load(Optional.of(file), Map.of("CARE_CDS_PORT", "9100", "CARE_CDS_DATABASE_URL", "jdbc:postgresql://db/cds", "HOME", "/root"));
    assertEquals(9100, c.port);
    assertEquals("jdbc:postgresql://db/cds", c.databaseUrl);
    assertEquals(Map.of("https://ehr.example", "/etc/ehr.json"), c.issuers);
    assertEquals(List.of("https://fhir.a/r4", "https://fhir.b/r4"), c.fhirServers);
    assertEquals("127.0.0.1", c.host);
    assertEquals(false, c.insecure);
  }

  @Test
  void issuersCanComeFromTheEnvironment() {
    CdsHooksConfig c = CdsHooksConfig.load(Optional.empty(),
        Map.of("CARE_CDS_SECURITY_ISSUER_EHR", "https://ehr.example", "CARE_CDS_SECURITY_JWKS_EHR", "/keys.json"));
    assertEquals(Map.of("https://ehr.example", "/keys.json"), c.issuers);
  }

  @Test
  void withoutATrustedIssuerOnlyInsecureModeStarts() {
    CdsHooksConfig.ConfigException e = assertThrows(CdsHooksConfig.ConfigException.class, () -> CdsHooksConfig.of(Map.of()));
    assertTrue(e.getMessage().contains("security.issuer.NAME"), e.getMessage());
    assertEquals(true, CdsHooksConfig.of(Map.of("security.insecure", "true")).insecure);
  }

  @Test
  void mistakesNameTheSourceAndKey() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "prot=9000\n");
    CdsHooksConfig.ConfigException e = assertThrows(CdsHooksConfig.ConfigException.class, () -> CdsHooksConfig.load(Optional.of(file), Map.of()));
    assertTrue(e.getMessage().startsWith(file + ": prot: unknown setting"), e.getMessage());
    e = assertThrows(CdsHooksConfig.ConfigException.class, () -> CdsHooksConfig.of(Map.of("security.insecure", "true", "port", "eighty")));
    assertEquals("settings: port: not a whole number", e.getMessage());
    e = assertThrows(CdsHooksConfig.ConfigException.class, () -> CdsHooksConfig.of(Map.of("security.issuer.a", "https://a")));
    assertEquals("settings: security.jwks.a: required for security.issuer.a", e.getMessage());
  }

  @Test
  void environmentNamesMapToKeys() {
    assertEquals("limits.request.bytes", CdsHooksConfig.keyOf("CARE_CDS_LIMITS_REQUEST_BYTES"));
    assertEquals("security.issuer.my_ehr", CdsHooksConfig.keyOf("CARE_CDS_SECURITY_ISSUER_MY_EHR"));
  }

  @Test
  void insecureModeRefusesANonLoopbackAddress() {
    CdsHooksConfig c = CdsHooksConfig.of(Map.of("security.insecure", "true", "host", "0.0.0.0", "port", "0"));
    assertThrows(CdsHooksConfig.ConfigException.class, () -> CdsHooksServer.start(c, null));
  }
}
