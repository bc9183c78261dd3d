package uk.nhs.carecoord.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CoordinatorEvaluation;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Evaluator;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.ImmutableCoordinatorEvaluation;
import uk.nhs.carecoord.rules.ImmutableDecisionRecord;
import uk.nhs.carecoord.rules.ImmutableFinding;
import uk.nhs.carecoord.rules.ImmutablePatientEvaluation;
import uk.nhs.carecoord.rules.OutputCatalogue;
import uk.nhs.carecoord.rules.OutputRole;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.Priority;
import uk.nhs.carecoord.rules.CareRules;

/**
 * A host outside the library's packages stubs the engine through {@link Evaluator}: its code under
 * test takes an {@code Evaluator}, production passes {@code CareRules}, the test a stub.
 */
class StubbedEvaluatorTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  /** The host's code under test: counts compliant co-ordinators. */
  static long compliantCoordinators(Evaluator rules, Pcn pcn) {
    return pcn.coordinators().stream().filter(c -> rules.evaluate(c, pcn).compliant()).count();
  }

  /** A stub: every co-ordinator compliant, nobody in a cohort. */
  static final class AllCompliant implements Evaluator {
    @Override
    public PatientEvaluation evaluate(PatientCase patientCase) {
      return ImmutablePatientEvaluation.builder().patientId(patientCase.patient().id()).asOf(AS_OF).codeListVersion("stub").build();
    }

    @Override
    public PatientEvaluation evaluate(PatientCase patientCase, Pcn pcn) {
      return evaluate(patientCase);
    }

    @Override
    public CoordinatorEvaluation evaluate(CareCoordinator coordinator, Pcn pcn) {
      DecisionRecord record = ImmutableDecisionRecord.builder().rule("stub").ruleSet("stub").ruleSetVersion("1")
          .ruleSetDigest("0").asOf(AS_OF).codeListVersion("stub").build();
      return ImmutableCoordinatorEvaluation.builder().coordinatorId(coordinator.id()).asOf(AS_OF)
          .verdict(ImmutableFinding.builder().kind(FindingKind.VERDICT).code("ARRS_COMPLIANT").priority(Priority.LOW)
              .text("stub").reliedOnAs(OutputRole.COMPLIANT_VERDICT).factsFingerprint("0").addDecisions(record).build())
          .build();
    }

    @Override
    public Map<String, String> ruleSetVersions() {
      return Map.of("stub", "1+0");
    }

    @Override
    public OutputCatalogue outputs() {
      return OutputCatalogue.builtIn();
    }
  }

  @Test
  void aHostTestsItsOwnCodeAgainstAStubbedEngine() {
    Pcn pcn = uk.nhs.carecoord.synthetic.SyntheticPopulation.builder().seed(7).patients(10).coordinators(3).asOf(AS_OF)
        .build().pcn();
    assertEquals(3, compliantCoordinators(new AllCompliant(), pcn));
    assertEquals(List.of(), new AllCompliant().evaluate(pcn.coordinators().get(0), pcn).training());
  }
}
