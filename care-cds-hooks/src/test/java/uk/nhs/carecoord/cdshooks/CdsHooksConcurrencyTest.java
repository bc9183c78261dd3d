package uk.nhs.carecoord.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.PatientCase;

/**
 * 8 clients × 500 calls against one server: every response has exactly the cards the rules give,
 * card ids are stable per patient, and every feedback item answered 200 is stored — including
 * feedback from all clients at once on one shared patient.
 */
class CdsHooksConcurrencyTest extends ServerTestBase {
  static final int CLIENTS = 8;
  static final int CALLS = 500;
  static final String HELD = "PAM_LEVEL_1_SMALL_STEPS";

  @Test
  void eightClientsFiveHundredCallsEach() throws Exception {
    PatientCase template = CdsTestKit.frailCase();
    Set<String> all = codes(call(template)); // warms up and gives the full set of cards
    assertTrue(all.contains(HELD));
    Set<String> withoutHeld = new TreeSet<>(all);
    withoutHeld.remove(HELD);

    PatientCase shared = withId(template, "shared-1");
    String heldUuid = cardFor(call(shared), HELD).get("uuid").asText();

    AtomicLong firstFeedbackSent = new AtomicLong(Long.MAX_VALUE);
    AtomicLong firstFeedbackStored = new AtomicLong(Long.MAX_VALUE);
    AtomicInteger feedbackStored = new AtomicInteger();
    Map<String, String> uuidOfHeldByPatient = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    // Request bodies made up front, so the clients spend their time on the service, not on JSON.
    Map<String, String> bodies = new ConcurrentHashMap<>();
    bodies.put(shared.patient().id(), CdsTestKit.request(shared.patient().id(), shared).toString());
    for (int t = 0; t < CLIENTS; t++) {
      for (int p = 0; p < 5; p++) {
        PatientCase c = withId(template, "p-" + t + "-" + p);
        bodies.put(c.patient().id(), CdsTestKit.request(c.patient().id(), c).toString());
      }
    }
    String overrideBody = CdsTestKit.overridden(heldUuid, "OTHER").toString();

    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      int client = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < CALLS; i++) {
          if (i % 10 == 5) {
            // Everyone declines the shared patient's recommendation, concurrently.
            firstFeedbackSent.accumulateAndGet(System.nanoTime(), Math::min);
            HttpResponse<String> fb = kit.post(feedback(), "Bearer " + kit.token(feedback().toString()), overrideBody);
            if (fb.statusCode() == 200) {
              feedbackStored.incrementAndGet();
              firstFeedbackStored.accumulateAndGet(System.nanoTime(), Math::min);
            } else {
              failures.add("feedback " + fb.statusCode() + " " + fb.body());
            }
            continue;
          }
          boolean sharedCall = i % 10 == 9;
          String patientId = sharedCall ? shared.patient().id() : "p-" + client + "-" + (i % 5);
          long started = System.nanoTime();
          HttpResponse<String> r = kit.post(service(), "Bearer " + kit.token(service().toString()), bodies.get(patientId));
          if (r.statusCode() != 200) {
            failures.add("call " + r.statusCode() + " " + r.body());
            continue;
          }
          JsonNode body = CdsTestKit.json(r);
          Set<String> got = codes(body);
          if (!sharedCall) {
            if (!got.equals(all)) {
              failures.add(patientId + " got " + got);
            }
            String uuid = cardFor(body, HELD).get("uuid").asText();
            String before = uuidOfHeldByPatient.putIfAbsent(patientId, uuid);
            if (before != null && !before.equals(uuid)) {
              failures.add(patientId + " card uuid changed");
            }
          } else if (started > firstFeedbackStored.get() && !got.equals(withoutHeld)) {
            failures.add("shared patient after a stored decline got " + got);
          } else if (!got.equals(all) && !got.equals(withoutHeld)) {
            failures.add("shared patient got " + got);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())));
    assertEquals(CLIENTS * CALLS / 10, feedbackStored.get());
    assertEquals(feedbackStored.get(), server.service().count("cds_feedback"), "no feedback lost");
    assertEquals(CLIENTS * 5, uuidOfHeldByPatient.size());
    assertEquals(null, cardFor(call(shared), HELD), "held back after the run");
    assertTrue(firstFeedbackSent.get() <= firstFeedbackStored.get());
  }

  static PatientCase withId(PatientCase c, String id) {
    return ImmutablePatientCase.copyOf(c).withPatient(ImmutablePatient.copyOf(c.patient()).withId(id));
  }
}
