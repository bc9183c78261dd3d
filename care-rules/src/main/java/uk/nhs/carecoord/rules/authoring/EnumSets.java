package uk.nhs.carecoord.rules.authoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Read-only copies of enum sets backed by an {@link EnumSet}: rules test them with {@code
 * contains} for every person, which is a bit test here rather than a hash probe, and they iterate
 * in declaration order, never in an order that differs between runs.
 */
final class EnumSets {
  private EnumSets() {}

  static <E extends Enum<E>> Set<E> copyOf(Set<E> values, Class<E> type) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }
}
