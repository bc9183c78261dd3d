package uk.nhs.carecoord.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * A population's cohorts as FHIR {@code Group}s (actual, of persons, each member referenced as
 * {@code Patient/id}), gathered one evaluation at a time: from {@link CareFhir#cohortGroups}.
 *
 * <p><b>Patient data</b>: a Group names its members, so the bundle stays where patient data may
 * be. Memory holds the patient ids of every membership (not the cases). Not thread-safe: add from
 * one thread.
 */
public final class CohortGroups {
  private final LocalDate asOf;
  private final Map<String, String> labels = new TreeMap<>();
  private final Map<String, List<String>> members = new TreeMap<>();

  CohortGroups(LocalDate asOf) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * Adds a person's cohort memberships.
   *
   * @throws IllegalArgumentException if the evaluation is as of another date than the groups
   */
  public CohortGroups add(PatientEvaluation evaluation) {
    if (!evaluation.asOf().equals(asOf)) {
      throw new IllegalArgumentException("cohort groups as of " + asOf + " cannot take an evaluation as of "
          + evaluation.asOf());
    }
    for (Finding cohort : evaluation.cohorts()) {
      labels.putIfAbsent(cohort.code(), cohort.label());
      List<String> ids = members.computeIfAbsent(cohort.code(), k -> new ArrayList<>());
      if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(evaluation.patientId())) {
        ids.add(evaluation.patientId()); // a cohort reached by two rules is one finding; guard anyway
      }
    }
    return this;
  }

  /** How many people are in the cohort so far. */
  public int size(String cohortCode) {
    return members.getOrDefault(cohortCode, List.of()).size();
  }

  /**
   * One Group per cohort anybody is in, by cohort code: {@code id} {@code cohort-<code>}, {@code
   * code} and one characteristic (the cohort, true as of the reference date), {@code quantity} and
   * the members in the order added, as a collection Bundle.
   */
  public Bundle toBundle() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    members.forEach((code, ids) -> {
      Group g = new Group();
      g.setId("cohort-" + PopulationWriter.id(code));
      g.setType(Group.GroupType.PERSON);
      g.setActual(true);
      g.setCode(PopulationWriter.cohortConcept(code, labels.get(code)));
      g.setName(labels.get(code));
      DateTimeType on = new DateTimeType();
      on.setValueAsString(asOf.toString());
      g.addCharacteristic().setCode(PopulationWriter.cohortConcept(code, labels.get(code)))
          .setValue(new BooleanType(true)).setExclude(false)
          .setPeriod(new Period().setStartElement(on.copy()).setEndElement(on.copy()));
      g.setQuantity(ids.size());
      ids.forEach(id -> g.addMember().setEntity(new Reference("Patient/" + id)));
      bundle.addEntry().setFullUrl(FhirCodes.BASE + "/Group/" + g.getIdElement().getIdPart()).setResource(g);
    });
    return bundle;
  }
}
