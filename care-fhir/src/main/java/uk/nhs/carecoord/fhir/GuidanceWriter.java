package uk.nhs.carecoord.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.Priority;

/**
 * An evaluation as the FHIR Clinical Reasoning module's output: a GuidanceResponse whose result is
 * a RequestGroup of actions (obligations and recommendations) and whose outputParameters hold the
 * cohort memberships.
 */
final class GuidanceWriter {
  static final String FINDING_SYSTEM = FhirCodes.BASE + "/CodeSystem/finding";
  static final String RULE_BASE = FhirCodes.BASE + "/Library/care-coordination-rules";
  static final String EXT_RULE = FhirCodes.BASE + "/StructureDefinition/decision-rule";

  private GuidanceWriter() {}

  static Bundle write(PatientEvaluation e, Map<String, String> ruleSetVersions) {
    Reference subject = new Reference("Patient/" + e.patientId());
    Date asOf = Date.from(e.asOf().atStartOfDay(ZoneOffset.UTC).toInstant());

    RequestGroup group = new RequestGroup();
    group.setId("request-group-" + e.patientId());
    group.setStatus(RequestGroup.RequestStatus.DRAFT);
    group.setIntent(RequestGroup.RequestIntent.PROPOSAL);
    group.setSubject(subject.copy());
    group.setAuthoredOnElement(dateTime(e.asOf()));
    List<Task> tasks = new java.util.ArrayList<>();
    for (List<Finding> findings : List.of(e.obligations(), e.recommendations())) {
      for (Finding f : findings) {
        var action = group.addAction();
        // R4 (rqg-1) wants each action to name what it asks for: a proposed Task for the co-ordinator.
        Task task = new Task();
        task.setId("task-" + e.patientId() + "-" + (tasks.size() + 1));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.PROPOSAL);
        task.setCode(new CodeableConcept(new Coding(FINDING_SYSTEM, f.code(), null)));
        task.setDescription(f.text());
        task.setFor(subject.copy());
        f.dueOn().ifPresent(d -> task.getRestriction().setPeriod(new org.hl7.fhir.r4.model.Period().setEndElement(dateTime(d))));
        tasks.add(task);
        action.setResource(new Reference("Task/" + task.getIdElement().getIdPart()));
        action.setPrefix(f.kind().name().toLowerCase(java.util.Locale.ROOT));
        action.setTitle(f.text());
        action.setDescription(String.join("; ", f.reasons()));
        action.addCode(new CodeableConcept(new Coding(FINDING_SYSTEM, f.code(), null)));
        action.setPriority(priority(f.priority()));
        f.dueOn().ifPresent(d -> action.setTiming(dateTime(d)));
        for (DecisionRecord d : f.decisions()) {
          // The rule that decided, as a documented extension (see README: why not Provenance).
          action.addExtension(EXT_RULE, new StringType(d.ruleSet() + " " + d.ruleSetVersion() + ": " + d.rule()));
        }
      }
    }

    Parameters output = new Parameters();
    output.setId("cohorts-" + e.patientId());
    for (Finding cohort : e.cohorts()) {
      output.addParameter().setName("cohort").setValue(new Coding(FINDING_SYSTEM, cohort.code(), cohort.text()));
    }
    output.addParameter().setName("codeListVersion").setValue(new StringType(e.codeListVersion()));

    GuidanceResponse response = new GuidanceResponse();
    response.setId("guidance-" + e.patientId());
    response.setRequestIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(FhirCodes.BASE + "/Id/evaluation")
        .setValue(e.patientId() + "@" + e.asOf()));
    response.setModule(new org.hl7.fhir.r4.model.CanonicalType(RULE_BASE + "|" + versions(ruleSetVersions)));
    response.setStatus(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
    response.setSubject(subject.copy());
    response.setOccurrenceDateTime(asOf);
    response.setOutputParameters(new Reference("#" + output.getId()));
    response.addContained(output);
    response.setResult(new Reference("RequestGroup/" + group.getIdElement().getIdPart()));
    response.addDataRequirement(new DataRequirement().setType("Condition")
        .addProfile(FhirCodes.BASE + "/CodeList/long-term-conditions|" + e.codeListVersion()));
    response.addExtension(FhirCodes.BASE + "/StructureDefinition/suppressed-count",
        new org.hl7.fhir.r4.model.IntegerType(e.suppressed().size()));

    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.addEntry().setFullUrl(FhirCodes.BASE + "/GuidanceResponse/" + response.getIdElement().getIdPart())
        .setResource(response);
    bundle.addEntry().setFullUrl(FhirCodes.BASE + "/RequestGroup/" + group.getIdElement().getIdPart())
        .setResource(group);
    for (Task t : tasks) {
      bundle.addEntry().setFullUrl(FhirCodes.BASE + "/Task/" + t.getIdElement().getIdPart()).setResource(t);
    }
    return bundle;
  }

  private static String versions(Map<String, String> ruleSetVersions) {
    TreeSet<String> parts = new TreeSet<>();
    ruleSetVersions.forEach((k, v) -> parts.add(k + "-" + v));
    return String.join("+", parts);
  }

  private static RequestGroup.RequestPriority priority(Priority p) {
    return switch (p) {
      case URGENT -> RequestGroup.RequestPriority.STAT;
      case HIGH -> RequestGroup.RequestPriority.URGENT;
      case MEDIUM -> RequestGroup.RequestPriority.ROUTINE;
      case LOW -> RequestGroup.RequestPriority.ROUTINE;
    };
  }

  private static DateTimeType dateTime(LocalDate d) {
    DateTimeType t = new DateTimeType();
    t.setValueAsString(d.toString());
    return t;
  }
}
