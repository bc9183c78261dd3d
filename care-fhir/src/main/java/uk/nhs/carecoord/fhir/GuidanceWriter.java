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
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import uk.nhs.carecoord.model.CodedEntry;
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
  /** The versioned set of code clusters ({@code CodeClusters}) that read the person's codes. */
  static final String CODE_CLUSTERS = FhirCodes.BASE + "/ValueSet/code-clusters";
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
        // The catalogue's few words as the title a worklist shows; the rule's sentence as the text.
        action.setTitle(f.label());
        action.setDescription(f.text());
        action.addCode(new CodeableConcept(new Coding(FINDING_SYSTEM, f.code(), f.label())));
        action.setPriority(priority(f.priority()));
        f.dueOn().ifPresent(d -> action.setTiming(dateTime(d)));
        for (DecisionRecord d : f.decisions()) {
          // The rule that decided and its reasons, as a documented extension (README: why not Provenance).
          Extension rule = action.addExtension().setUrl(EXT_RULE);
          rule.addExtension("ruleSet", new StringType(d.ruleSet()));
          rule.addExtension("ruleSetVersion", new StringType(d.ruleSetVersion()));
          rule.addExtension("rule", new StringType(d.rule()));
          d.reasons().forEach(r -> rule.addExtension("reason", new StringType(r)));
        }
      }
    }

    Parameters output = new Parameters();
    output.setId("cohorts-" + e.patientId());
    for (Finding cohort : e.cohorts()) {
      output.addParameter().setName("cohort").setValue(new Coding(FINDING_SYSTEM, cohort.code(), cohort.label()));
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
    OperationOutcome unrecognised = unrecognised(e);
    if (unrecognised != null) {
      response.addContained(unrecognised);
      response.addEvaluationMessage(new Reference("#" + unrecognised.getId()));
    }
    response.setResult(new Reference("RequestGroup/" + group.getIdElement().getIdPart()));
    // The run read coded Conditions and Observations through one versioned set of code clusters.
    for (String type : List.of("Condition", "Observation")) {
      response.addDataRequirement(new DataRequirement().setType(type).addCodeFilter(
          new DataRequirement.DataRequirementCodeFilterComponent().setPath("code")
              .setValueSet(CODE_CLUSTERS + "|" + e.codeListVersion())));
    }
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

  /**
   * One informational issue per coded entry that no code cluster recognised, so a host sees what
   * counted towards nothing; null when every entry was recognised (an OperationOutcome needs an issue).
   */
  private static OperationOutcome unrecognised(PatientEvaluation e) {
    if (e.coding().unrecognised().isEmpty()) {
      return null;
    }
    OperationOutcome outcome = new OperationOutcome();
    outcome.setId("unrecognised-codes-" + e.patientId());
    for (CodedEntry entry : e.coding().unrecognised()) {
      var issue = outcome.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
          .setCode(OperationOutcome.IssueType.INFORMATIONAL);
      issue.setDetails(new CodeableConcept(new Coding(FhirCodes.SNOMED, entry.snomedCode(), entry.display().orElse(null)))
          .setText("not in any code cluster: counts towards no decision"));
      issue.setDiagnostics("SNOMED CT " + entry.snomedCode() + " recorded " + entry.recordedOn() + " ("
          + entry.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"
          + entry.id().map(id -> ", entry " + id).orElse("") + ": in no code cluster of version "
          + e.codeListVersion());
    }
    return outcome;
  }

  static String versions(Map<String, String> ruleSetVersions) {
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
