package uk.nhs.carecoord.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;
import uk.nhs.carecoord.reporting.PcnReports;
import uk.nhs.carecoord.reporting.ReportSet;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * A PCN end to end: generates a seeded synthetic network, evaluates every person and every care
 * co-ordinator, prints cohort counts, ARRS compliance verdicts and the top of the worklist, and
 * writes the reports (JSON, CSV, HTML) to a folder.
 */
public final class PcnExample {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  private PcnExample() {}

  /**
   * Runs the example; the first argument, if any, is the number of people, the second the folder
   * for the reports (default {@code target/pcn-reports}).
   */
  public static void main(String[] args) throws IOException {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Path out = Path.of(args.length > 1 ? args[1] : "target/pcn-reports");
    SyntheticPcn network = SyntheticPopulation.builder()
        .seed(2026).patients(people).practices(4).coordinators(5).asOf(AS_OF).build();
    System.out.printf("%s: %d people in %d practices, %d care co-ordinators (synthetic data)%n",
        network.pcn().name(), network.cases().size(), network.pcn().practices().size(),
        network.pcn().coordinators().size());

    CareRules rules = CareRules.builder().asOf(AS_OF).build();
    List<PatientEvaluation> evaluations = new ArrayList<>(people);
    int step = Math.max(1, people / 10);
    for (PatientCase c : network.cases()) {
      evaluations.add(rules.evaluate(c, network.pcn()));
      if (evaluations.size() % step == 0 || evaluations.size() == people) {
        System.out.printf("\revaluated %d/%d", evaluations.size(), people);
      }
    }
    System.out.println();

    // Each cohort with the people in it and the code clusters whose SNOMED CT codes placed them there
    // (from the decision records), most used first.
    Map<String, Integer> cohorts = new TreeMap<>();
    Map<String, Map<String, Integer>> clustersByCohort = new TreeMap<>();
    for (PatientEvaluation e : evaluations) {
      for (Finding c : e.cohorts()) {
        cohorts.merge(c.label(), 1, Integer::sum);
        Map<String, Integer> used = clustersByCohort.computeIfAbsent(c.label(), k -> new TreeMap<>());
        c.decisions().stream().flatMap(d -> d.clusters().stream()).distinct().forEach(k -> used.merge(k, 1, Integer::sum));
      }
    }
    System.out.printf("%nPeople per cohort (code clusters %s):%n", rules.codeClusters().version());
    cohorts.forEach((label, n) -> System.out.printf("  %-42s %5d  %s%n", label, n, mostUsed(clustersByCohort.get(label))));
    int entries = 0;
    int recognised = 0;
    int withUnrecognised = 0;
    for (PatientEvaluation e : evaluations) {
      entries += e.coding().codedEntries();
      recognised += e.coding().recognised();
      withUnrecognised += e.coding().unrecognised().isEmpty() ? 0 : 1;
    }
    System.out.printf("Coded entries: %d, %d in a cluster; %d people have codes in no cluster (listed in each evaluation)%n",
        entries, recognised, withUnrecognised);

    System.out.println("\nARRS training compliance:");
    List<CoordinatorEvaluation> training = rules.evaluateCoordinators(network.pcn());
    for (CoordinatorEvaluation t : training) {
      System.out.printf("  %-6s %-14s %s%n", t.coordinatorId(), t.compliant() ? "compliant" : "NOT compliant",
          t.verdict().map(Finding::reasons).orElse(List.of()));
    }

    record Item(String patientId, Finding finding) {}
    List<Item> worklist = new ArrayList<>();
    evaluations.forEach(e -> {
      e.obligations().forEach(f -> worklist.add(new Item(e.patientId(), f)));
      e.recommendations().forEach(f -> worklist.add(new Item(e.patientId(), f)));
    });
    worklist.sort(Comparator.comparing((Item i) -> i.finding().priority())
        .thenComparing(i -> i.finding().code()).thenComparing(Item::patientId));
    System.out.println("\nTop of the worklist (synthetic patients):");
    worklist.stream().limit(10).forEach(i -> System.out.printf("  %-7s %-10s %s%n",
        i.finding().priority(), i.patientId(), i.finding().text()));

    ReportSet reports = PcnReports.builder().build().build(network.pcn(), network.cases(), evaluations, training);
    List<Path> written = reports.writeAll(out);
    System.out.printf("%nWrote %d report files to %s (open %s; files named %s hold patient data)%n",
        written.size(), out.toAbsolutePath(), ReportSet.HTML_FILE, ReportSet.PATIENT_DATA);
  }

  /** The four clusters used most (ties by id), e.g. {@code HYP_COD 224, DM_COD 138, …}. */
  private static String mostUsed(Map<String, Integer> used) {
    if (used.isEmpty()) {
      return "(no codes: recorded values and flags)";
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(used.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(4, sorted.size()); i++) {
      out.append(i == 0 ? "" : ", ").append(sorted.get(i).getKey()).append(' ').append(sorted.get(i).getValue());
    }
    return sorted.size() > 4 ? out.append(", …").toString() : out.toString();
  }
}
