package uk.nhs.carecoord.cdshooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.RuleCompilationException;

/**
 * Reloads the rules without a restart when a file in the rule directory changes. A reload that
 * does not compile leaves the last good rules serving ({@link CareRules#reload()} swaps only on
 * success) and is logged with every problem's file and line.
 */
final class RuleReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

  private final CareRules rules;
  private final Path directory;
  private final int seconds;
  private ScheduledExecutorService timer;
  private volatile String lastState;
  private volatile String lastResult = "none";

  RuleReloader(CareRules rules, Path directory, int seconds) {
    this.rules = rules;
    this.directory = directory;
    this.seconds = seconds;
  }

  void start() {
    if (directory == null || seconds == 0) {
      return;
    }
    lastState = state();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "care-cds-rule-reloader");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::checkSafely, seconds, seconds, TimeUnit.SECONDS);
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.error("rule directory check failed: {}", e.toString());
    }
  }

  /** Reloads if the rule directory changed since the last look; true when it reloaded. */
  synchronized boolean check() {
    String now = state();
    if (now.equals(lastState)) {
      return false;
    }
    lastState = now;
    return reload();
  }

  /** Recompiles now; true when the new rules serve, false when the last good ones stay. */
  synchronized boolean reload() {
    try {
      rules.reload();
      lastResult = Instant.now() + " ok";
      LOG.info("rules reloaded: {}", rules.ruleSetVersions());
      return true;
    } catch (RuleCompilationException e) {
      lastResult = Instant.now() + " failed; last good rules serving";
      LOG.warn("rules reload failed; the last good rules keep serving:\n{}", e.getMessage());
      return false;
    }
  }

  String lastResult() {
    return lastResult;
  }

  /** Names and content hashes of the directory's files: changes when any file does. */
  private String state() {
    try (Stream<Path> files = Files.walk(directory)) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      StringBuilder b = new StringBuilder();
      for (Path p : sorted) {
        b.append(directory.relativize(p)).append(' ').append(Arrays.hashCode(Files.readAllBytes(p))).append('\n');
      }
      return b.toString();
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
