package uk.nhs.carecoord.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Each benchmark thread walks the population in its own order, one person per operation, so
 * throughput reads directly as people per second and {@code -prof gc} as bytes per person.
 */
@State(Scope.Thread)
public class Cursor {
  private int next;

  int next(int size) {
    int i = next;
    next = i + 1 == size ? 0 : i + 1;
    return i;
  }
}
