package uk.nhs.carecoord.cdshooks;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;

/**
 * Load benchmark, run by hand (not a test): a secured server on 127.0.0.1 with an H2 file database,
 * {@code clients} threads making {@code calls} patient-view calls in all, with prefetch, over HTTP
 * with Java's client. Tokens are signed before the timed phase (signing is the client's cost).
 * Prints calls per second and p50/p95/p99 latency as the client sees it. {@code fhir} (the default)
 * sends the golden UK Core record as prefetch, read by care-fhir; {@code case} sends the library's
 * case JSON instead, to show what the FHIR import costs.
 *
 * <pre>
 * mvn -B -q -pl care-cds-hooks -am test-compile
 * java -cp "care-cds-hooks/target/test-classes:care-cds-hooks/target/classes:$(cat cp.txt)" \
 *   uk.nhs.carecoord.cdshooks.CdsHooksLoadBenchmark [clients=4] [calls=2000] [warmup=2000] [fhir|case]
 * </pre>
 */
public final class CdsHooksLoadBenchmark {
  private CdsHooksLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    boolean fhir = args.length <= 3 || args[3].equals("fhir");
    Path dir = Files.createTempDirectory("cds-bench");
    LocalDate today = LocalDate.of(2026, 11, 24);
    MutableClock clock = new MutableClock(today);
    CdsTestKit kit = new CdsTestKit(clock);
    CdsHooksConfig config = CdsHooksConfig.of(kit.settings(dir));
    CdsHooksService.Builder builder = CdsHooksService.builder();
    if (!fhir) {
      builder.prefetchReader(new CaseJsonPrefetchReader());
    }
    CdsHooksService service = builder
        .rules(CareRules.builder().build())
        .jdbcUrl(config.databaseUrl)
        .clock(clock)
        .build();
    try (CdsHooksServer server = CdsHooksServer.start(config, service, clock)) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/cds-services/care-coordination");
      PatientCase template = CdsTestKit.frailCase();
      List<String> bodies = new ArrayList<>();
      if (fhir) {
        com.fasterxml.jackson.databind.node.ObjectNode request = CdsTestKit.requestWithoutPrefetch(FhirPrefetchTest.PATIENT);
        com.fasterxml.jackson.databind.node.ObjectNode prefetch = request.putObject("prefetch");
        FhirPrefetchTest.goldenPrefetch().forEach(prefetch::set);
        bodies.add(request.toString());
      }
      for (int p = 0; p < (fhir ? 0 : 100); p++) {
        PatientCase c = ImmutablePatientCase.copyOf(template).withPatient(ImmutablePatient.copyOf(template.patient()).withId("bench-" + p));
        bodies.add(CdsTestKit.request(c.patient().id(), c).toString());
      }
      run(kit, uri, bodies, clients, warmup / clients, "warm-up");
      System.out.println((fhir ? "FHIR prefetch (golden record, " : "case JSON prefetch (") + bodies.get(0).length() + " bytes a request)");
      run(kit, uri, bodies, clients, calls / clients, "measured");
      System.out.println("audit rows: calls " + service.count("cds_call") + ", cards " + service.count("cds_card"));
    }
  }

  private static long[] run(CdsTestKit kit, URI uri, List<String> bodies, int clients, int perClient, String label) throws Exception {
    List<List<String>> tokens = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      List<String> mine = new ArrayList<>();
      for (int i = 0; i < perClient; i++) {
        mine.add("Bearer " + kit.token(uri.toString()));
      }
      tokens.add(mine);
    }
    long[] latencies = new long[clients * perClient];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      int client = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perClient; i++) {
          long s = System.nanoTime();
          HttpResponse<String> r = kit.post(uri, tokens.get(client).get(i), bodies.get((client * 31 + i) % bodies.size()));
          latencies[client * perClient + i] = System.nanoTime() - s;
          if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    System.out.printf("%s: %d clients x %d calls: %.0f calls/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        label, clients, perClient, latencies.length / seconds,
        pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1] / 1e6);
    return latencies;
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
