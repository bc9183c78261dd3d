package uk.nhs.carecoord.cdshooks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks the signed JWT a CDS client sends as {@code Authorization: Bearer} (CDS Hooks 2.0,
 * "Trusting CDS Clients"): the signature against the issuer's configured keys, {@code iss} on the
 * allow list, {@code aud} naming this service, {@code exp} and {@code iat} in range, and a
 * {@code jti} never seen before. Anything else is rejected; the reason goes to the log only.
 */
final class TokenVerifier {
  /** The algorithms CDS Hooks names (RS384, ES384) and their siblings; never HMAC or none. */
  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  /** CDS Hooks: a token expires no more than five minutes after it is issued. */
  static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final Map<String, DefaultJWTProcessor<SecurityContext>> byIssuer = new HashMap<>();
  private final Clock clock;
  private final ReplayCache seen;

  /**
   * @param keys each trusted issuer with the source of its public keys
   * @param audiences the URLs a token's {@code aud} may name: the service base URL and its endpoints
   */
  TokenVerifier(Map<String, JWKSource<SecurityContext>> keys, Set<String> audiences, Clock clock) {
    this.clock = clock;
    this.seen = new ReplayCache(clock);
    for (Map.Entry<String, JWKSource<SecurityContext>> e : keys.entrySet()) {
      DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
      p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, e.getValue()));
      DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
          audiences,
          new JWTClaimsSet.Builder().issuer(e.getKey()).build(),
          Set.of("iss", "aud", "exp", "iat", "jti"),
          Set.of()) {
        @Override
        protected Date currentTime() {
          return Date.from(clock.instant());
        }
      };
      claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
      p.setJWTClaimsSetVerifier(claims);
      byIssuer.put(e.getKey(), p);
    }
  }

  /** A token that does not pass; the reason is for the operator's log, never the caller. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Verifies an {@code Authorization} header value.
   *
   * @return the issuer, which names the client
   * @throws Rejected when anything is wrong
   */
  String verify(String authorization) throws Rejected {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Rejected("no bearer token");
    }
    SignedJWT jwt;
    JWTClaimsSet unverified;
    try {
      jwt = SignedJWT.parse(authorization.substring(7).strip());
      unverified = jwt.getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new Rejected("not a signed JWT");
    }
    String issuer = unverified.getIssuer();
    DefaultJWTProcessor<SecurityContext> processor = issuer == null ? null : byIssuer.get(issuer);
    if (processor == null) {
      throw new Rejected("issuer not trusted");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (Exception e) {
      // BadJOSEException (signature, claims), JOSEException (keys): the class says which.
      throw new Rejected("failed verification: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    Instant now = clock.instant();
    Instant issuedAt = claims.getIssueTime().toInstant();
    Instant expires = claims.getExpirationTime().toInstant();
    if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw new Rejected("issued in the future");
    }
    if (expires.isAfter(issuedAt.plus(MAX_LIFETIME))) {
      throw new Rejected("lifetime longer than " + MAX_LIFETIME.toMinutes() + " minutes");
    }
    if (!seen.firstUse(issuer + " " + claims.getJWTID(), expires.plus(CLOCK_SKEW))) {
      throw new Rejected("jti replayed");
    }
    return issuer;
  }

  /** The issuers trusted. */
  List<String> issuers() {
    return List.copyOf(byIssuer.keySet());
  }

  /**
   * Token ids seen, each kept until its token expires (at most five minutes and the skew), after
   * which the token is refused as expired anyway. Held in memory: a restart forgets them, but a
   * token replayed after a restart is still refused once it expires, minutes later.
   */
  static final class ReplayCache {
    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();
    private final Clock clock;

    ReplayCache(Clock clock) {
      this.clock = clock;
    }

    /** True the first time a token id is offered while it is live. */
    boolean firstUse(String id, Instant keepUntil) {
      if (sinceSweep.incrementAndGet() >= 1024) {
        sinceSweep.set(0);
        Instant now = clock.instant();
        seen.values().removeIf(until -> until.isBefore(now));
      }
      return seen.putIfAbsent(id, keepUntil) == null;
    }

    int size() {
      return seen.size();
    }
  }
}
