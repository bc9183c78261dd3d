package uk.nhs.carecoord.reporting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A count in an aggregate report after small-number suppression: either a number (zero, or above
 * the threshold) or the suppression marker. A suppressed count does not keep its number, so it
 * cannot leak. In JSON it is a number or the marker string.
 */
public final class Count {
  private final Integer value;
  private final String marker;

  private Count(Integer value, String marker) {
    this.value = value;
    this.marker = marker;
  }

  /** A count shown as a number. */
  public static Count shown(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a count cannot be negative: " + value);
    }
    return new Count(value, null);
  }

  /** A count replaced by the marker. */
  public static Count suppressed(String marker) {
    if (marker == null || marker.isBlank()) {
      throw new IllegalArgumentException("the suppression marker must not be blank");
    }
    return new Count(null, marker);
  }

  /** Reads a count from JSON: a number, or a string taken as the marker. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Count fromJson(Object json) {
    return json instanceof Number n ? shown(n.intValue()) : suppressed(String.valueOf(json));
  }

  /** True when the count is replaced by the marker. */
  public boolean isSuppressed() {
    return value == null;
  }

  /** The number, when shown. */
  public OptionalInt value() {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /** The number, or the marker, as JSON writes it. */
  @JsonValue
  Object json() {
    return value != null ? value : marker;
  }

  /** The number or the marker, as text for a person or a CSV cell. */
  public String display() {
    return value != null ? value.toString() : marker;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Count c && Objects.equals(value, c.value) && Objects.equals(marker, c.marker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, marker);
  }

  @Override
  public String toString() {
    return display();
  }
}
