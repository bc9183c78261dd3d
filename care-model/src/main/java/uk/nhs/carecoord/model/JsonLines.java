package uk.nhs.carecoord.model;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads JSON lines (one value a line, e.g. one {@link PatientCase} a line) so that a batch can
 * account for every line: each non-blank line gives its value or a {@link LineReject} saying
 * where and why it was refused, and reading goes on after a refusal.
 *
 * <pre>{@code
 * try (JsonLines<PatientCase> lines = JsonLines.of(in, "cases.jsonl", PatientCase.class)) {
 *   for (LineResult<PatientCase> r = lines.next(); r != null; r = lines.next()) {
 *     r.value().ifPresentOrElse(c -> use(c), () -> System.err.println(r.reject().orElseThrow()));
 *   }
 * }
 * }</pre>
 *
 * <p>Lines are numbered from 1 over the whole stream, blank lines included (they are skipped);
 * a line may end in {@code \n} or {@code \r\n}; a UTF-8 byte-order mark at the start is ignored.
 * Each line is read with {@link CareJson}, so it is exactly as strict as reading one value.
 *
 * <p>Reading a line ({@link #nextLine()}) and parsing it ({@link #parse}) are separate so that
 * parsing can run on other threads: {@code nextLine} must be called from one thread at a time,
 * {@code parse} from any number.
 */
public final class JsonLines<T> implements Closeable {
  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final String source;
  private final Class<T> type;
  private byte[] buffer = new byte[BUFFER];
  private int start;
  private int end;
  private boolean eof;
  private long lineNumber;
  private long bytesRead;
  private final int maxLineLength;
  private boolean truncated;

  private JsonLines(InputStream in, String source, Class<T> type, int maxLineLength) {
    this.in = Objects.requireNonNull(in, "in");
    this.source = Objects.requireNonNull(source, "source");
    this.type = Objects.requireNonNull(type, "type");
    this.maxLineLength = maxLineLength;
  }

  /**
   * A reader of values of {@code type}, one a line, from {@code in} (UTF-8).
   *
   * @param source how rejects name the input, e.g. the file name or {@code stdin}
   */
  public static <T> JsonLines<T> of(InputStream in, String source, Class<T> type) {
    return new JsonLines<>(in, source, type, (int) Math.min(Integer.MAX_VALUE - 16, JsonLimits.DEFAULT_MAX_DOCUMENT_LENGTH));
  }

  /**
   * A reader whose lines may be at most {@code maxLineLength} bytes: a longer line is rejected
   * without being held in memory whole (its first {@code maxLineLength} bytes are kept as its
   * text). The default is {@link JsonLimits#DEFAULT_MAX_DOCUMENT_LENGTH}.
   */
  public static <T> JsonLines<T> of(InputStream in, String source, Class<T> type, int maxLineLength) {
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be 1 or more, was " + maxLineLength);
    }
    return new JsonLines<>(in, source, type, maxLineLength);
  }

  /** How rejects name the input. */
  public String source() {
    return source;
  }

  /** Bytes consumed from the input so far (for progress against a file's size). */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * Whether {@link #nextLine()} can probably return without waiting for more input: a whole line
   * is buffered, the input has bytes available, or the input is exhausted.
   */
  public boolean ready() {
    if (eof || indexOfNewline() >= 0) {
      return true;
    }
    try {
      return in.available() > 0;
    } catch (IOException e) {
      return true; // the next read reports it
    }
  }

  /**
   * The next non-blank line, not yet parsed, or null at the end of the input. Not thread-safe.
   *
   * @throws UncheckedIOException if the input cannot be read
   */
  public Line nextLine() {
    while (true) {
      byte[] bytes = rawLine();
      if (bytes == null) {
        return null;
      }
      lineNumber++;
      if (truncated) {
        truncated = false;
        return new Line(lineNumber, bytes, true);
      }
      if (!isBlank(bytes)) {
        return new Line(lineNumber, bytes, false);
      }
    }
  }

  /** Up to {@code max} lines (at least one unless the input is exhausted), stopping early when the next would wait. */
  public List<Line> nextLines(int max) {
    List<Line> lines = new ArrayList<>(Math.min(max, 256));
    while (lines.size() < max && (lines.isEmpty() || ready())) {
      Line line = nextLine();
      if (line == null) {
        break;
      }
      lines.add(line);
    }
    return lines;
  }

  /**
   * Reads one line's value; thread-safe. A value that cannot be read is a reject naming this
   * reader's source, the line's number, the column and the field path.
   */
  public LineResult<T> parse(Line line) {
    if (line.truncated) {
      return LineResult.rejected(line, new LineReject(source, line, maxLineLength + 1, CareJson.ROOT,
          "line longer than the limit of " + maxLineLength + " bytes"));
    }
    try {
      return LineResult.of(line, CareJson.read(new ByteArrayInputStream(line.bytes), type));
    } catch (CareJsonException e) {
      return LineResult.rejected(line, LineReject.of(source, line, e));
    } catch (ModelValidationException e) {
      return LineResult.rejected(line, LineReject.of(source, line, e));
    }
  }

  /** The next non-blank line's value or reject, or null at the end of the input. */
  public LineResult<T> next() {
    Line line = nextLine();
    return line == null ? null : parse(line);
  }

  /** Closes the input. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int indexOfNewline() {
    for (int i = start; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The next line's bytes without its end of line, or null at the end. */
  private byte[] rawLine() {
    int scanned = start;
    while (true) {
      for (int i = scanned; i < end; i++) {
        if (buffer[i] == '\n') {
          byte[] line;
          if (i - start > maxLineLength && !(i - start == maxLineLength + 1 && buffer[i - 1] == '\r')) {
            line = Arrays.copyOfRange(buffer, start, start + maxLineLength);
            truncated = true;
          } else {
            line = copyLine(start, i);
          }
          start = i + 1;
          return line;
        }
      }
      scanned = end;
      if (eof) {
        if (start == end) {
          return null;
        }
        byte[] line;
        if (end - start > maxLineLength) {
          line = Arrays.copyOfRange(buffer, start, start + maxLineLength);
          truncated = true;
        } else {
          line = copyLine(start, end);
        }
        start = end;
        return line;
      }
      if (end - start > maxLineLength + 1) { // + 1: room for a '\r' before the '\n'
        byte[] kept = Arrays.copyOfRange(buffer, start, start + maxLineLength);
        skipRestOfLine();
        truncated = true;
        return kept;
      }
      scanned -= start;
      fill();
    }
  }

  /** Discards input up to and including the next end of line. */
  private void skipRestOfLine() {
    while (true) {
      for (int i = start; i < end; i++) {
        if (buffer[i] == '\n') {
          start = i + 1;
          return;
        }
      }
      start = end;
      if (eof) {
        return;
      }
      fill();
    }
  }

  private byte[] copyLine(int from, int newline) {
    int to = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
    if (lineNumber == 0 && to - from >= 3 && (buffer[from] & 0xFF) == 0xEF && (buffer[from + 1] & 0xFF) == 0xBB
        && (buffer[from + 2] & 0xFF) == 0xBF) {
      from += 3; // a byte-order mark
    }
    return Arrays.copyOfRange(buffer, from, to);
  }

  /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more. */
  private void fill() {
    int unread = end - start;
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, unread);
    } else if (unread == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    start = 0;
    end = unread;
    try {
      int n = in.read(buffer, end, buffer.length - end);
      if (n < 0) {
        eof = true;
      } else {
        end += n;
        bytesRead += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** One non-blank line of the input as read: its number in the stream and its bytes. */
  public static final class Line {
    private final long number;
    private final byte[] bytes;
    private final boolean truncated;

    Line(long number, byte[] bytes, boolean truncated) {
      this.number = number;
      this.bytes = bytes;
      this.truncated = truncated;
    }

    /** The line's number in the stream, from 1, counting blank lines. */
    public long number() {
      return number;
    }

    /**
     * The line as it was read (without its end of line), e.g. for a rejects file; only its first
     * bytes if it was longer than the reader's limit.
     */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of the line's bytes as read (without its end of line). */
    public byte[] bytes() {
      return bytes.clone();
    }
  }
}
