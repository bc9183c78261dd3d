package uk.nhs.carecoord.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.Acknowledgement;
import uk.nhs.carecoord.model.AcknowledgementDecision;
import uk.nhs.carecoord.model.AcknowledgementReason;
import uk.nhs.carecoord.model.Carer;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.CarerRelationship;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.RuleDescription;
import uk.nhs.carecoord.rules.RuleSetDescription;
import uk.nhs.carecoord.rules.authoring.Thresholds;

/**
 * The benchmark's floor is only a fair floor if it produces what the rules produce. For 2,000
 * generated people, and copies of them carrying acknowledgements (which the generator never
 * makes), a young carer, or a date on a rule's boundary ({@link BoundaryCases}), every finding must
 * agree on every field: kind, code, subject, priority, text, due date, facts fingerprint, held back
 * or not, and each decision record's rule, rule set, reasons and facts (so the record count too).
 * Agreement is only worth something if the sample exercises the rules, so every patient rule and
 * code of the mirrored DRL (read from the rule files, not listed here) must occur in it.
 *
 * <p>The floor mirrors a pinned copy of the patient rule sets ({@code src/test/resources/floor-rules/},
 * see BENCHMARKS.md), and this test builds its {@code CareRules} from that copy replacing the
 * built-in ones: a rule author editing the built-in DRL never has to edit {@code HandWritten}.
 * Refresh the copy (and the floor) when the built-in rules have moved far enough to make the
 * benchmark comparison unfair.
 */
class HandWrittenAgreesWithRulesTest {
  private static final int PEOPLE = 2_000;
  private static final List<String> PATIENT_RULE_SETS =
      List.of("cohorts.drl", "safeguarding.drl", "recommendations.drl", "acknowledgements.drl");

  /**
   * The only patient rules the generated people may leave unfired, each hit by constructed copies
   * below: the generator records no acknowledgements, and makes a young carer about once in 6,000
   * people.
   */
  private static final Set<String> CONSTRUCTED_ONLY =
      Set.of("Declined recommendation held back while its facts are unchanged", "Young carer");

  /** Where the pinned copy of the mirrored rule sets sits on the test class path. */
  static final String FLOOR_RULES = "floor-rules/";

  private static SyntheticPcn synthetic;
  private static CareRules rules;

  @BeforeAll
  static void generate(@TempDir Path dir) throws IOException {
    synthetic = Population.generate(PEOPLE);
    for (String file : PATIENT_RULE_SETS) {
      Files.writeString(dir.resolve(file), floorRuleSet(file));
    }
    rules = CareRules.builder().asOf(Population.AS_OF).ruleDirectory(dir).build();
  }

  /** One rule set of the pinned copy the floor mirrors. */
  static String floorRuleSet(String file) throws IOException {
    try (InputStream in = HandWrittenAgreesWithRulesTest.class.getClassLoader().getResourceAsStream(FLOOR_RULES + file)) {
      assertTrue(in != null, "no pinned rule set " + file);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void producesTheSameFindingsAsTheRulesAndTheSampleFiresEveryPatientRule() throws IOException {
    HandWritten hand = new HandWritten(rules.thresholds(), rules.codeClusters(), Population.AS_OF);
    Comparison comparison = new Comparison(rules, hand, synthetic.pcn());
    for (PatientCase c : synthetic.cases()) {
      comparison.compare(c);
    }
    int generatedFindings = comparison.findings;
    Set<String> firedByGenerated = new TreeSet<>(comparison.rulesFired);
    // The generator makes a young carer only for a child caring for a parent under 60 who needs
    // care (about 1 in 6,000 people): give some generated carers that need instead.
    int youngCarers = 0;
    for (PatientCase c : synthetic.cases()) {
      if (!c.patient().carers().isEmpty() && youngCarers < 25) {
        comparison.compare(withYoungCarer(c));
        youngCarers++;
      }
    }
    int boundaryCopies = compareBoundaryCopies(comparison, rules.thresholds(), 1_000);
    // The generator records no acknowledgements: decline (and accept) some of the rules' own
    // recommendations, by their fingerprints, to exercise holding back.
    int answeredPeople = 0;
    for (PatientCase c : synthetic.cases()) {
      PatientCase answered = withAcknowledgements(c, rules.evaluate(c, synthetic.pcn()), answeredPeople,
          rules.thresholds().getDeclinedSnoozeDays());
      if (answered != c) {
        comparison.compare(answered);
        answeredPeople++;
      }
    }

    assertEquals(List.of(), comparison.firstDisagreements(), comparison.disagreements + " of " + comparison.people
        + " people disagree");
    // A sample large enough to mean something: about 0.9 findings a person with the built-in clusters.
    assertTrue(generatedFindings > PEOPLE * 4 / 5, "findings for generated people: " + generatedFindings);
    assertTrue(boundaryCopies > 5_000, "boundary copies " + boundaryCopies);
    assertTrue(answeredPeople > 300, "people with acknowledgements " + answeredPeople);
    assertTrue(comparison.suppressed > 100, "held back " + comparison.suppressed);
    assertTrue(comparison.answeredButRaised > 100, "answered but still raised " + comparison.answeredButRaised);

    Map<String, Set<String>> drl = raisedByDrl();
    assertEquals(Set.copyOf(PATIENT_RULE_SETS), rules.describe().stream().map(RuleSetDescription::file)
        .filter(PATIENT_RULE_SETS::contains).collect(java.util.stream.Collectors.toSet()), "the pinned copy is in force");
    Set<String> notByGenerator = new TreeSet<>(drl.get("rules"));
    notByGenerator.removeAll(firedByGenerated);
    assertTrue(CONSTRUCTED_ONLY.containsAll(notByGenerator), "rules the generated people never fired: " + notByGenerator);
    Set<String> neverFired = new TreeSet<>(drl.get("rules"));
    neverFired.removeAll(comparison.rulesFired);
    assertEquals(Set.of(), neverFired, "patient rules that never fired in the sample");
    Set<String> neverRaised = new TreeSet<>(drl.get("codes"));
    neverRaised.removeAll(comparison.codesRaised);
    assertEquals(Set.of(), neverRaised, "codes the rules can raise that never occurred in the sample");
    assertTrue(drl.get("codes").size() >= 29, "codes read from the DRL: " + drl.get("codes"));
  }

  /** The thresholds are read, not built in: other values must give the same agreement. */
  @Test
  void agreesUnderOtherThresholds() {
    Thresholds other = Thresholds.builder()
        .frailtyAge(70).elderlyAge(80).frailCfs(6).multimorbidityConditions(3).cancerLookbackMonths(24)
        .highRiskAeAttendances(2).highRiskEmergencyAdmissions(1).polypharmacyMedicines(8)
        .pamRemeasureMonths(12).frequentGpAppointments(8).goalStalledDays(30).decisionSupportLeadDays(60)
        .mdtConditions(3).mdtRecentDays(90).declinedSnoozeDays(30).safeguardingDiscussionDays(5)
        .build();
    CareRules otherRules = rules.withThresholds(other);
    Comparison comparison = new Comparison(otherRules,
        new HandWritten(other, otherRules.codeClusters(), Population.AS_OF), synthetic.pcn());
    int n = 0;
    for (PatientCase c : synthetic.cases().subList(0, 1_000)) {
      comparison.compare(c);
      PatientCase answered = withAcknowledgements(c, otherRules.evaluate(c, synthetic.pcn()), n++, other.getDeclinedSnoozeDays());
      if (answered != c) {
        comparison.compare(answered);
      }
    }
    compareBoundaryCopies(comparison, other, 300);
    assertEquals(List.of(), comparison.firstDisagreements(), comparison.disagreements + " of " + comparison.people
        + " people disagree");
    assertTrue(comparison.findings > 1_000, "findings " + comparison.findings);
    assertTrue(comparison.suppressed > 50, "held back " + comparison.suppressed);
  }

  /** Compares the boundary copies of the first {@code people} generated cases; returns how many. */
  private static int compareBoundaryCopies(Comparison comparison, Thresholds thresholds, int people) {
    BoundaryCases boundaries = new BoundaryCases(thresholds, Population.AS_OF, rules.codeClusters());
    int copies = 0;
    for (PatientCase c : synthetic.cases().subList(0, people)) {
      for (PatientCase copy : boundaries.of(c)) {
        comparison.compare(copy);
        copies++;
      }
    }
    return copies;
  }

  /**
   * A copy of the case answering one of its recommendations (or all of them) in one of several
   * ways, by the rules' fingerprint: declined within and after the snooze (including its last
   * day), declined against other facts or without a fingerprint, declined then accepted, accepted
   * and declined on one day, two declines on one day. The case itself when it has no
   * recommendation.
   */
  static PatientCase withAcknowledgements(PatientCase c, PatientEvaluation byRules, int n, int snooze) {
    List<Finding> recs = byRules.recommendations();
    if (recs.isEmpty()) {
      return c;
    }
    Finding f = recs.get(n % recs.size());
    LocalDate asOf = Population.AS_OF;
    String fp = f.factsFingerprint();
    List<Acknowledgement> acks = new ArrayList<>();
    switch (n % 8) {
      case 0 -> acks.add(declined(f.code(), asOf.minusDays(n % (snooze + 1)), fp, AcknowledgementReason.PERSON_DECLINED));
      case 1 -> acks.add(declined(f.code(), asOf.minusDays(snooze + n % 3), fp, AcknowledgementReason.NOT_APPROPRIATE));
      case 2 -> acks.add(declined(f.code(), asOf.minusDays(3), "0123456789abcdef", AcknowledgementReason.OTHER));
      case 3 -> acks.add(declined(f.code(), asOf.minusDays(3), null, AcknowledgementReason.OTHER));
      case 4 -> {
        acks.add(declined(f.code(), asOf.minusDays(10), fp, AcknowledgementReason.PERSON_DECLINED));
        acks.add(answer(f.code(), AcknowledgementDecision.ACCEPTED, AcknowledgementReason.WILL_ACT, asOf.minusDays(4), fp));
      }
      case 5 -> {
        acks.add(answer(f.code(), AcknowledgementDecision.ACCEPTED, AcknowledgementReason.WILL_ACT, asOf.minusDays(6), fp));
        acks.add(declined(f.code(), asOf.minusDays(6), fp, AcknowledgementReason.CLINICAL_JUDGEMENT));
      }
      case 6 -> {
        acks.add(declined(f.code(), asOf.minusDays(7), fp, AcknowledgementReason.OTHER));
        acks.add(declined(f.code(), asOf.minusDays(7), fp, AcknowledgementReason.ALREADY_IN_PLACE));
        acks.add(declined(f.code(), asOf.minusDays(40), fp, AcknowledgementReason.NOT_APPROPRIATE));
      }
      default -> {
        for (Finding each : recs) {
          acks.add(declined(each.code(), asOf.minusDays(1), each.factsFingerprint(), AcknowledgementReason.NOT_APPROPRIATE));
        }
      }
    }
    return PatientCase.builder().from(c).addAllAcknowledgements(acks).build();
  }

  /** A copy of the case whose first carer is the person's child and a young carer. */
  static PatientCase withYoungCarer(PatientCase c) {
    Carer first = c.patient().carers().get(0);
    Set<CarerNeed> needs = EnumSet.of(CarerNeed.YOUNG_CARER);
    needs.addAll(first.ownNeeds());
    List<Carer> carers = new ArrayList<>(c.patient().carers());
    carers.set(0, Carer.builder().from(first).relationship(CarerRelationship.CHILD).ownNeeds(needs).build());
    return PatientCase.builder().from(c).patient(Patient.builder().from(c.patient()).carers(carers).build()).build();
  }

  private static Acknowledgement declined(String code, LocalDate on, String fingerprint, AcknowledgementReason reason) {
    return answer(code, AcknowledgementDecision.DECLINED, reason, on, fingerprint);
  }

  private static Acknowledgement answer(String code, AcknowledgementDecision decision, AcknowledgementReason reason,
      LocalDate on, String fingerprint) {
    return Acknowledgement.builder().recommendationCode(code).decision(decision).reason(reason).recordedOn(on)
        .factsFingerprint(Optional.ofNullable(fingerprint)).build();
  }

  /**
   * Every rule name and every code a patient rule set raises, read from the pinned copy (as the
   * rules built from it describe themselves), so a rule added there fails this test until the
   * floor covers it.
   */
  static Map<String, Set<String>> raisedByDrl() {
    Set<String> ruleNames = new TreeSet<>();
    Set<String> codes = new TreeSet<>();
    for (RuleSetDescription set : rules.describe()) {
      if (PATIENT_RULE_SETS.contains(set.file())) {
        for (RuleDescription rule : set.rules()) {
          ruleNames.add(rule.name());
          rule.raises().forEach(r -> codes.add(r.code()));
        }
      }
    }
    return Map.of("rules", ruleNames, "codes", codes);
  }

  /** Compares rules and hand-written per person, field by field, and tallies what was exercised. */
  static final class Comparison {
    private final CareRules rules;
    private final HandWritten hand;
    private final Pcn pcn;
    final List<String> disagreementDetails = new ArrayList<>();
    final Set<String> rulesFired = new TreeSet<>();
    final Set<String> codesRaised = new TreeSet<>();
    int people;
    int disagreements;
    int findings;
    int suppressed;
    int answeredButRaised;

    Comparison(CareRules rules, HandWritten hand, Pcn pcn) {
      this.rules = rules;
      this.hand = hand;
      this.pcn = pcn;
    }

    void compare(PatientCase c) {
      PatientEvaluation r = rules.evaluate(c, pcn);
      HandEvaluation h = hand.evaluate(c, pcn);
      people++;
      List<String> byRules = new ArrayList<>();
      byRules.add(r.patientId() + " " + r.asOf() + " " + r.codeListVersion());
      addAll(byRules, "cohort", r.cohorts());
      addAll(byRules, "obligation", r.obligations());
      addAll(byRules, "recommendation", r.recommendations());
      addAll(byRules, "suppressed", r.suppressed());
      List<String> byHand = new ArrayList<>();
      byHand.add(h.patientId() + " " + h.asOf() + " " + h.codeListVersion());
      addAllHand(byHand, "cohort", h.cohorts());
      addAllHand(byHand, "obligation", h.obligations());
      addAllHand(byHand, "recommendation", h.recommendations());
      addAllHand(byHand, "suppressed", h.suppressed());
      if (!byRules.equals(byHand)) {
        disagreements++;
        if (disagreementDetails.size() < 5) {
          disagreementDetails.add("rules " + byRules + "\n   hand " + byHand);
        }
      }
      for (List<Finding> list : List.of(r.cohorts(), r.obligations(), r.recommendations(), r.suppressed())) {
        for (Finding f : list) {
          findings++;
          codesRaised.add(f.code());
          f.decisions().forEach(d -> rulesFired.add(d.rule()));
        }
      }
      suppressed += r.suppressed().size();
      if (!c.acknowledgements().isEmpty()) {
        Set<String> answered = new TreeSet<>();
        c.acknowledgements().forEach(a -> answered.add(a.recommendationCode()));
        answeredButRaised += (int) r.recommendations().stream().filter(f -> answered.contains(f.code())).count();
      }
    }

    List<String> firstDisagreements() {
      return disagreementDetails;
    }

    private static void addAll(List<String> out, String as, List<Finding> findings) {
      for (Finding f : findings) {
        List<String> records = new ArrayList<>();
        for (DecisionRecord d : f.decisions()) {
          records.add(record(d.rule(), d.ruleSet(), d.reasons(), d.facts()));
        }
        out.add(finding(as, f.kind().name(), f.code(), f.subject(), f.priority().name(), f.text(),
            f.dueOn().orElse(null), f.factsFingerprint(), records));
      }
    }

    private static void addAllHand(List<String> out, String as, List<HandFinding> findings) {
      for (HandFinding f : findings) {
        List<String> records = new ArrayList<>();
        for (HandRecord d : f.decisions()) {
          records.add(record(d.rule(), d.ruleSet(), d.reasons(), d.facts()));
        }
        out.add(finding(as, f.kind().name(), f.code(), f.subject(), f.priority().name(), f.text(), f.dueOn(),
            f.factsFingerprint(), records));
      }
    }

    private static String finding(String as, String kind, String code, String subject, String priority, String text,
        LocalDate dueOn, String fingerprint, List<String> records) {
      return as + ":" + kind + " " + code + " [" + subject + "] " + priority + " due " + dueOn + " fp " + fingerprint
          + " '" + text + "' " + records.size() + " records " + records;
    }

    private static String record(String rule, String ruleSet, List<String> reasons, Map<String, String> facts) {
      return ruleSet + "/" + rule + " " + reasons + " " + new TreeMap<>(facts);
    }
  }
}
