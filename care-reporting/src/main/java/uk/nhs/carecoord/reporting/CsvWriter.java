package uk.nhs.carecoord.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes {@link CsvTable}s with Commons CSV (RFC 4180, CRLF line ends). */
final class CsvWriter {
  static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private CsvWriter() {}

  static List<Path> write(List<CsvTable> tables, Path dir) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (CsvTable t : tables) {
        Path file = dir.resolve(t.fileName());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          print(t, w);
        }
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV into " + dir, e);
    }
    return written;
  }

  static String toText(CsvTable t) {
    StringBuilder out = new StringBuilder();
    try {
      print(t, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void print(CsvTable t, Appendable out) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(t.header());
    for (List<String> row : t.rows()) {
      printer.printRecord(row);
    }
    printer.flush();
  }
}
