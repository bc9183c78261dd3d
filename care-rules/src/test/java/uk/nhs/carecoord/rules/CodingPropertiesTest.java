package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.ClusterMeaning;
import uk.nhs.carecoord.model.CodeCluster;
import uk.nhs.carecoord.model.CodeClusters;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.CodedEntryStatus;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Sex;

/**
 * Coding invariants over the built-in code clusters: every code of every cluster means what its
 * cluster says to the rules; the order of a record's coded entries never changes the evaluation;
 * every code in no cluster is reported, none lost and none invented.
 */
class CodingPropertiesTest {
  /** The order the evaluation lists unrecognised entries in: by code, date, status, text, id. */
  private static final Comparator<CodedEntry> ENTRY_ORDER = Comparator.comparing(CodedEntry::snomedCode)
      .thenComparing(CodedEntry::recordedOn)
      .thenComparing(CodedEntry::status)
      .thenComparing(e -> e.display().orElse(""))
      .thenComparing(e -> e.id().orElse(""));

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
  static final CodeClusters CLUSTERS = CodeClusters.builtIn();
  static final String HYPERTENSION = "59621000";
  static final String DIABETES = "313436004";
  static final String HOUSEBOUND = "160689007";
  static final String CARER = "407542009";
  static final CareRules rules = CareRules.builder().asOf(AS_OF).build();

  static PatientCase person(int age, List<CodedEntry> entries) {
    return PatientCase.builder().patient(Patient.builder()
        .id("p-coded")
        .nhsNumber(NhsNumber.fromFirstNineDigits("999000001"))
        .dateOfBirth(AS_OF.minusYears(age))
        .sex(Sex.FEMALE)
        .practiceCode("Y90001")
        .codedEntries(entries)
        .build()).build();
  }

  /** The output a code of this meaning must lead to, with its cluster among those its decisions used. */
  private static String outputOf(ClusterMeaning meaning) {
    return switch (meaning) {
      case LONG_TERM_CONDITION_PHYSICAL, LONG_TERM_CONDITION_MENTAL_HEALTH -> "MULTIPLE_LONG_TERM_CONDITIONS";
      case CANCER -> "CANCER";
      case DEMENTIA -> "DEMENTIA";
      case LEARNING_DISABILITY, AUTISM -> "LEARNING_DISABILITY_AUTISM";
      case CARE_HOME, CARE_HOME_TEMPORARY -> "CARE_HOME";
      case PALLIATIVE_CARE -> "PALLIATIVE_CARE";
      case HOUSEBOUND -> "BENEFITS_ADVICE";
      case CARER -> "CARER_ASSESSMENT";
      case FRAILTY_MODERATE, FRAILTY_SEVERE -> "FRAIL_ELDERLY";
      case NO_LONGER_HOUSEBOUND, NO_LONGER_CARER, FRAILTY_MILD -> null; // negations: checked below
    };
  }

  /**
   * Exhaustive over every code of every built-in cluster (about 8,000): an 86-year-old whose record
   * holds that code (a year old), beside a long-term condition of another condition, gets what the
   * cluster means, and the decision names the cluster. A negating code (no longer housebound, no
   * longer a carer) after the status it negates ends it; a mild frailty code makes no one frail.
   */
  @Test
  void everyCodeOfEveryClusterMeansWhatItsClusterSays() {
    Map<String, List<CodeCluster>> byCode = new TreeMap<>();
    for (CodeCluster c : CLUSTERS.clusters()) {
      c.codes().keySet().forEach(code -> byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(c));
    }
    List<String> failures = new ArrayList<>();
    LocalDate on = AS_OF.minusYears(1);
    for (Map.Entry<String, List<CodeCluster>> e : byCode.entrySet()) {
      String code = e.getKey();
      List<CodedEntry> entries = new ArrayList<>();
      entries.add(CodedEntry.of(code, on));
      boolean hypertension = e.getValue().stream().anyMatch(c -> c.condition().equals("HYPERTENSION"));
      entries.add(CodedEntry.of(hypertension ? DIABETES : HYPERTENSION, on.minusYears(3)));
      entries.add(CodedEntry.of(HOUSEBOUND, on.minusYears(2)));
      entries.add(CodedEntry.of(CARER, on.minusYears(2)));
      PatientEvaluation result = rules.evaluate(person(86, entries));
      for (CodeCluster cluster : e.getValue()) {
        String output = outputOf(cluster.meaning());
        switch (cluster.meaning()) {
          case NO_LONGER_HOUSEBOUND -> expectAbsent(result, "BENEFITS_ADVICE", code, cluster, failures);
          case NO_LONGER_CARER -> expectAbsent(result, "CARER_ASSESSMENT", code, cluster, failures);
          case FRAILTY_MILD -> {
            if (usedBy(result, "FRAIL_ELDERLY").contains(cluster.id())) {
              failures.add(code + " (" + cluster.id() + "): mild frailty made the person frail");
            }
          }
          default -> {
            if (!usedBy(result, output).contains(cluster.id())) {
              failures.add(code + " (" + cluster.id() + ", " + cluster.meaning() + "): no " + output + " using " + cluster.id()
                  + ", was " + result.codes());
            }
          }
        }
      }
      assertEquals(List.of(), result.coding().unrecognised(), code);
    }
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures");
    assertEquals(7973, byCode.size());
  }

  private static void expectAbsent(PatientEvaluation result, String output, String code, CodeCluster cluster, List<String> failures) {
    if (result.codes().contains(output)) {
      failures.add(code + " (" + cluster.id() + "): " + output + " still raised after the negating code");
    }
  }

  private static Set<String> usedBy(PatientEvaluation e, String code) {
    Set<String> used = new TreeSet<>();
    List<Finding> all = new ArrayList<>(e.cohorts());
    all.addAll(e.recommendations());
    all.stream().filter(f -> f.code().equals(code)).forEach(f -> f.decisions().forEach(d -> used.addAll(d.clusters())));
    return used;
  }

  /** Any order of the same coded entries gives byte-identical evaluation JSON. */
  @Property(tries = 60)
  void theOrderOfCodedEntriesNeverChangesTheEvaluation(@ForAll("entries") List<CodedEntry> entries, @ForAll long seed) {
    List<CodedEntry> shuffled = new ArrayList<>(entries);
    Collections.shuffle(shuffled, new Random(seed));
    List<CodedEntry> reversed = new ArrayList<>(entries);
    Collections.reverse(reversed);
    String once = CareJson.write(rules.evaluate(person(80, entries)));
    assertEquals(once, CareJson.write(rules.evaluate(person(80, shuffled))));
    assertEquals(once, CareJson.write(rules.evaluate(person(80, reversed))));
  }

  /** Every entry whose code is in no cluster is in the coding part, once per entry; no other is. */
  @Property(tries = 100)
  void everyUnrecognisedCodeIsReportedNoneLostNoneInvented(@ForAll("entries") List<CodedEntry> entries) {
    CodingCoverage coding = rules.evaluate(person(70, entries)).coding();
    List<CodedEntry> expected = entries.stream().filter(e -> CLUSTERS.clustersOf(e.snomedCode()).isEmpty())
        .sorted(ENTRY_ORDER).toList();
    assertEquals(expected, coding.unrecognised());
    assertEquals(entries.size(), coding.codedEntries());
    assertEquals(entries.size() - expected.size(), coding.recognised());
    assertEquals(String.valueOf(expected.size()), coding.decision().facts().get("unrecognised"));
    assertEquals(CLUSTERS.version(), coding.decision().codeListVersion());
  }

  /** Coded entries: built-in codes (often the same code twice) and codes in no cluster, any status and date. */
  @Provide
  Arbitrary<List<CodedEntry>> entries() {
    List<String> known = CLUSTERS.clusters().stream().flatMap(c -> c.codes().keySet().stream()).distinct().toList();
    Arbitrary<String> code = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of(known)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(HYPERTENSION, DIABETES, "44054006", "73211009")),
        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(100_000L, 999_999_999L).map(String::valueOf)
            .filter(c -> CLUSTERS.clustersOf(c).isEmpty())));
    Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 3_000).map(AS_OF::minusDays);
    Arbitrary<CodedEntryStatus> status = Arbitraries.of(CodedEntryStatus.class);
    Arbitrary<CodedEntry> entry = Combinators.combine(code, date, status, Arbitraries.of("", "Term as recorded"))
        .as((c, d, s, t) -> {
          var b = CodedEntry.builder().snomedCode(c).recordedOn(d).status(s);
          return t.isEmpty() ? b.build() : b.display(t).build();
        });
    return entry.list().ofMaxSize(12);
  }

}
