package uk.nhs.carecoord.cdshooks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The server's settings: from a properties file, then environment variables, then defaults. Every
 * key {@code a.b} can be set in the environment as {@code CARE_CDS_A_B}, which wins over the file.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>host</td><td>127.0.0.1</td><td>address to listen on</td></tr>
 * <tr><td>port</td><td>8080</td><td>port (0: any free port)</td></tr>
 * <tr><td>service.url</td><td>http://host:port/cds-services</td><td>the URL clients call: tokens' {@code aud}</td></tr>
 * <tr><td>database.url</td><td>jdbc:h2:file:./care-cds-data/care-cds</td><td>any JDBC URL</td></tr>
 * <tr><td>database.user, database.password</td><td></td><td>credentials</td></tr>
 * <tr><td>rules.directory</td><td></td><td>a directory of {@code .drl} files added to the built-in rules</td></tr>
 * <tr><td>rules.reload.seconds</td><td>10</td><td>how often to look for changed rules (0: never)</td></tr>
 * <tr><td>security.issuer.NAME</td><td></td><td>a trusted client's {@code iss}</td></tr>
 * <tr><td>security.jwks.NAME</td><td></td><td>its public keys: a JWK Set file or an https URL</td></tr>
 * <tr><td>security.insecure</td><td>false</td><td>accept calls without tokens: local trials only</td></tr>
 * <tr><td>fhir.servers</td><td></td><td>comma-separated FHIR base URLs the service may fetch from</td></tr>
 * <tr><td>fhir.timeout.seconds</td><td>10</td><td>per FHIR request</td></tr>
 * <tr><td>limits.request.bytes</td><td>4194304</td><td>largest request body</td></tr>
 * <tr><td>limits.idle.seconds</td><td>30</td><td>connection idle timeout</td></tr>
 * <tr><td>shutdown.grace.seconds</td><td>10</td><td>time given to calls in flight on shutdown</td></tr>
 * <tr><td>zone</td><td>Europe/London</td><td>time zone of the reference date</td></tr>
 * </table>
 */
public final class CdsHooksConfig {
  private static final String ENV_PREFIX = "CARE_CDS_";
  private static final Set<String> KEYS = Set.of(
      "host", "port", "service.url", "database.url", "database.user", "database.password",
      "rules.directory", "rules.reload.seconds", "security.insecure", "fhir.servers", "fhir.timeout.seconds",
      "limits.request.bytes", "limits.idle.seconds", "shutdown.grace.seconds", "zone");

  final String host;
  final int port;
  final Optional<String> serviceUrl;
  final String databaseUrl;
  final Optional<String> databaseUser;
  final Optional<String> databasePassword;
  final Optional<Path> ruleDirectory;
  final int rulesReloadSeconds;
  final boolean insecure;
  final Map<String, String> issuers;
  final List<String> fhirServers;
  final int fhirTimeoutSeconds;
  final long maxRequestBytes;
  final int idleTimeoutSeconds;
  final int shutdownGraceSeconds;
  final ZoneId zone;

  private CdsHooksConfig(Map<String, String> values, Map<String, String> issuers, String source) {
    Values v = new Values(values, source);
    this.host = v.text("host", "127.0.0.1");
    this.port = v.integer("port", 8080, 0, 65535);
    this.serviceUrl = v.optional("service.url");
    this.databaseUrl = v.text("database.url", "jdbc:h2:file:./care-cds-data/care-cds;DB_CLOSE_ON_EXIT=FALSE");
    this.databaseUser = v.optional("database.user");
    this.databasePassword = v.optional("database.password");
    this.ruleDirectory = v.optional("rules.directory").map(Path::of);
    this.rulesReloadSeconds = v.integer("rules.reload.seconds", 10, 0, 86_400);
    this.insecure = v.bool("security.insecure", false);
    this.issuers = Map.copyOf(issuers);
    this.fhirServers = v.optional("fhir.servers")
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
    this.fhirTimeoutSeconds = v.integer("fhir.timeout.seconds", 10, 1, 300);
    this.maxRequestBytes = v.integer("limits.request.bytes", 4 * 1024 * 1024, 1024, Integer.MAX_VALUE);
    this.idleTimeoutSeconds = v.integer("limits.idle.seconds", 30, 1, 3600);
    this.shutdownGraceSeconds = v.integer("shutdown.grace.seconds", 10, 0, 600);
    String zoneId = v.text("zone", "Europe/London");
    try {
      this.zone = ZoneId.of(zoneId);
    } catch (RuntimeException e) {
      throw new ConfigException(source + ": zone: not a time zone: " + zoneId);
    }
    if (!insecure && issuers.isEmpty()) {
      throw new ConfigException(source + ": security.issuer.NAME and security.jwks.NAME: at least one trusted issuer"
          + " is required (or security.insecure=true for a local trial)");
    }
  }

  /** The defaults with these settings; keys as in the file (tests, embedding). */
  public static CdsHooksConfig of(Map<String, String> settings) {
    return from(settings, "settings");
  }

  /**
   * Reads the file (if any), then the environment.
   *
   * @throws ConfigException naming the file or variable and the key at fault
   */
  public static CdsHooksConfig load(Optional<Path> file, Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    String source = "defaults";
    if (file.isPresent()) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new ConfigException(file.get() + ": cannot read: " + e.getMessage());
      }
      for (String k : p.stringPropertyNames()) {
        values.put(k, p.getProperty(k).strip());
      }
      source = file.get().toString();
    }
    for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
      if (e.getKey().startsWith(ENV_PREFIX)) {
        values.put(keyOf(e.getKey()), e.getValue().strip());
        source = source + " and environment";
      }
    }
    return from(values, source);
  }

  private static CdsHooksConfig from(Map<String, String> values, String source) {
    Map<String, String> plain = new LinkedHashMap<>();
    Map<String, String> issuerNames = new TreeMap<>();
    Map<String, String> jwks = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("security.issuer.")) {
        issuerNames.put(k.substring("security.issuer.".length()), e.getValue());
      } else if (k.startsWith("security.jwks.")) {
        jwks.put(k.substring("security.jwks.".length()), e.getValue());
      } else if (KEYS.contains(k)) {
        plain.put(k, e.getValue());
      } else {
        throw new ConfigException(source + ": " + k + ": unknown setting (known: " + new java.util.TreeSet<>(KEYS)
            + ", security.issuer.NAME, security.jwks.NAME)");
      }
    }
    Map<String, String> issuers = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : issuerNames.entrySet()) {
      String keys = jwks.get(e.getKey());
      if (keys == null) {
        throw new ConfigException(source + ": security.jwks." + e.getKey() + ": required for security.issuer." + e.getKey());
      }
      issuers.put(e.getValue(), keys);
    }
    for (String name : jwks.keySet()) {
      if (!issuerNames.containsKey(name)) {
        throw new ConfigException(source + ": security.issuer." + name + ": required for security.jwks." + name);
      }
    }
    return new CdsHooksConfig(plain, issuers, source);
  }

  /** {@code CARE_CDS_SECURITY_ISSUER_EHR} → {@code security.issuer.ehr}. */
  static String keyOf(String variable) {
    String rest = variable.substring(ENV_PREFIX.length()).toLowerCase(java.util.Locale.ROOT);
    for (String prefix : List.of("security_issuer_", "security_jwks_")) {
      if (rest.startsWith(prefix)) {
        return prefix.replace('_', '.') + rest.substring(prefix.length());
      }
    }
    return rest.replace('_', '.');
  }

  /** The URL clients call, which their tokens must name as {@code aud}. */
  String serviceUrl(int boundPort) {
    return serviceUrl.orElse("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort + "/cds-services");
  }

  /** A setting that cannot be used; the message names the source and the key. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  private record Values(Map<String, String> values, String source) {
    Optional<String> optional(String key) {
      return Optional.ofNullable(values.get(key)).filter(s -> !s.isBlank());
    }

    String text(String key, String fallback) {
      return optional(key).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      try {
        int i = Integer.parseInt(v.get());
        if (i < min || i > max) {
          throw new ConfigException(source + ": " + key + ": must be between " + min + " and " + max);
        }
        return i;
      } catch (NumberFormatException e) {
        throw new ConfigException(source + ": " + key + ": not a whole number");
      }
    }

    boolean bool(String key, boolean fallback) {
      Optional<String> v = optional(key);
      if (v.isEmpty()) {
        return fallback;
      }
      return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new ConfigException(source + ": " + key + ": true or false");
      };
    }
  }

  @Override
  public String toString() {
    // Never the database password.
    List<String> parts = new ArrayList<>();
    parts.add("host=" + host);
    parts.add("port=" + port);
    parts.add("database.url=" + databaseUrl.replaceAll("(?i)password=[^;&]*", "password=***"));
    parts.add("issuers=" + issuers.keySet());
    parts.add("insecure=" + insecure);
    return "CdsHooksConfig" + parts;
  }
}
