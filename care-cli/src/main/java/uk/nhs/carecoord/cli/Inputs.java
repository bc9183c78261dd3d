package uk.nhs.carecoord.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CareJsonException;
import uk.nhs.carecoord.model.ModelValidationException;

/** Reading the command line's input files, with errors that name the file, line and column. */
final class Inputs {
  private Inputs() {}

  /** The path, which must be an existing regular file. */
  static Path file(Path path) {
    if (!Files.exists(path)) {
      throw new UserError("no such file: " + path);
    }
    if (Files.isDirectory(path)) {
      throw new UserError("not a file: " + path);
    }
    return path;
  }

  /** The path, which must be an existing directory. */
  static Path directory(Path path) {
    if (!Files.exists(path)) {
      throw new UserError("no such directory: " + path);
    }
    if (!Files.isDirectory(path)) {
      throw new UserError("not a directory: " + path);
    }
    return path;
  }

  /** Whether a file holds JSON lines, by its name. */
  static boolean isJsonLines(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /** One JSON value from a file; a problem is reported as {@code file: line L, column C: path: what}. */
  static <T> T readJson(Path file, Class<T> type) {
    file(file);
    try {
      // Streamed, so the document limit applies as it is read and bad UTF-8 is a located error.
      return CareJson.read(file, type);
    } catch (CareJsonException | ModelValidationException e) {
      throw new UserError(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads JSON lines, one value a line (blank lines skipped), handing each to {@code each} as it is
   * read. A problem is reported as {@code source: line L, column C: path: what}, counting lines of
   * the whole stream.
   */
  static <T> int readJsonLines(InputStream in, String source, Class<T> type, Consumer<T> each) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNumber = 0;
    int values = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        T value;
        try {
          value = CareJson.read(line, type);
        } catch (CareJsonException e) {
          throw new UserError(source + ": " + onLine(e, lineNumber), e);
        } catch (ModelValidationException e) {
          throw new UserError(source + ": line " + lineNumber + ": " + e.getMessage(), e);
        }
        each.accept(value);
        values++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }

  /** The exception's message with its line (always 1 within one JSON line) replaced by the stream's. */
  private static String onLine(CareJsonException e, int lineNumber) {
    String message = e.getMessage();
    if (e.line() > 0) {
      String own = "line " + e.line() + ", column " + e.column() + ": ";
      String rest = message.startsWith(own) ? message.substring(own.length()) : message;
      return "line " + lineNumber + ", column " + e.column() + ": " + rest;
    }
    return "line " + lineNumber + ": " + message;
  }
}
