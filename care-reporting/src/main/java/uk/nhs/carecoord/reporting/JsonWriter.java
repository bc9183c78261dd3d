package uk.nhs.carecoord.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.carecoord.model.CareJson;

/** Writes reports as JSON with the model's mapper. */
final class JsonWriter {
  private JsonWriter() {}

  static List<Path> writeAggregates(ReportSet r, Path dir) {
    List<Path> files = new ArrayList<>();
    files.add(write(About.of(r), dir.resolve("about.json")));
    for (Rendered<?> report : r.rendered()) {
      files.add(write(report.value(), dir.resolve(report.jsonFile())));
    }
    return files;
  }

  static String json(Object value) {
    try {
      return CareJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw CareJson.translate(e);
    }
  }

  static Path write(Object value, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, json(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
