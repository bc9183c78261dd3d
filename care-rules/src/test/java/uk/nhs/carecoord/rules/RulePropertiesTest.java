package uk.nhs.carecoord.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import uk.nhs.carecoord.model.ConcernStatus;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/** Invariants of the rules over generated valid cases. */
class RulePropertiesTest {
  static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  static CareRules rules;

  @BeforeContainer
  static void compile() {
    rules = CareRules.builder().asOf(AS_OF).build();
  }

  @Provide
  Arbitrary<PatientCase> cases() {
    return CareArbitraries.patientCases(AS_OF);
  }

  @Property(tries = 200)
  void evaluationNeverThrowsOnAValidCase(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = rules.evaluate(c);
    assertEquals(c.patient().id(), e.patientId());
  }

  @Property(tries = 200)
  void resultsDoNotDependOnTheOrderOfFacts(@ForAll("cases") PatientCase c) {
    assertEquals(rules.evaluate(c), rules.evaluate(reversed(c)));
  }

  @Property(tries = 200)
  void everyOpenUndiscussedConcernYieldsExactlyOneObligation(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = rules.evaluate(c);
    c.safeguardingConcerns().stream()
        .filter(s -> s.status() != ConcernStatus.CLOSED && s.gpDiscussion().isEmpty())
        .forEach(s -> assertEquals(1, e.obligations().stream()
            .filter(o -> o.code().equals("DISCUSS_SAFEGUARDING_CONCERN") && o.subject().equals(s.id())).count(),
            () -> "concern " + s.id()));
  }

  @Property(tries = 200)
  void everyOutputCarriesARuleAndAReason(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = rules.evaluate(c);
    List<Finding> all = new ArrayList<>(e.cohorts());
    all.addAll(e.obligations());
    all.addAll(e.recommendations());
    for (Finding f : all) {
      assertFalse(f.decisions().isEmpty(), f.code());
      for (DecisionRecord d : f.decisions()) {
        assertFalse(d.rule().isBlank(), f.code());
        assertFalse(d.reasons().isEmpty(), () -> f.code() + " from " + d.rule() + " gives no reason");
        assertEquals(AS_OF, d.asOf());
      }
    }
  }

  @Property(tries = 100)
  void outputsAreInPriorityOrder(@ForAll("cases") PatientCase c) {
    PatientEvaluation e = rules.evaluate(c);
    for (List<Finding> list : List.of(e.cohorts(), e.obligations(), e.recommendations())) {
      List<Finding> sorted = new ArrayList<>(list);
      sorted.sort(Finding.ORDER);
      assertEquals(sorted, list);
    }
  }

  @Property(tries = 100)
  void evaluationsSurviveJson(@ForAll("cases") PatientCase c) throws Exception {
    PatientEvaluation e = rules.evaluate(c);
    String json = uk.nhs.carecoord.model.CareJson.write(e);
    assertEquals(e, uk.nhs.carecoord.model.CareJson.read(json, PatientEvaluation.class));
    assertTrue(json.contains(e.patientId()));
  }

  /** The same case with every list reversed. */
  static PatientCase reversed(PatientCase c) {
    Patient p = c.patient();
    Patient rp = Patient.builder().from(p)
        .conditions(rev(p.conditions()))
        .carers(rev(p.carers()))
        .build();
    ImmutablePatientCase.Builder b = PatientCase.builder().from(c).patient(rp)
        .pamAssessments(rev(c.pamAssessments()))
        .contacts(rev(c.contacts()))
        .referrals(rev(c.referrals()))
        .pendingDecisions(rev(c.pendingDecisions()))
        .decisionConversations(rev(c.decisionConversations()))
        .mdtDiscussions(rev(c.mdtDiscussions()))
        .safeguardingConcerns(rev(c.safeguardingConcerns()))
        .acknowledgements(rev(c.acknowledgements()));
    return b.build();
  }

  static <T> List<T> rev(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
