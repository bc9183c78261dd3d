package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;

/** Keys, tokens, requests and an HTTP client for tests against the real server on 127.0.0.1. */
final class CdsTestKit {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ISSUER = "https://ehr.test.invalid";

  final ECKey key;
  final MutableClock clock;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  CdsTestKit(MutableClock clock) {
    this.clock = clock;
    this.key = newKey("ehr-1");
  }

  /** A P-256 key (ES256): cheap to sign and verify, so load tests measure the service. */
  static ECKey newKey(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the public key set a configuration points at. */
  Path writeJwks(Path dir) throws IOException {
    Path file = dir.resolve("ehr-jwks.json");
    Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
    return file;
  }

  /** Settings for a secured server on an ephemeral port of 127.0.0.1. */
  Map<String, String> settings(Path dir) throws IOException {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("host", "127.0.0.1");
    s.put("port", "0");
    s.put("database.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/care-cds;DB_CLOSE_ON_EXIT=FALSE");
    s.put("security.issuer.ehr", ISSUER);
    s.put("security.jwks.ehr", writeJwks(dir).toString());
    s.put("rules.reload.seconds", "0");
    s.put("shutdown.grace.seconds", "2");
    return s;
  }

  /** A valid token for an audience, signed with the trusted key. */
  String token(String audience) {
    return token(key, ISSUER, audience, clock.instant(), clock.instant().plusSeconds(240), UUID.randomUUID().toString());
  }

  static String token(ECKey signer, String issuer, String audience, Instant issued, Instant expires, String jti) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("ehr-client")
        .audience(audience)
        .issueTime(Date.from(issued))
        .expirationTime(Date.from(expires))
        .jwtID(jti)
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new ECDSASigner(signer));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static PatientCase frailCase() {
    try (InputStream in = CdsTestKit.class.getResourceAsStream("case-frail.json")) {
      return CareJson.read(in, PatientCase.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A patient-view request with every prefetch key: the case in {@code patient}, empty bundles elsewhere. */
  static ObjectNode request(String patientId, PatientCase c) {
    ObjectNode r = requestWithoutPrefetch(patientId);
    ObjectNode prefetch = r.putObject("prefetch");
    for (String key : CdsHooksService.PREFETCH.keySet()) {
      if (key.equals("patient")) {
        ObjectNode patient = prefetch.putObject("patient");
        patient.put("resourceType", "Patient");
        patient.put("id", patientId);
        try {
          patient.set("_careCase", JSON.readTree(CareJson.write(c)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        ObjectNode bundle = prefetch.putObject(key);
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", 0);
      }
    }
    return r;
  }

  static ObjectNode requestWithoutPrefetch(String patientId) {
    ObjectNode r = JSON.createObjectNode();
    r.put("hook", "patient-view");
    r.put("hookInstance", UUID.randomUUID().toString());
    ObjectNode context = r.putObject("context");
    context.put("userId", "Practitioner/cc-1");
    context.put("patientId", patientId);
    return r;
  }

  static ObjectNode overridden(String cardUuid, String reason) {
    ObjectNode f = JSON.createObjectNode();
    ObjectNode item = f.putArray("feedback").addObject();
    item.put("card", cardUuid);
    item.put("outcome", "overridden");
    if (reason != null) {
      ObjectNode coding = item.putObject("overrideReason").putObject("reason");
      coding.put("system", CardFactory.OVERRIDE_REASON_SYSTEM);
      coding.put("code", reason);
    }
    return f;
  }

  static ObjectNode accepted(String cardUuid, String suggestionUuid) {
    ObjectNode f = JSON.createObjectNode();
    ObjectNode item = f.putArray("feedback").addObject();
    item.put("card", cardUuid);
    item.put("outcome", "accepted");
    ArrayNode accepted = item.putArray("acceptedSuggestions");
    accepted.addObject().put("id", suggestionUuid);
    return f;
  }

  /** POSTs JSON with a bearer token (none when null). */
  HttpResponse<String> post(URI uri, String token, JsonNode body) {
    return post(uri, token == null ? null : "Bearer " + token, body.toString());
  }

  HttpResponse<String> post(URI uri, String authorization, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
