package uk.nhs.carecoord.cdshooks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.RuleCompilationException;

/**
 * Runs the service: {@code java -jar care-cds-hooks.jar [--config care-cds.properties]}. Settings
 * come from the file and {@code CARE_CDS_*} environment variables ({@link CdsHooksConfig}); the
 * process stops gracefully on SIGTERM or Ctrl-C.
 */
public final class CdsHooksMain {
  private CdsHooksMain() {}

  /** Starts the server and waits until the process is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    Optional<Path> file = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      if ((args[i].equals("--config") || args[i].equals("-c")) && i + 1 < args.length) {
        file = Optional.of(Path.of(args[++i]));
      } else {
        System.err.println("usage: java -jar care-cds-hooks.jar [--config FILE]   (settings: see care-cds-hooks/README.md)");
        System.exit(args[i].equals("--help") ? 0 : 2);
      }
    }
    CdsHooksServer server;
    try {
      server = start(CdsHooksConfig.load(file, System.getenv()));
    } catch (CdsHooksConfig.ConfigException | RuleCompilationException e) {
      System.err.println("care-cds-hooks: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "care-cds-hooks-shutdown"));
    server.awaitShutdown();
  }

  /** Builds the rules, opens the database and starts serving with these settings. */
  public static CdsHooksServer start(CdsHooksConfig config) {
    Clock clock = Clock.system(config.zone);
    CareRules.Builder rules = CareRules.builder().clock(clock);
    config.ruleDirectory.ifPresent(rules::ruleDirectory);
    CdsHooksService.Builder service = CdsHooksService.builder()
        .rules(rules.build())
        .clock(clock)
        .jdbcUrl(config.databaseUrl, config.databaseUser.orElse(null), config.databasePassword.orElse(null));
    if (!config.fhirServers.isEmpty()) {
      service.fhirFetcher(new HapiFhirFetcher(Duration.ofSeconds(config.fhirTimeoutSeconds)));
      config.fhirServers.forEach(service::allowFhirServer);
    }
    return CdsHooksServer.start(config, service.build());
  }
}
