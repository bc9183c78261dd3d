package uk.nhs.carecoord.reporting;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.ImmutableFinding;
import uk.nhs.carecoord.rules.ImmutablePatientEvaluation;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * Run in a JVM of its own by {@link BoundedMemoryTest}: streams many people, made by copying a
 * few evaluated template cases under new identifiers (each next step's text made distinct, as
 * real texts name people and dates), through a {@link ReportAccumulator} and writes every file.
 *
 * <p>Arguments: template directory (pcn.json, cases.json, evaluations.json), number of people,
 * output directory, reference date, worklist entries per sorted run.
 */
final class BoundedMemoryRun {
  private BoundedMemoryRun() {}

  public static void main(String[] args) throws IOException {
    Path templates = Path.of(args[0]);
    int people = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    LocalDate asOf = LocalDate.parse(args[3]);
    Pcn pcn = CareJson.read(Files.readString(templates.resolve("pcn.json")), Pcn.class);
    List<PatientCase> cases =
        CareJson.mapper().readValue(templates.resolve("cases.json").toFile(), new TypeReference<List<PatientCase>>() {});
    List<PatientEvaluation> evaluations =
        CareJson.mapper()
            .readValue(templates.resolve("evaluations.json").toFile(), new TypeReference<List<PatientEvaluation>>() {});
    int run = Integer.parseInt(args[4]);
    try (ReportAccumulator acc =
        PcnReports.builder().asOf(asOf).build().accumulator(pcn, List.of(), asOf, out.resolve("work"), run)) {
      for (int i = 0; i < people; i++) {
        int t = i % cases.size();
        String id = String.format("P%08d", i);
        PatientCase c = ImmutablePatientCase.copyOf(cases.get(t)).withPatient(ImmutablePatient.copyOf(cases.get(t).patient()).withId(id));
        PatientEvaluation e = evaluations.get(t);
        String tag = " (" + i + ")";
        acc.add(
            c,
            ImmutablePatientEvaluation.copyOf(e)
                .withPatientId(id)
                .withObligations(e.obligations().stream().map(f -> distinct(f, tag)).toList())
                .withRecommendations(e.recommendations().stream().map(f -> distinct(f, tag)).toList()));
      }
      List<Path> files = acc.writeAll(out.resolve("reports"));
      System.out.println("entries=" + acc.worklistSize() + " files=" + files.size() + " runs=" + acc.runFiles()
          + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
  }

  private static Finding distinct(Finding f, String tag) {
    return ImmutableFinding.copyOf(f).withText(f.text() + tag);
  }
}
