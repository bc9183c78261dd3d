package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDS Hooks service over HTTP (Javalin on Jetty): discovery, calls and feedback under
 * {@code /cds-services}, with {@code /health} and {@code /ready} for operations.
 *
 * <pre>{@code
 * try (CdsHooksServer server = CdsHooksServer.start(config, service)) {
 *   server.awaitShutdown();
 * }
 * }</pre>
 *
 * <p>Service calls and feedback need a signed JWT from a trusted issuer (see {@link TokenVerifier});
 * everything else about a refused token stays in the log. Discovery and the operations endpoints
 * are open: they hold no patient data. Access logs are JSON lines on the logger
 * {@code uk.nhs.carecoord.cdshooks.access} with the route pattern, status and time, never a
 * patient identifier or query string. {@link #close()} stops taking calls, lets calls in flight
 * finish within the grace period, then stops.
 */
public final class CdsHooksServer implements AutoCloseable {
  /** Name of the client in insecure mode, stored with its calls and feedback. */
  public static final String INSECURE_CLIENT = "insecure-local-trial";

  private static final Logger LOG = LoggerFactory.getLogger(CdsHooksServer.class);
  private static final Logger ACCESS = LoggerFactory.getLogger("uk.nhs.carecoord.cdshooks.access");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNAUTHORIZED = "{\"error\":\"unauthorized\"}";

  private final CdsHooksConfig config;
  private final CdsHooksService service;
  private final Javalin app;
  private final RuleReloader reloader;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object shutdown = new Object();
  private volatile TokenVerifier verifier;
  private volatile boolean stopping;
  private volatile boolean closed;

  private CdsHooksServer(CdsHooksConfig config, CdsHooksService service, Clock clock) {
    if (config.insecure) {
      requireLoopback(config.host);
    }
    this.config = config;
    this.service = service;
    this.reloader = new RuleReloader(service.rules(), config.ruleDirectory.orElse(null), config.rulesReloadSeconds);
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.jetty.host = config.host;
      cfg.jetty.port = config.port;
      cfg.http.maxRequestSize = config.maxRequestBytes;
      cfg.http.defaultContentType = "application/json";
      cfg.requestLogger.http(this::logAccess);
      cfg.routes.get("/cds-services", ctx -> respond(ctx, service::discovery));
      cfg.routes.post("/cds-services/{id}", ctx -> {
        String client = authenticate(ctx);
        respond(ctx, () -> service.call(ctx.pathParam("id"), ctx.body(), client));
      });
      cfg.routes.post("/cds-services/{id}/feedback", ctx -> {
        String client = authenticate(ctx);
        respond(ctx, () -> service.feedback(ctx.pathParam("id"), ctx.body(), client));
      });
      cfg.routes.get("/health", ctx -> ctx.status(200).result(status("UP").toString()));
      cfg.routes.get("/ready", this::ready);
      cfg.routes.exception(Unauthorized.class, (e, ctx) -> {
        ctx.status(401).header("WWW-Authenticate", "Bearer").result(UNAUTHORIZED);
      });
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).result(error(e.getMessage())));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        // The message may carry what the caller sent: log the type and where, never the text.
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        LOG.error("internal error: {} at {}", e.getClass().getName(), at);
        ctx.status(500).result(error("internal error"));
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          ctx.result(error("not found"));
        }
      });
    });
  }

  /**
   * Starts serving. With {@code security.insecure=true} the server only binds to a loopback
   * address, and says so loudly at start and on every response.
   *
   * @throws CdsHooksConfig.ConfigException when the settings cannot be used (keys unreadable,
   *     insecure mode on a public address)
   */
  public static CdsHooksServer start(CdsHooksConfig config, CdsHooksService service) {
    return start(config, service, Clock.systemUTC());
  }

  static CdsHooksServer start(CdsHooksConfig config, CdsHooksService service, Clock clock) {
    CdsHooksServer server = new CdsHooksServer(config, service, clock);
    server.app.start();
    for (Connector c : server.app.jettyServer().server().getConnectors()) {
      if (c instanceof AbstractConnector a) {
        a.setIdleTimeout(Duration.ofSeconds(config.idleTimeoutSeconds).toMillis());
      }
    }
    if (!config.insecure) {
      String base = config.serviceUrl(server.port());
      Set<String> audiences = new LinkedHashSet<>();
      audiences.add(base);
      audiences.add(base + "/" + CdsHooksService.PATIENT_VIEW_SERVICE);
      audiences.add(base + "/" + CdsHooksService.PATIENT_VIEW_SERVICE + "/feedback");
      server.verifier = new TokenVerifier(keys(config.issuers), audiences, clock);
      LOG.info("care-cds-hooks listening on {}:{}; service URL {}; trusted issuers {}", config.host, server.port(), base,
          config.issuers.keySet());
    } else {
      String line = "*".repeat(78);
      LOG.warn("{}\n  INSECURE MODE: calls are accepted WITHOUT authentication (security.insecure=true).\n"
          + "  For a local trial with synthetic data only. Listening on {}:{} (loopback only).\n{}", line, config.host,
          server.port(), line);
    }
    server.reloader.start();
    return server;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The handler this server serves. */
  public CdsHooksService service() {
    return service;
  }

  /** Blocks until {@link #close()} has run (from a shutdown hook, say). */
  public void awaitShutdown() throws InterruptedException {
    synchronized (shutdown) {
      while (!closed) {
        shutdown.wait();
      }
    }
  }

  /**
   * Graceful stop: readiness turns 503 and new calls are refused with 503, calls in flight get up
   * to {@code shutdown.grace.seconds} to finish, then the server, the rule reloader and the
   * database pool stop.
   */
  @Override
  public void close() {
    synchronized (shutdown) {
      if (closed) {
        return;
      }
      stopping = true;
      long deadline = System.nanoTime() + Duration.ofSeconds(config.shutdownGraceSeconds).toNanos();
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        try {
          shutdown.wait(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      reloader.close();
      app.stop();
      service.close();
      closed = true;
      shutdown.notifyAll();
      LOG.info("care-cds-hooks stopped");
    }
  }

  private String authenticate(Context ctx) {
    if (config.insecure) {
      return INSECURE_CLIENT;
    }
    TokenVerifier v = verifier;
    try {
      if (v == null) {
        throw new TokenVerifier.Rejected("not started");
      }
      return v.verify(ctx.header("Authorization"));
    } catch (TokenVerifier.Rejected e) {
      LOG.info("401 on {}: {}", route(ctx), e.getMessage());
      throw new Unauthorized();
    }
  }

  private void respond(Context ctx, Supplier<CdsResponse> action) {
    if (config.insecure) {
      ctx.header("X-Care-Cds-Insecure", "true: no authentication, local trial only");
    }
    if (stopping) {
      ctx.status(503).result(error("shutting down"));
      return;
    }
    inFlight.incrementAndGet();
    try {
      CdsResponse r = action.get();
      ctx.status(r.status()).contentType("application/json").result(r.json());
    } finally {
      if (inFlight.decrementAndGet() == 0 && stopping) {
        synchronized (shutdown) {
          shutdown.notifyAll();
        }
      }
    }
  }

  private void ready(Context ctx) {
    boolean database = service.ready();
    boolean up = database && !stopping;
    ObjectNode body = status(up ? "READY" : "NOT_READY");
    body.put("database", database ? "UP" : "DOWN");
    body.set("ruleSets", JSON.valueToTree(service.rules().ruleSetVersions()));
    body.put("lastRulesReload", reloader.lastResult());
    ctx.status(up ? 200 : 503).result(body.toString());
  }

  private ObjectNode status(String status) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", status);
    if (config.insecure) {
      body.put("insecure", true);
    }
    return body;
  }

  private void logAccess(Context ctx, Float ms) {
    ObjectNode line = JSON.createObjectNode();
    line.put("ts", Instant.now().toString());
    line.put("method", ctx.method().name());
    line.put("route", route(ctx));
    line.put("status", ctx.statusCode());
    line.put("ms", Math.round(ms * 10) / 10.0);
    String length = ctx.header("Content-Length");
    if (length != null && length.matches("\\d{1,12}")) {
      line.put("requestBytes", Long.parseLong(length));
    }
    ACCESS.info(line.toString());
  }

  /** The route pattern of a request, never the raw path (which could carry anything). */
  static String route(Context ctx) {
    String path = ctx.path();
    if (path.equals("/cds-services") || path.equals("/health") || path.equals("/ready")) {
      return path;
    }
    if (path.matches("/cds-services/[^/]+")) {
      return "/cds-services/{id}";
    }
    if (path.matches("/cds-services/[^/]+/feedback")) {
      return "/cds-services/{id}/feedback";
    }
    return "(other)";
  }

  private static String error(String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", message);
    return body.toString();
  }

  private static Map<String, JWKSource<SecurityContext>> keys(Map<String, String> issuers) {
    Map<String, JWKSource<SecurityContext>> keys = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : issuers.entrySet()) {
      String location = e.getValue();
      try {
        if (location.startsWith("https://") || location.startsWith("http://")) {
          keys.put(e.getKey(), JWKSourceBuilder.<SecurityContext>create(URI.create(location).toURL()).build());
        } else {
          JWKSet set = JWKSet.load(Files.newInputStream(Path.of(location)));
          keys.put(e.getKey(), new ImmutableJWKSet<>(set.toPublicJWKSet()));
        }
      } catch (Exception ex) {
        throw new CdsHooksConfig.ConfigException("security.jwks for issuer " + e.getKey() + ": cannot read keys from "
            + location + ": " + ex.getMessage());
      }
    }
    return keys;
  }

  private static void requireLoopback(String host) {
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new CdsHooksConfig.ConfigException("security.insecure=true: only allowed when host is a loopback address"
            + " (127.0.0.1, ::1), not " + host);
      }
    } catch (UnknownHostException e) {
      throw new CdsHooksConfig.ConfigException("host: unknown host " + host);
    }
  }

  /** A refused token: answered 401 with no detail. */
  private static final class Unauthorized extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unauthorized() {
      super("unauthorized", null, false, false);
    }
  }
}
