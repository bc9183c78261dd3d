package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
