package uk.nhs.carecoord.rules;

import java.util.Map;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;

/**
 * What a host calls to have people and co-ordinators evaluated. {@link CareRules} implements it;
 * a host that takes an {@code Evaluator} can stub the engine in its own tests with a class of its
 * own returning evaluations built with {@code ImmutablePatientEvaluation.builder()} and
 * {@code ImmutableCoordinatorEvaluation.builder()}, without compiling any rules.
 */
public interface Evaluator {
  /** Evaluates one person without PCN context. */
  PatientEvaluation evaluate(PatientCase patientCase);

  /** Evaluates one person in their PCN, which names their co-ordinator's GP supervisor. */
  PatientEvaluation evaluate(PatientCase patientCase, Pcn pcn);

  /** Evaluates a co-ordinator's ARRS training compliance and supervision in their PCN. */
  CoordinatorEvaluation evaluate(CareCoordinator coordinator, Pcn pcn);

  /** The rule sets in use: name, declared version and digest, for audit. */
  Map<String, String> ruleSetVersions();

  /** The output catalogue: every code the rules may raise, with its label. */
  OutputCatalogue outputs();
}
