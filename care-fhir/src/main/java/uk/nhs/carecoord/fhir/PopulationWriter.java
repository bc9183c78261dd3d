package uk.nhs.carecoord.fhir;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import uk.nhs.carecoord.reporting.CaseloadReport;
import uk.nhs.carecoord.reporting.CohortStrataReport;
import uk.nhs.carecoord.reporting.Count;
import uk.nhs.carecoord.reporting.ReportSet;

/**
 * care-reporting's cohort strata as FHIR: the library's {@code Measure} (a group per cohort, the
 * caseload populations, practice and PAM-level stratifiers) and a summary {@code MeasureReport}
 * of one run. Counts arrive already suppressed and rounded ({@link Count}): a suppressed count has
 * no number to leak, and is written as an absent count with a data-absent-reason of {@code masked}.
 */
final class PopulationWriter {
  static final String MEASURE = FhirCodes.BASE + "/Measure/care-coordination-caseload";
  static final String POPULATION_SYSTEM = FhirCodes.BASE + "/CodeSystem/caseload-population";
  static final String STRATIFIER_SYSTEM = FhirCodes.BASE + "/CodeSystem/caseload-stratifier";
  static final String PAM_LEVEL_SYSTEM = FhirCodes.BASE + "/CodeSystem/pam-level";
  static final String MEASURE_POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
  static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
  static final String EXT_COUNT_PROTECTION = FhirCodes.BASE + "/StructureDefinition/count-protection";
  /**
   * R4's criteria need a language from its (extensible, validator-enforced) list; as CQF measures do,
   * the expression is an identifier, here of the definition in care-reporting's caseload figures
   * ({@code CaseloadReport.Figures}), which the library computes: no CQL engine is meant to run it.
   */
  private static final String CRITERIA_LANGUAGE = "text/cql";

  /** The populations of every group, in order: code, definition in care-reporting, words. */
  enum Population {
    IN_COHORT("in-cohort", "people", "People the rules placed in the cohort"),
    PLAN_AGREED("plan-agreed", "withAgreedPlan",
        "With a personalised care and support plan that is agreed (an agreed-on date; active, on hold or completed)"),
    PLAN_SHARED("plan-shared", "planSharedWithPerson", "Whose current plan has been shared with them"),
    REVIEW_OVERDUE("review-overdue", "reviewOverdue", "Whose active plan's review date has passed");

    final String code;
    final String figure;
    final String description;

    Population(String code, String figure, String description) {
      this.code = code;
      this.figure = figure;
      this.description = description;
    }

    Count of(CaseloadReport.Figures f) {
      return switch (this) {
        case IN_COHORT -> f.people();
        case PLAN_AGREED -> f.withAgreedPlan();
        case PLAN_SHARED -> f.planSharedWithPerson();
        case REVIEW_OVERDUE -> f.reviewOverdue();
      };
    }

    CodeableConcept concept() {
      CodeableConcept c = new CodeableConcept();
      if (this == IN_COHORT) {
        c.addCoding(new Coding(MEASURE_POPULATION, "initial-population", "Initial Population"));
      }
      c.addCoding(new Coding(POPULATION_SYSTEM, code, description));
      return c;
    }
  }

  private PopulationWriter() {}

  /**
   * The Measure and its MeasureReport for the report set, in a collection Bundle.
   *
   * @param cohortLabels every cohort the rules may raise, code → label (a group each); cohorts in
   *     the report but not here are added with their code as label
   */
  static Bundle write(ReportSet reports, Map<String, String> cohortLabels, Map<String, String> ruleSetVersions) {
    String version = GuidanceWriter.versions(ruleSetVersions);
    Map<String, String> cohorts = new TreeMap<>(cohortLabels);
    reports.cohortStrata().cohorts().forEach(c -> cohorts.putIfAbsent(c.cohort(), c.cohort()));
    Measure measure = measure(cohorts, version);
    MeasureReport report = measureReport(reports, cohorts, version);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.addEntry().setFullUrl(MEASURE).setResource(measure);
    bundle.addEntry().setFullUrl(FhirCodes.BASE + "/MeasureReport/" + report.getIdElement().getIdPart())
        .setResource(report);
    return bundle;
  }

  static Measure measure(Map<String, String> cohorts, String version) {
    Measure m = new Measure();
    m.setId("care-coordination-caseload");
    m.setUrl(MEASURE);
    m.setVersion(version);
    m.setName("CareCoordinationCaseload");
    m.setTitle("Care co-ordination caseload by cohort");
    m.setStatus(Enumerations.PublicationStatus.ACTIVE);
    m.setDescription("People in each cohort the care co-ordination rules raise, and how many of them have an agreed"
        + " personalised care and support plan, a plan shared with them, and a review overdue; stratified by"
        + " registered practice (ODS code) and latest Patient Activation Measure level. Counts from 1 to the"
        + " suppression threshold are masked and shown counts may be rounded (see the MeasureReport's"
        + " count-protection extension).");
    m.addLibrary(GuidanceWriter.RULE_BASE + "|" + version);
    cohorts.forEach((code, label) -> {
      var group = m.addGroup();
      group.setCode(cohortConcept(code, label));
      group.setDescription(label);
      for (Population p : Population.values()) {
        group.addPopulation().setCode(p.concept()).setDescription(p.description).setCriteria(
            new Expression().setLanguage(CRITERIA_LANGUAGE).setExpression("CaseloadReport.Figures." + p.figure)
                .setDescription(p.description));
      }
      group.addStratifier().setCode(stratifier("practice")).setDescription("Registered practice (ODS code)");
      group.addStratifier().setCode(stratifier("pam-level"))
          .setDescription("Latest PAM level (1 to 4), or no PAM assessment");
    });
    return m;
  }

  static MeasureReport measureReport(ReportSet reports, Map<String, String> cohorts, String version) {
    MeasureReport r = new MeasureReport();
    r.setId(id("caseload-" + reports.pcnCode() + "-" + reports.asOf()));
    r.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
    r.setType(MeasureReport.MeasureReportType.SUMMARY);
    r.setMeasure(MEASURE + "|" + version);
    r.setDateElement(dateTime(reports.asOf()));
    r.setPeriod(new Period().setStartElement(dateTime(reports.asOf())).setEndElement(dateTime(reports.asOf())));
    r.setReporter(new Reference().setIdentifier(new Identifier().setSystem(FhirCodes.ODS_SYSTEM)
        .setValue(reports.pcnCode())).setDisplay(reports.pcnName()));
    Extension protection = r.addExtension().setUrl(EXT_COUNT_PROTECTION);
    protection.addExtension("threshold", new IntegerType(reports.suppressionThreshold()));
    protection.addExtension("roundedTo", new IntegerType(reports.countsRoundedTo()));
    Map<String, CohortStrataReport.CohortStrata> raised = new TreeMap<>();
    reports.cohortStrata().cohorts().forEach(c -> raised.put(c.cohort(), c));
    cohorts.forEach((code, label) -> {
      var group = r.addGroup().setCode(cohortConcept(code, label));
      CohortStrataReport.CohortStrata strata = raised.get(code);
      for (Population p : Population.values()) {
        // A cohort nobody is in has no strata: its populations are zero, which may be shown.
        count(group.addPopulation().setCode(p.concept()).getCountElement(),
            strata == null ? Count.shown(0) : p.of(strata.figures()));
      }
      if (strata != null) {
        var practice = group.addStratifier().addCode(stratifier("practice"));
        strata.practices().forEach(s -> stratum(practice.addStratum(),
            new CodeableConcept(new Coding(FhirCodes.ODS_SYSTEM, s.value(), null)).setText(s.value()), s));
        var pam = group.addStratifier().addCode(stratifier("pam-level"));
        strata.pamLevels().forEach(s -> stratum(pam.addStratum(),
            new CodeableConcept(new Coding(PAM_LEVEL_SYSTEM, pamCode(s.value()), null)).setText(pamCode(s.value())), s));
      }
    });
    return r;
  }

  private static void stratum(MeasureReport.StratifierGroupComponent stratum, CodeableConcept value,
      CohortStrataReport.Stratum s) {
    stratum.setValue(value);
    for (Population p : Population.values()) {
      count(stratum.addPopulation().setCode(p.concept()).getCountElement(), p.of(s.figures()));
    }
  }

  /** A shown count as it is (already rounded); a suppressed one as absent, masked. */
  private static void count(IntegerType element, Count count) {
    if (count.isSuppressed()) {
      element.addExtension(DATA_ABSENT_REASON, new CodeType("masked"));
    } else {
      element.setValue(count.value().getAsInt());
    }
  }

  /** {@code LEVEL_1} → {@code 1}, {@code NO_PAM} → {@code none}. */
  static String pamCode(String stratum) {
    return stratum.equals(CohortStrataReport.NO_PAM) ? "none" : stratum.substring("LEVEL_".length());
  }

  static CodeableConcept cohortConcept(String code, String label) {
    return new CodeableConcept(new Coding(GuidanceWriter.FINDING_SYSTEM, code, label)).setText(label);
  }

  private static CodeableConcept stratifier(String code) {
    return new CodeableConcept(new Coding(STRATIFIER_SYSTEM, code, null));
  }

  /** A FHIR id ({@code [A-Za-z0-9\-.]{1,64}}) from a code: lower case, other characters as '-'. */
  static String id(String text) {
    String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    return id.length() <= 64 ? id : id.substring(0, 64);
  }

  private static DateTimeType dateTime(LocalDate d) {
    DateTimeType t = new DateTimeType();
    t.setValueAsString(d.toString());
    return t;
  }
}
