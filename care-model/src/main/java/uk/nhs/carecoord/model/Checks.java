package uk.nhs.carecoord.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Invariant checks shared by the model's {@code @Value.Check} methods. */
final class Checks {
  private Checks() {}

  static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new ModelValidationException(field, message);
    }
  }

  /**
   * Whether {@code code} is 6 to 18 ASCII digits, the shape of a SNOMED CT identifier (what
   * {@code [0-9]{6,18}} matches, without compiling a pattern for every coded entry read).
   */
  static boolean sixToEighteenDigits(String code) {
    int n = code.length();
    if (n < 6 || n > 18) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static void notBlank(String value, String field) {
    require(!value.isBlank(), field, "must not be blank");
  }

  static void notBlank(Optional<String> value, String field) {
    value.ifPresent(v -> notBlank(v, field));
  }

  /** The codes of an enum's values, for a message listing what is allowed: {@code a, b, c}. */
  static <E> String codes(E[] values, Function<E, String> code) {
    StringBuilder s = new StringBuilder();
    for (E value : values) {
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(code.apply(value));
    }
    return s.toString();
  }

  static void nonNegative(int value, String field) {
    require(value >= 0, field, "must not be negative, was " + value);
  }

  /**
   * {@code later}, when present, must not be before {@code earlier}. The message names the earlier
   * field but not its value: that may be another part of the record (a date of birth).
   */
  static void notBefore(
      Optional<LocalDate> later, String laterField, LocalDate earlier, String earlierField) {
    later.ifPresent(
        l ->
            require(
                !l.isBefore(earlier),
                laterField,
                "must not be before " + earlierField + ", was " + l));
  }

  /** An event in a person's record cannot precede their birth; builds the path only on failure. */
  static void notBeforeBirth(LocalDate date, LocalDate born, String list, int index, String field) {
    if (date.isBefore(born)) {
      throw new ModelValidationException(list + "[" + index + "]." + field, "must not be before dateOfBirth, was " + date);
    }
  }

  static <T> void uniqueIds(Collection<T> items, Function<T, String> id, String field) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      String key = id.apply(item);
      require(seen.add(key), field, "duplicate identifier '" + key + "'");
    }
  }

  /** For checks against a caller-supplied reference date: a recorded event cannot be later. */
  static void notAfter(LocalDate date, LocalDate asOf, String field) {
    // Checked on every evaluation: build the message only when it fails.
    if (date.isAfter(asOf)) {
      throw new ModelValidationException(field, "is in the future relative to the reference date (" + date + " > " + asOf + ")");
    }
  }

  static void notAfter(Optional<LocalDate> date, LocalDate asOf, String field) {
    if (date.isPresent()) {
      notAfter(date.get(), asOf, field);
    }
  }

  /** As {@link #notAfter(LocalDate, LocalDate, String)} for {@code list[index].field}. */
  static void notAfter(LocalDate date, LocalDate asOf, String list, int index, String field) {
    if (date.isAfter(asOf)) {
      notAfter(date, asOf, list + "[" + index + "]." + field);
    }
  }

  /** As {@link #notAfter(Optional, LocalDate, String)} for {@code list[index].field}. */
  static void notAfter(Optional<LocalDate> date, LocalDate asOf, String list, int index, String field) {
    if (date.isPresent()) {
      notAfter(date.get(), asOf, list, index, field);
    }
  }
}
