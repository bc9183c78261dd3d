package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.Bundle;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.CodedEntryStatus;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;
import uk.nhs.carecoord.rules.CareRules;

/**
 * Case → FHIR → case gives the same case, for everything FHIR carries; the order of a bundle's
 * resources never changes the case or its evaluation.
 */
class RoundTripPropertyTest {
  private static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  private static final CareFhir FHIR = CareFhir.builder().build();
  private static final CareRules RULES = CareRules.builder().asOf(AS_OF).build();

  @Provide
  Arbitrary<PatientCase> cases() {
    return CareArbitraries.patientCases(AS_OF).flatMap(c -> {
      LocalDate born = c.patient().dateOfBirth();
      LocalDate from = born.isAfter(CareArbitraries.windowStart(AS_OF)) ? born : CareArbitraries.windowStart(AS_OF);
      Arbitrary<CodedEntry> entry = Combinators.combine(
              CareArbitraries.snomedCodes(),
              CareArbitraries.text(List.of("Type 2 diabetes mellitus", "Housebound", "Asthma")).optional(0.7),
              CareArbitraries.dates(from, AS_OF),
              Arbitraries.of(CodedEntryStatus.class),
              Arbitraries.integers().between(1, 999).map(n -> "cond-" + n).optional(0.8))
          .as((code, display, on, status, id) -> (CodedEntry) CodedEntry.builder().snomedCode(code)
              .display(display).recordedOn(on).status(status).id(id).build());
      return entry.list().ofMaxSize(5).uniqueElements(e -> e.id().orElse(e.toString()))
          .map(entries -> (PatientCase) ImmutablePatientCase.copyOf(c)
              .withPatient(ImmutablePatient.copyOf(c.patient()).withCodedEntries(entries)));
    });
  }

  /**
   * What the import gives back for a case: the written ids for coded entries and conditions,
   * earlier-form conditions as active coded entries, refuted and entered-in-error entries left out,
   * lists in the import's order, and nothing FHIR does not carry.
   */
  static PatientCase expectedAfterRoundTrip(PatientCase c, LocalDate asOf) {
    List<CodedEntry> entries = new ArrayList<>();
    List<CodedEntry> given = c.patient().codedEntries();
    for (int i = 0; i < given.size(); i++) {
      CodedEntry e = given.get(i);
      if (e.status() != CodedEntryStatus.REFUTED && e.status() != CodedEntryStatus.ENTERED_IN_ERROR) {
        entries.add(CodedEntry.builder().from(e).id(e.id().orElse(CaseWriter.codedEntryId(i))).build());
      }
    }
    for (LongTermCondition ltc : c.patient().conditions()) {
      entries.add(CodedEntry.builder().snomedCode(ltc.snomedCode()).display(ltc.display())
          .recordedOn(ltc.diagnosedOn().orElse(c.patient().dateOfBirth())).id(CaseWriter.conditionId(ltc)).build());
    }
    entries.sort(Comparator.comparing(CodedEntry::recordedOn).thenComparing(CodedEntry::snomedCode)
        .thenComparing(e -> e.id().orElse("")));
    var patient = ImmutablePatient.copyOf(c.patient())
        .withConditions(List.of())
        .withCodedEntries(entries)
        .withCarers(c.patient().carers().stream().sorted(Comparator.comparing(x -> x.id())).toList());
    return stripText(PatientCase.builder()
        .patient(patient)
        .pamAssessments(c.pamHistory().assessments())
        .plan(c.plan())
        .referrals(c.referrals().stream()
            .sorted(Comparator.comparing((uk.nhs.carecoord.model.Referral r) -> r.referredOn())
                .thenComparing(r -> r.id())).toList())
        .build());
  }

  /**
   * What matters to the person travels as {@code CarePlan.note.text}, a FHIR markdown value, which
   * HAPI trims of leading and trailing white space when parsing (plain strings it keeps as sent).
   */
  static PatientCase stripText(PatientCase c) {
    com.fasterxml.jackson.databind.JsonNode tree = uk.nhs.carecoord.model.CareJson.mapper().valueToTree(c);
    strip(tree);
    return uk.nhs.carecoord.model.CareJson.read(tree.toString(), PatientCase.class);
  }

  private static void strip(com.fasterxml.jackson.databind.JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      var names = new ArrayList<String>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (o.get(name).isTextual() && name.equals("whatMattersToMe")) {
          o.put(name, o.get(name).asText().strip());
        } else {
          strip(o.get(name));
        }
      }
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        strip(a.get(i));
      }
    }
  }

  @Property(tries = 40)
  void caseToFhirToCaseKeepsEverythingFhirCarries(@ForAll("cases") PatientCase c) {
    String json = FHIR.toJson(c, AS_OF, false);
    ImportResult back = FHIR.importBundle(json, AS_OF);
    assertSameCase(expectedAfterRoundTrip(c, AS_OF), back.patientCase());
  }

  /**
   * A case and its bundle put the person in the same cohorts: in particular a condition with no
   * date stays undated in FHIR and comes back "present, never recent" (dated at birth), not as
   * recent (an undated cancer must not become a recent diagnosis).
   */
  @Property(tries = 40)
  void aCaseAndItsBundleDecideTheSameCohorts(@ForAll("cases") PatientCase c) {
    PatientCase back = FHIR.importBundle(FHIR.toJson(c, AS_OF, false), AS_OF).patientCase();
    assertEquals(RULES.evaluate(c).cohorts().stream().map(f -> f.code()).toList(),
        RULES.evaluate(back).cohorts().stream().map(f -> f.code()).toList());
  }

  /** Equality, failing with the first place the two cases' JSON differ. */
  static void assertSameCase(PatientCase expected, PatientCase actual) {
    if (!expected.equals(actual)) {
      String e = uk.nhs.carecoord.model.CareJson.write(expected);
      String a = uk.nhs.carecoord.model.CareJson.write(actual);
      int i = 0;
      while (i < Math.min(e.length(), a.length()) && e.charAt(i) == a.charAt(i)) {
        i++;
      }
      int from = Math.max(0, i - 150);
      assertEquals(e.substring(from, Math.min(e.length(), i + 100)), a.substring(from, Math.min(a.length(), i + 100)));
      assertEquals(expected, actual);
    }
  }

  @Property(tries = 15)
  void bundleOrderNeverChangesTheCaseOrItsEvaluation(@ForAll("cases") PatientCase c, @ForAll long seed) {
    Bundle bundle = FHIR.toBundle(c, AS_OF);
    PatientCase inOrder = FHIR.importResources(List.of(bundle), AS_OF).patientCase();
    List<Bundle.BundleEntryComponent> entries = new ArrayList<>(bundle.getEntry());
    Collections.shuffle(entries, new Random(seed));
    bundle.setEntry(entries);
    PatientCase shuffled = FHIR.importResources(List.of(bundle), AS_OF).patientCase();
    assertEquals(inOrder, shuffled);
    assertEquals(GoldenBundleTest.evaluationSummary(RULES.evaluate(inOrder)),
        GoldenBundleTest.evaluationSummary(RULES.evaluate(shuffled)));
  }
}
