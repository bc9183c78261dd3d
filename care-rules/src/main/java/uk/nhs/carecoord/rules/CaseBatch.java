package uk.nhs.carecoord.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import uk.nhs.carecoord.model.JsonLines;
import uk.nhs.carecoord.model.LineReject;
import uk.nhs.carecoord.model.LineResult;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;

/**
 * Evaluates a batch of JSON-lines cases, on several threads, and hands back one result per
 * non-blank line in input order: the evaluation, or the line's reject (it could not be read, or
 * the case is dated after the reference date). Nothing is lost: every line read is accounted for.
 *
 * <pre>{@code
 * CaseBatch batch = CaseBatch.of(rules).pcn(pcn).threads(4);
 * try (JsonLines<PatientCase> lines = JsonLines.of(in, "cases.jsonl", PatientCase.class)) {
 *   batch.evaluate(lines, r -> r.value().ifPresentOrElse(out::println, () -> err.println(r.reject().get())));
 * }
 * }</pre>
 *
 * <p>Reading, evaluating and any per-result work ({@link #evaluate(JsonLines, BiFunction, Sink)}'s
 * {@code map}, e.g. writing the evaluation as JSON) run on the worker threads; the sink is called on
 * the calling thread, one result at a time, in input order. A few hundred lines per thread are in
 * flight at once, so memory stays bounded however long the input. An exception thrown by the sink
 * (e.g. to stop at the first reject) stops the batch and is rethrown.
 */
public final class CaseBatch {
  /** Lines handed to a worker at once: enough to amortise the hand-over, few enough to keep output flowing. */
  private static final int CHUNK = 128;

  /** Chunks in flight per thread. */
  private static final int AHEAD = 4;

  private final CareRules rules;
  private final Pcn pcn;
  private final int threads;

  private CaseBatch(CareRules rules, Pcn pcn, int threads) {
    this.rules = rules;
    this.pcn = pcn;
    this.threads = threads;
  }

  /** A batch evaluated by {@code rules}, without PCN context, on one thread. */
  public static CaseBatch of(CareRules rules) {
    return new CaseBatch(Objects.requireNonNull(rules, "rules"), null, 1);
  }

  /** This batch with each case evaluated in its PCN (naming co-ordinators' GP supervisors). */
  public CaseBatch pcn(Pcn pcn) {
    return new CaseBatch(rules, Objects.requireNonNull(pcn, "pcn"), threads);
  }

  /** This batch evaluated on {@code threads} threads (1 evaluates on the calling thread). */
  public CaseBatch threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
    }
    return new CaseBatch(rules, pcn, threads);
  }

  /** Receives a batch's results in input order. */
  @FunctionalInterface
  public interface Sink<R> {
    /** One line's result. */
    void accept(LineResult<R> result);

    /**
     * Called before the batch waits (for input or for the workers), and at the end: the moment to
     * flush buffered output so that a slow input's results are not held back.
     */
    default void idle() {}
  }

  /** Evaluates every line, handing each line's evaluation or reject to {@code sink} in input order. */
  public void evaluate(JsonLines<PatientCase> lines, Sink<PatientEvaluation> sink) {
    evaluate(lines, (c, e) -> e, sink);
  }

  /**
   * Evaluates every line and applies {@code map} to each case and its evaluation on the worker
   * thread (writing it as JSON, say), handing each result or reject to {@code sink} in input order.
   */
  public <R> void evaluate(JsonLines<PatientCase> lines, BiFunction<PatientCase, PatientEvaluation, R> map, Sink<R> sink) {
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(sink, "sink");
    if (threads == 1) {
      while (true) {
        if (!lines.ready()) {
          sink.idle();
        }
        JsonLines.Line line = lines.nextLine();
        if (line == null) {
          break;
        }
        sink.accept(process(lines, line, map));
      }
      sink.idle();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
    ArrayDeque<Future<List<LineResult<R>>>> inFlight = new ArrayDeque<>();
    try {
      while (true) {
        if (!lines.ready()) {
          // The input would keep us waiting: hand over everything done so far first.
          while (!inFlight.isEmpty()) {
            deliver(inFlight.poll(), sink);
          }
          sink.idle();
        }
        List<JsonLines.Line> chunk = lines.nextLines(CHUNK);
        if (chunk.isEmpty()) {
          break;
        }
        inFlight.add(pool.submit(() -> processAll(lines, chunk, map)));
        while (inFlight.size() >= threads * AHEAD || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
          deliver(inFlight.poll(), sink);
        }
      }
      while (!inFlight.isEmpty()) {
        deliver(inFlight.poll(), sink);
      }
      sink.idle();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Evaluates every line and returns the results in input order (for inputs that fit in memory). */
  public List<LineResult<PatientEvaluation>> evaluateAll(JsonLines<PatientCase> lines) {
    List<LineResult<PatientEvaluation>> all = new ArrayList<>();
    evaluate(lines, all::add);
    return all;
  }

  private <R> void deliver(Future<List<LineResult<R>>> chunk, Sink<R> sink) {
    List<LineResult<R>> results;
    try {
      if (!chunk.isDone()) {
        sink.idle();
      }
      results = chunk.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating a batch", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
    for (LineResult<R> r : results) {
      sink.accept(r);
    }
  }

  private <R> List<LineResult<R>> processAll(
      JsonLines<PatientCase> lines, List<JsonLines.Line> chunk, BiFunction<PatientCase, PatientEvaluation, R> map) {
    List<LineResult<R>> results = new ArrayList<>(chunk.size());
    for (JsonLines.Line line : chunk) {
      results.add(process(lines, line, map));
    }
    return results;
  }

  private <R> LineResult<R> process(
      JsonLines<PatientCase> lines, JsonLines.Line line, BiFunction<PatientCase, PatientEvaluation, R> map) {
    LineResult<PatientCase> read = lines.parse(line);
    if (!read.ok()) {
      return read.map(c -> null);
    }
    PatientCase c = read.value().orElseThrow();
    PatientEvaluation evaluation;
    try {
      evaluation = pcn == null ? rules.evaluate(c) : rules.evaluate(c, pcn);
    } catch (ModelValidationException e) {
      // e.g. the case records something after the reference date
      return LineResult.rejected(line, LineReject.of(lines.source(), line, e));
    }
    return LineResult.of(line, map.apply(c, evaluation));
  }

  /** Daemon worker threads, so an abandoned batch never keeps the JVM alive. */
  private static final class Workers implements ThreadFactory {
    private static final AtomicInteger BATCHES = new AtomicInteger();
    private final int batch = BATCHES.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "care-batch-" + batch + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
