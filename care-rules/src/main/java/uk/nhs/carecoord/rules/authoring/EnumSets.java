package uk.nhs.carecoord.rules.authoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-only copies of enum sets backed by an {@link EnumSet}: rules test them with {@code
 * contains} for every person, which is a bit test here rather than a hash probe, and they iterate
 * in declaration order, never in an order that differs between runs.
 */
final class EnumSets {
  /** One empty set per enum type: most people have no flags, needs and the like. */
  private static final Map<Class<?>, Set<?>> EMPTY = new ConcurrentHashMap<>();

  private EnumSets() {}

  @SuppressWarnings("unchecked")
  static <E extends Enum<E>> Set<E> copyOf(Set<E> values, Class<E> type) {
    if (values.isEmpty()) {
      return (Set<E>) EMPTY.computeIfAbsent(type, t -> Collections.unmodifiableSet(EnumSet.noneOf(type)));
    }
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }
}
