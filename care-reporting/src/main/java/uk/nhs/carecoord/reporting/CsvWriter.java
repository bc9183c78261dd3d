package uk.nhs.carecoord.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@link CsvTable}s with Commons CSV (RFC 4180, CRLF line ends). A cell that a spreadsheet
 * would run as a formula (text from the host system beginning {@code = + - @}, a tab or a carriage
 * return, such as a practice name {@code =HYPERLINK(...)}) is written with a leading apostrophe,
 * which spreadsheets show as text; numbers, negative ones included, are written as they are.
 */
final class CsvWriter {
  static final CSVFormat FORMAT = CSVFormat.RFC4180;
  /** The first characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
  static final String FORMULA_STARTS = "=+-@\t\r";
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

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
    printer.printRecord(t.header().stream().map(CsvWriter::inert).toList());
    for (List<String> row : t.rows()) {
      printer.printRecord(row.stream().map(CsvWriter::inert).toList());
    }
    printer.flush();
  }

  /** The cell as a spreadsheet will show it, never run it. */
  static String inert(String cell) {
    boolean formula = cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
    return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
  }
}
