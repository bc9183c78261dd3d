package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every token that is not a valid, fresh, signed token from a trusted issuer for this service is a bare 401. */
class CdsHooksSecurityTest extends ServerTestBase {

  ObjectNode request() {
    return CdsTestKit.request("cds-001", CdsTestKit.frailCase());
  }

  void assertUnauthorized(String authorization) {
    HttpResponse<String> r = kit.post(service(), authorization, request().toString());
    assertEquals(401, r.statusCode(), r.body());
    assertEquals("{\"error\":\"unauthorized\"}", r.body(), "no detail that helps an attacker");
    assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  String aud() {
    return service().toString();
  }

  @Test
  void aValidTokenIsAccepted() {
    HttpResponse<String> r = kit.post(service(), "Bearer " + kit.token(aud()), request().toString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void theBaseUrlIsAnAcceptedAudienceToo() {
    HttpResponse<String> r = kit.post(service(), "Bearer " + kit.token(base.toString()), request().toString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void noTokenOrNotABearerToken() {
    assertUnauthorized(null);
    assertUnauthorized("Basic dXNlcjpwYXNz");
    assertUnauthorized("Bearer not-a-jwt");
  }

  @Test
  void anUnsignedToken() {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(CdsTestKit.ISSUER).audience(aud())
        .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(120)))
        .jwtID(UUID.randomUUID().toString()).build();
    assertUnauthorized("Bearer " + new PlainJWT(claims).serialize());
  }

  @Test
  void aTokenSignedWithAnotherKey() throws Exception {
    ECKey other = CdsTestKit.newKey(kit.key.getKeyID());
    Instant now = clock.instant();
    assertUnauthorized("Bearer " + CdsTestKit.token(other, CdsTestKit.ISSUER, aud(), now, now.plusSeconds(120), UUID.randomUUID().toString()));
  }

  @Test
  void anExpiredToken() {
    Instant now = clock.instant();
    assertUnauthorized("Bearer " + CdsTestKit.token(kit.key, CdsTestKit.ISSUER, aud(), now.minusSeconds(400), now.minusSeconds(200), UUID.randomUUID().toString()));
  }

  @Test
  void aTokenIssuedInTheFutureOrLivingTooLong() {
    Instant now = clock.instant();
    assertUnauthorized("Bearer " + CdsTestKit.token(kit.key, CdsTestKit.ISSUER, aud(), now.plusSeconds(600), now.plusSeconds(700), UUID.randomUUID().toString()));
    assertUnauthorized("Bearer " + CdsTestKit.token(kit.key, CdsTestKit.ISSUER, aud(), now, now.plusSeconds(3600), UUID.randomUUID().toString()));
  }

  @Test
  void aTokenForAnotherAudience() {
    Instant now = clock.instant();
    assertUnauthorized("Bearer " + CdsTestKit.token(kit.key, CdsTestKit.ISSUER, "https://other.example/cds-services", now, now.plusSeconds(120), UUID.randomUUID().toString()));
  }

  @Test
  void aTokenFromAnUnknownIssuer() {
    Instant now = clock.instant();
    assertUnauthorized("Bearer " + CdsTestKit.token(kit.key, "https://intruder.invalid", aud(), now, now.plusSeconds(120), UUID.randomUUID().toString()));
  }

  @Test
  void aReplayedToken() {
    String token = kit.token(aud());
    assertEquals(200, kit.post(service(), "Bearer " + token, request().toString()).statusCode());
    assertUnauthorized("Bearer " + token);
  }

  @Test
  void feedbackNeedsAValidTokenToo() {
    HttpResponse<String> r = kit.post(feedback(), null, CdsTestKit.overridden(UUID.randomUUID().toString(), "OTHER").toString());
    assertEquals(401, r.statusCode());
  }
}
