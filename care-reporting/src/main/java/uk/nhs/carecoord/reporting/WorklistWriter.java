package uk.nhs.carecoord.reporting;

import static uk.nhs.carecoord.reporting.Html.esc;
import static uk.nhs.carecoord.reporting.Html.td;
import static uk.nhs.carecoord.reporting.Html.th;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import uk.nhs.carecoord.model.CareJson;

/**
 * Writes the worklist's files in one pass over its entries, never holding them all: JSON (the
 * {@link Worklist} value as the model's mapper prints it), CSV and the HTML page.
 */
final class WorklistWriter {
  static final List<String> CSV_HEADER =
      List.of(
          "coordinator_id", "coordinator_name", "priority", "due_on", "patient_id", "practice", "kind", "code",
          "subject", "text");

  private static final ObjectWriter JSON = CareJson.mapper().writerWithDefaultPrettyPrinter();
  /**
   * Serialises one entry inside the open array. The mapper keeps the generator's printer (and so
   * its indentation), which a writer's {@code writeValue} would replace; it does not flush after
   * every entry.
   */
  private static final ObjectMapper ENTRIES =
      CareJson.mapper().copy().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private WorklistWriter() {}

  /**
   * Writes the files whose paths are not null.
   *
   * @return the files written: JSON, CSV, HTML, those asked for
   */
  static List<Path> write(
      ExternalSort<Worklist.Entry> entries, LocalDate asOf, String pcnName, Path json, Path csv, Path html) {
    List<Path> files = new ArrayList<>();
    List<Writer> writers = new ArrayList<>();
    try {
      JsonGenerator generator = null;
      CSVPrinter printer = null;
      HtmlWorklist page = null;
      if (json != null) {
        Writer w = open(json, writers, files);
        generator = JSON.createGenerator(w);
        generator.writeStartObject();
        generator.writeFieldName("asOf");
        ENTRIES.writeValue(generator, asOf);
        generator.writeFieldName("entries");
        generator.writeStartArray();
      }
      if (csv != null) {
        printer = new CSVPrinter(open(csv, writers, files), CsvWriter.FORMAT);
        printer.printRecord(CSV_HEADER.stream().map(CsvWriter::inert).toList());
      }
      if (html != null) {
        page = new HtmlWorklist(open(html, writers, files), pcnName, asOf);
      }
      JsonGenerator g = generator;
      CSVPrinter p = printer;
      HtmlWorklist h = page;
      entries.forEach(
          e -> {
            try {
              if (g != null) {
                ENTRIES.writeValue(g, e);
              }
              if (p != null) {
                p.printRecord(csvRow(e).stream().map(CsvWriter::inert).toList());
              }
              if (h != null) {
                h.entry(e);
              }
            } catch (IOException x) {
              throw new UncheckedIOException(x);
            }
          });
      if (g != null) {
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        writers.get(0).write("\n");
      }
      if (p != null) {
        p.flush();
      }
      if (h != null) {
        h.end();
      }
      IOException failure = null;
      for (Writer w : writers) {
        try {
          w.close();
        } catch (IOException x) {
          failure = x;
        }
      }
      writers.clear();
      if (failure != null) {
        throw failure;
      }
      return files;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new UncheckedIOException("cannot write the worklist " + files, cause);
    } finally {
      for (Writer w : writers) {
        try {
          w.close();
        } catch (IOException ignored) {
          // Already failing: the first error is the one reported.
        }
      }
    }
  }

  private static Writer open(Path file, List<Writer> writers, List<Path> files) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    writers.add(w);
    files.add(file);
    return w;
  }

  static List<String> csvRow(Worklist.Entry e) {
    return List.of(
        e.coordinatorId(),
        e.coordinatorName(),
        e.priority().name(),
        e.dueOn().map(LocalDate::toString).orElse(""),
        e.patientId(),
        e.practiceCode(),
        e.kind().name(),
        e.code(),
        e.subject(),
        e.text());
  }

  /** The worklist page: one table per co-ordinator under a patient-data banner. */
  private static final class HtmlWorklist {
    private final Writer out;
    private final StringBuilder b = new StringBuilder(512);
    private String current;

    HtmlWorklist(Writer out, String pcnName, LocalDate asOf) throws IOException {
      this.out = out;
      HtmlPage.head(b, "Worklist (contains patient data): " + pcnName);
      b.append("<div class=\"banner\" id=\"patient-data-banner\" role=\"alert\">CONTAINS PATIENT DATA: "
          + "for use within the practice only. Do not share outside the care team.</div>");
      b.append("<h1>Next steps: ").append(esc(pcnName)).append("</h1>");
      b.append("<p class=\"note\">As of ").append(asOf).append(", most urgent first.</p>");
      flush();
    }

    void entry(Worklist.Entry e) throws IOException {
      if (!e.coordinatorId().equals(current)) {
        if (current != null) {
          b.append("</tbody></table></section>");
        }
        current = e.coordinatorId();
        String who = e.coordinatorId().equals(Worklist.UNALLOCATED)
            ? "No co-ordinator allocated"
            : (e.coordinatorName().isEmpty() ? e.coordinatorId() : e.coordinatorName() + " (" + e.coordinatorId() + ")");
        b.append("<section class=\"coordinator\" data-coordinator=\"").append(esc(current)).append("\"><h2>")
            .append(esc(who)).append("</h2><table><thead><tr>")
            .append(th("Priority")).append(th("Due")).append(th("Patient")).append(th("Practice"))
            .append(th("What to do")).append(th("Code")).append("</tr></thead><tbody>");
      }
      b.append("<tr class=\"entry\">").append(td(e.priority().name()))
          .append(td(e.dueOn().map(LocalDate::toString).orElse("")))
          .append(td(e.patientId())).append(td(e.practiceCode())).append(td(e.text())).append(td(e.code()))
          .append("</tr>");
      flush();
    }

    void end() throws IOException {
      if (current != null) {
        b.append("</tbody></table></section>");
      } else {
        b.append("<p>Nothing to do.</p>");
      }
      b.append("</body></html>\n");
      flush();
    }

    private void flush() throws IOException {
      out.append(b);
      b.setLength(0);
    }
  }
}
