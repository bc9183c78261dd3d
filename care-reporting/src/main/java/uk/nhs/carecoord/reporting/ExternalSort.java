package uk.nhs.carecoord.reporting;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Values kept in order in bounded memory: up to {@code chunk} values are held; when that many are
 * added they are sorted and written to a run file, and {@link #forEach} merges the runs with what
 * is held. Run files live in one temporary directory, readable by the owner only where the file
 * system allows, and are deleted by {@link #close}. With no spill directory nothing is written and
 * every value is held (the in-memory path).
 */
final class ExternalSort<T> implements AutoCloseable {
  /** Writes and reads one value of a run file. */
  interface Codec<T> {
    void write(DataOutputStream out, T value) throws IOException;

    T read(DataInputStream in) throws IOException;
  }

  private static final int BUFFER = 1 << 16;

  private final Comparator<T> order;
  private final Codec<T> codec;
  private final int chunk;
  private final Path spillRoot;
  private final String prefix;
  private final List<Path> runs = new ArrayList<>();
  private List<T> held = new ArrayList<>();
  private boolean sorted = true;
  private long size;
  private Path directory;
  private boolean closed;

  /**
   * @param spillRoot where to create the run directory; null never spills
   * @param prefix start of the run directory's name
   */
  ExternalSort(Comparator<T> order, Codec<T> codec, int chunk, Path spillRoot, String prefix) {
    if (chunk < 1) {
      throw new IllegalArgumentException("a run holds at least one value: " + chunk);
    }
    this.order = order;
    this.codec = codec;
    this.chunk = chunk;
    this.spillRoot = spillRoot;
    this.prefix = prefix;
  }

  void add(T value) {
    checkOpen();
    held.add(value);
    sorted = false;
    size++;
    if (spillRoot != null && held.size() >= chunk) {
      spill();
    }
  }

  long size() {
    return size;
  }

  /** How many run files have been written. */
  int runs() {
    return runs.size();
  }

  /** Visits every value added, in order; may be called again. */
  void forEach(Consumer<? super T> action) {
    checkOpen();
    if (!sorted) {
      held.sort(order);
      sorted = true;
    }
    if (runs.isEmpty()) {
      held.forEach(action);
      return;
    }
    List<DataInputStream> inputs = new ArrayList<>();
    try {
      PriorityQueue<Head<T>> heads = new PriorityQueue<>((a, b) -> {
        int c = order.compare(a.value, b.value);
        return c != 0 ? c : Integer.compare(a.source, b.source);
      });
      for (Path run : runs) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), BUFFER));
        inputs.add(in);
        next(in, inputs.size() - 1).ifPresent(heads::add);
      }
      int heldSource = inputs.size();
      if (!held.isEmpty()) {
        heads.add(new Head<>(held.get(0), heldSource, 0));
      }
      while (!heads.isEmpty()) {
        Head<T> head = heads.poll();
        action.accept(head.value);
        if (head.source == heldSource) {
          int i = head.index + 1;
          if (i < held.size()) {
            heads.add(new Head<>(held.get(i), heldSource, i));
          }
        } else {
          next(inputs.get(head.source), head.source).ifPresent(heads::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a report run file", e);
    } finally {
      for (DataInputStream in : inputs) {
        try {
          in.close();
        } catch (IOException ignored) {
          // Read-only stream: nothing is lost by failing to close it.
        }
      }
    }
  }

  private java.util.Optional<Head<T>> next(DataInputStream in, int source) throws IOException {
    if (!in.readBoolean()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Head<>(codec.read(in), source, -1));
  }

  private record Head<T>(T value, int source, int index) {}

  private void spill() {
    held.sort(order);
    try {
      if (directory == null) {
        directory = createDirectory();
      }
      Path run = directory.resolve("run-" + runs.size());
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), BUFFER))) {
        for (T value : held) {
          out.writeBoolean(true);
          codec.write(out, value);
        }
        out.writeBoolean(false);
      }
      runs.add(run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a report run file under " + spillRoot, e);
    }
    held = new ArrayList<>();
    sorted = true;
  }

  private Path createDirectory() throws IOException {
    Files.createDirectories(spillRoot);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(
          spillRoot, prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(spillRoot, prefix);
  }

  /** Deletes the run files; the values can no longer be visited. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    held = List.of();
    IOException failure = null;
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        failure = e;
      }
    }
    try {
      if (directory != null) {
        Files.deleteIfExists(directory);
      }
    } catch (IOException e) {
      failure = e;
    }
    if (failure != null) {
      throw new UncheckedIOException("cannot delete report run files under " + directory, failure);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the report run was closed");
    }
  }

  /** Writes a string of any length as UTF-8 (DataOutput's own form stops at 64 KB). */
  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new EOFException("corrupt run file");
    }
    byte[] bytes = in.readNBytes(n);
    if (bytes.length != n) {
      throw new EOFException("truncated run file");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
