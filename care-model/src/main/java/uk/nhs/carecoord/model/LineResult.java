package uk.nhs.carecoord.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What became of one line of a batch: its value (a case read, or an evaluation made from it) or
 * the reason it was rejected, with the line it came from.
 *
 * @param <T> the value's type
 */
public final class LineResult<T> {
  private final JsonLines.Line line;
  private final T value;
  private final LineReject reject;

  private LineResult(JsonLines.Line line, T value, LineReject reject) {
    this.line = Objects.requireNonNull(line, "line");
    this.value = value;
    this.reject = reject;
  }

  /** A line that gave a value. */
  public static <T> LineResult<T> of(JsonLines.Line line, T value) {
    return new LineResult<>(line, Objects.requireNonNull(value, "value"), null);
  }

  /** A line that was rejected. */
  public static <T> LineResult<T> rejected(JsonLines.Line line, LineReject reject) {
    return new LineResult<>(line, null, Objects.requireNonNull(reject, "reject"));
  }

  /** The line, with its number and original text. */
  public JsonLines.Line line() {
    return line;
  }

  /** The value, unless the line was rejected. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** Why the line was rejected, if it was. */
  public Optional<LineReject> reject() {
    return Optional.ofNullable(reject);
  }

  /** Whether the line gave a value. */
  public boolean ok() {
    return reject == null;
  }

  /** This result with its value transformed (a reject stays the same reject). */
  public <R> LineResult<R> map(Function<? super T, ? extends R> f) {
    return reject != null ? new LineResult<>(line, null, reject) : of(line, f.apply(value));
  }

  @Override
  public String toString() {
    return reject != null ? "rejected " + reject : "line " + line.number() + ": " + value.getClass().getSimpleName();
  }
}
