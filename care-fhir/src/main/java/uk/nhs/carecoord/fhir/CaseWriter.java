package uk.nhs.carecoord.fhir;

import static uk.nhs.carecoord.fhir.Vocabulary.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import uk.nhs.carecoord.model.ActionOwner;
import uk.nhs.carecoord.model.Carer;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.CarerRelationship;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.CommunicationNeed;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.LongTermCondition;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanAction;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.PlanVersion;
import uk.nhs.carecoord.model.Referral;
import uk.nhs.carecoord.model.SupportContact;

/** Writes a case as a collection Bundle: the inverse of {@link PersonImporter}. */
final class CaseWriter {
  private final FhirCodes codes;
  private final LocalDate asOf;
  private final Bundle bundle = new Bundle();
  private Reference subject;

  CaseWriter(FhirCodes codes, LocalDate asOf) {
    this.codes = codes;
    this.asOf = asOf;
  }

  /** The resource ids the writer gives coded entries and conditions that have none. */
  static String codedEntryId(int index) {
    return "coded-entry-" + (index + 1);
  }

  static String conditionId(LongTermCondition c) {
    return "ltc-" + c.snomedCode();
  }

  Bundle write(PatientCase c) {
    bundle.setType(Bundle.BundleType.COLLECTION);
    Patient p = c.patient();
    subject = new Reference("Patient/" + p.id());
    add(patient(p));
    for (int i = 0; i < p.codedEntries().size(); i++) {
      add(condition(p.codedEntries().get(i), i));
    }
    for (LongTermCondition ltc : p.conditions()) {
      add(condition(ltc));
    }
    for (PamAssessment a : c.pamAssessments()) {
      add(pam(a));
      if (!codes.pamLevel().isEmpty()) {
        add(pamLevel(a));
      }
    }
    p.frailty().ifPresent(f -> frailty(f).forEach(this::add));
    for (ClinicalFlag flag : p.flags()) {
      add(flag(flag));
    }
    for (CommunicationNeed need : p.communicationNeeds()) {
      if (need != CommunicationNeed.INTERPRETER) {
        add(communicationFlag(need));
      }
    }
    for (Carer carer : p.carers()) {
      add(relatedPerson(carer));
    }
    encounters(p);
    for (int i = 0; i < p.repeatMedicines(); i++) {
      add(repeat(i));
    }
    for (Referral r : c.referrals()) {
      add(serviceRequest(r));
    }
    if (p.consent() != ConsentStatus.NOT_ASKED) {
      add(consent(p));
    }
    c.plan().ifPresent(this::plan);
    return bundle;
  }

  private void add(Resource r) {
    bundle.addEntry().setFullUrl(FhirCodes.BASE + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
        .setResource(r);
  }

  private static <T extends Resource> T withId(T r, String id) {
    r.setId(id);
    return r;
  }

  private static DateType date(LocalDate d) {
    return new DateType(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
  }

  private static DateTimeType dateTime(LocalDate d) {
    DateTimeType t = new DateTimeType();
    t.setValueAsString(d.toString());
    t.setPrecision(TemporalPrecisionEnum.DAY);
    return t;
  }

  private static Coding own(String code) {
    return new Coding(FhirCodes.CARECOORD_SYSTEM, code, null);
  }

  private static CodeableConcept concept(Coding... codings) {
    CodeableConcept cc = new CodeableConcept();
    for (Coding c : codings) {
      cc.addCoding(c);
    }
    return cc;
  }

  /** The configured SNOMED CT code (smallest, for a stable choice) or the library's own code. */
  private static CodeableConcept observationCode(java.util.Set<String> snomed, String own) {
    CodeableConcept cc = new CodeableConcept();
    snomed.stream().sorted().findFirst().ifPresent(code -> cc.addCoding(new Coding(FhirCodes.SNOMED, code, null)));
    cc.addCoding(own(own));
    return cc;
  }

  // ------------------------------------------------------------------------------------------

  private org.hl7.fhir.r4.model.Patient patient(Patient p) {
    var r = withId(new org.hl7.fhir.r4.model.Patient(), p.id());
    r.addIdentifier(new Identifier().setSystem(FhirCodes.NHS_NUMBER_SYSTEM).setValue(p.nhsNumber().digits()));
    r.setBirthDateElement(date(p.dateOfBirth()));
    r.setGender(Enumerations.AdministrativeGender.fromCode(p.sex().code()));
    r.addGeneralPractitioner(new Reference().setType("Organization")
        .setIdentifier(new Identifier().setSystem(FhirCodes.ODS_SYSTEM).setValue(p.practiceCode())));
    p.preferredLanguage().ifPresent(lang ->
        r.addCommunication().setLanguage(new CodeableConcept().setText(lang)).setPreferred(true));
    if (p.communicationNeeds().contains(CommunicationNeed.INTERPRETER)) {
      r.addExtension(EXT_INTERPRETER, new BooleanType(true));
    }
    return r;
  }

  private Condition condition(CodedEntry e, int index) {
    var r = withId(new Condition(), e.id().orElse(codedEntryId(index)));
    r.setCode(concept(new Coding(FhirCodes.SNOMED, e.snomedCode(), e.display().orElse(null))));
    r.setSubject(subject.copy());
    r.setOnset(dateTime(e.recordedOn()));
    switch (e.status()) {
      case ACTIVE, INACTIVE, RESOLVED -> r.setClinicalStatus(concept(new Coding(CONDITION_CLINICAL,
          e.status().name().toLowerCase(java.util.Locale.ROOT), null)));
      case REFUTED -> r.setVerificationStatus(concept(new Coding(CONDITION_VERIFICATION, "refuted", null)));
      case ENTERED_IN_ERROR -> r.setVerificationStatus(
          concept(new Coding(CONDITION_VERIFICATION, "entered-in-error", null)));
    }
    return r;
  }

  private Condition condition(LongTermCondition c) {
    var r = withId(new Condition(), conditionId(c));
    r.setCode(concept(new Coding(FhirCodes.SNOMED, c.snomedCode(), c.display().orElse(null))));
    r.setSubject(subject.copy());
    r.setClinicalStatus(concept(new Coding(CONDITION_CLINICAL, "active", null)));
    // Undated stays undated: a date the record does not hold (the reference date) would make the
    // condition look recent, e.g. a cancer within the look-back. The import dates it at birth.
    c.diagnosedOn().ifPresent(d -> r.setOnset(dateTime(d)));
    return r;
  }

  private Observation observation(String id, CodeableConcept code) {
    var o = withId(new Observation(), id);
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(code);
    o.setSubject(subject.copy());
    return o;
  }

  private Observation pam(PamAssessment a) {
    var o = observation("pam-" + a.assessedOn(), observationCode(codes.pamScore(), PAM_SCORE));
    o.setEffective(dateTime(a.assessedOn()));
    o.setValue(new Quantity().setValueElement(new org.hl7.fhir.r4.model.DecimalType(BigDecimal.valueOf(a.score())))
        .setUnit("score").setSystem(UCUM).setCode("{score}"));
    return o;
  }

  private Observation pamLevel(PamAssessment a) {
    var o = observation("pam-level-" + a.assessedOn(), observationCode(codes.pamLevel(), PAM_LEVEL));
    o.setEffective(dateTime(a.assessedOn()));
    o.setValue(new IntegerType(a.level().number()));
    return o;
  }

  private List<Observation> frailty(Frailty f) {
    List<Observation> out = new ArrayList<>();
    f.clinicalFrailtyScale().ifPresent(cfs -> {
      var o = observation("frailty-cfs", observationCode(codes.clinicalFrailtyScale(), CFS));
      f.assessedOn().ifPresent(d -> o.setEffective(dateTime(d)));
      o.setValue(new IntegerType(cfs));
      out.add(o);
    });
    f.efiCategory().ifPresent(cat -> {
      var o = observation("frailty-efi", observationCode(codes.electronicFrailtyIndex(), EFI));
      f.assessedOn().ifPresent(d -> o.setEffective(dateTime(d)));
      CodeableConcept value = concept(own(EFI_CATEGORY_PREFIX + kebab(cat)));
      EFI_CATEGORY_SNOMED.entrySet().stream().filter(e -> e.getValue() == cat).map(Map.Entry::getKey).findFirst()
          .ifPresent(code -> value.addCoding(new Coding(FhirCodes.SNOMED, code, null)));
      o.setValue(value);
      out.add(o);
    });
    return out;
  }

  private Flag flag(ClinicalFlag flag) {
    var f = withId(new Flag(), "flag-" + kebab(flag));
    f.setStatus(Flag.FlagStatus.ACTIVE);
    CodeableConcept code = new CodeableConcept();
    codes.flags().entrySet().stream().filter(e -> e.getValue() == flag).map(Map.Entry::getKey).sorted().findFirst()
        .ifPresent(c -> code.addCoding(new Coding(FhirCodes.SNOMED, c, null)));
    code.addCoding(own(FLAG_PREFIX + kebab(flag)));
    f.setCode(code);
    f.setSubject(subject.copy());
    return f;
  }

  private Flag communicationFlag(CommunicationNeed need) {
    var f = withId(new Flag(), "communication-" + kebab(need));
    f.setStatus(Flag.FlagStatus.ACTIVE);
    f.setCode(concept(own(COMMUNICATION_PREFIX + kebab(need))));
    f.setSubject(subject.copy());
    return f;
  }

  private RelatedPerson relatedPerson(Carer c) {
    var r = withId(new RelatedPerson(), c.id());
    r.setActive(true);
    r.setPatient(subject.copy());
    CodeableConcept rel = new CodeableConcept();
    if (c.relationship() == CarerRelationship.PAID_CARER) {
      rel.addCoding(own(PAID_CARER));
    } else {
      rel.addCoding(new Coding(ROLE_CODE, ROLE_CODE_OF.get(c.relationship()), null));
    }
    if (c.mainCarer()) {
      rel.addCoding(own(MAIN_CARER));
    }
    r.addRelationship(rel);
    for (CarerNeed need : c.ownNeeds()) {
      r.addExtension(EXT_CARER_NEED, new CodeType(kebab(need)));
    }
    return r;
  }

  private void encounters(Patient p) {
    // Counts over the last 12 months become that many encounters inside the look-back.
    for (int i = 0; i < p.serviceUse().aeAttendances(); i++) {
      add(encounter("ae-" + (i + 1), "EMER", null, i));
    }
    for (int i = 0; i < p.serviceUse().emergencyAdmissions(); i++) {
      add(encounter("admission-" + (i + 1), "IMP", "EM", i));
    }
    for (int i = 0; i < p.serviceUse().gpAppointments(); i++) {
      add(encounter("gp-appointment-" + (i + 1), "AMB", null, i));
    }
  }

  private Encounter encounter(String id, String cls, String priority, int i) {
    var e = withId(new Encounter(), id);
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.setClass_(new Coding(ACT_CODE, cls, null));
    if (priority != null) {
      e.setPriority(concept(new Coding(ACT_PRIORITY, priority, null)));
    }
    e.setSubject(subject.copy());
    e.setPeriod(new Period().setStartElement(dateTime(asOf.minusDays(i % 360))));
    return e;
  }

  private MedicationRequest repeat(int i) {
    var m = withId(new MedicationRequest(), "repeat-" + (i + 1));
    m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    m.setCourseOfTherapyType(concept(new Coding(COURSE_OF_THERAPY, "continuous", null)));
    m.setMedication(new CodeableConcept().setText("Repeat medicine " + (i + 1)));
    m.setSubject(subject.copy());
    return m;
  }

  private ServiceRequest serviceRequest(Referral r) {
    var s = withId(new ServiceRequest(), r.id());
    s.setStatus(switch (r.status()) {
      case REQUESTED, ACCEPTED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
      case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
      case DECLINED, CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
    });
    s.addExtension(EXT_REFERRAL_STATUS, new CodeType(kebab(r.status())));
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    CodeableConcept code = new CodeableConcept();
    codes.referrals().entrySet().stream().filter(e -> e.getValue() == r.service()).map(Map.Entry::getKey).sorted()
        .findFirst().ifPresent(c -> code.addCoding(new Coding(FhirCodes.SNOMED, c, null)));
    code.addCoding(own(REFERRAL_PREFIX + kebab(r.service())));
    s.setCode(code);
    s.setSubject(subject.copy());
    s.setAuthoredOnElement(dateTime(r.referredOn()));
    r.agencyName().ifPresent(a -> s.addPerformer(new Reference().setType("Organization").setDisplay(a)));
    return s;
  }

  private Consent consent(Patient p) {
    var c = withId(new Consent(), "consent-pcsp");
    c.setStatus(Consent.ConsentState.ACTIVE);
    c.setScope(concept(new Coding(CONSENT_SCOPE, "treatment", null)));
    c.addCategory(concept(own(PCSP_CONSENT)));
    c.setPatient(subject.copy());
    p.consentRecordedOn().ifPresent(d -> c.setDateTimeElement(dateTime(d)));
    boolean given = p.consent() == ConsentStatus.GIVEN;
    c.setPolicyRule(concept(new Coding(ACT_CODE, given ? "OPTIN" : "OPTOUT", null)));
    c.setProvision(new Consent.ProvisionComponent().setType(
        given ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY));
    return c;
  }

  // ------------------------------------------------------------------------------------------
  // The plan: every version as a version of the same CarePlan (and of its Goals and CareTeam)

  private void plan(PersonalisedCarePlan plan) {
    for (PlanVersion v : plan.versions()) {
      planVersion(plan.id(), v).forEach(this::add);
    }
  }

  /** The CarePlan, Goals and CareTeam of one version, each with {@code meta.versionId} = number. */
  List<Resource> planVersion(String planId, PlanVersion v) {
    List<Resource> out = new ArrayList<>();
    String version = Integer.toString(v.number());
    PlanContent content = v.content();
    var cp = withId(new CarePlan(), planId);
    cp.getMeta().setVersionId(version);
    v.amendmentReason().ifPresent(r -> cp.addExtension(EXT_AMENDMENT_REASON, new StringType(r)));
    cp.addExtension(EXT_SHARED_WITH_PATIENT, new BooleanType(content.sharedWithPatient()));
    cp.setStatus(CarePlan.CarePlanStatus.fromCode(content.status().code()));
    cp.setIntent(CarePlan.CarePlanIntent.PLAN);
    cp.addCategory(concept(own(PCSP)));
    cp.setSubject(subject.copy());
    cp.setCreatedElement(dateTime(v.recordedOn()));
    if (content.agreedOn().isPresent() || content.nextReviewOn().isPresent()) {
      Period period = new Period();
      content.agreedOn().ifPresent(d -> period.setStartElement(dateTime(d)));
      content.nextReviewOn().ifPresent(d -> period.setEndElement(dateTime(d)));
      cp.setPeriod(period);
    }
    cp.addNote(new Annotation().setText(content.whatMattersToMe()));
    out.add(cp);
    for (Goal g : content.goals()) {
      cp.addGoal(new Reference("Goal/" + g.id() + "/_history/" + version));
      out.add(goal(g, version));
    }
    for (PlanAction a : content.actions()) {
      cp.addActivity(activity(a, version));
    }
    if (!content.supportContacts().isEmpty()) {
      var team = withId(new CareTeam(), planId + "-team");
      team.getMeta().setVersionId(version);
      team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
      team.setSubject(subject.copy());
      for (SupportContact s : content.supportContacts()) {
        var part = team.addParticipant();
        part.addRole(new CodeableConcept().setText(s.role()));
        part.setMember(new Reference().setDisplay(s.name()));
        s.telephone().ifPresent(t -> part.addExtension(EXT_CONTACT_TELEPHONE,
            new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(t)));
      }
      cp.addCareTeam(new Reference("CareTeam/" + team.getIdElement().getIdPart() + "/_history/" + version));
      out.add(team);
    }
    return out;
  }

  private org.hl7.fhir.r4.model.Goal goal(Goal g, String version) {
    var r = withId(new org.hl7.fhir.r4.model.Goal(), g.id());
    r.getMeta().setVersionId(version);
    r.setLifecycleStatus(org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus.fromCode(g.lifecycleStatus().code()));
    g.achievementStatus().ifPresent(a -> r.setAchievementStatus(concept(new Coding(GOAL_ACHIEVEMENT, a.code(), null))));
    r.setDescription(new CodeableConcept().setText(g.description()));
    r.setSubject(subject.copy());
    g.startOn().ifPresent(d -> r.setStart(date(d)));
    g.targetOn().ifPresent(d -> r.addTarget().setDue(date(d)));
    g.statusChangedOn().ifPresent(d -> r.setStatusDateElement(date(d)));
    return r;
  }

  private CarePlan.CarePlanActivityComponent activity(PlanAction a, String version) {
    var act = new CarePlan.CarePlanActivityComponent();
    act.setId(a.id());
    var d = act.getDetail();
    d.setDescription(a.description());
    d.setStatus(a.completedOn().isPresent() ? CarePlan.CarePlanActivityStatus.COMPLETED
        : CarePlan.CarePlanActivityStatus.INPROGRESS);
    a.completedOn().ifPresent(done -> act.addProgress(new Annotation().setText("Completed").setTimeElement(dateTime(done))));
    a.dueOn().ifPresent(due -> d.setScheduled(new Period().setEndElement(dateTime(due))));
    a.goalId().ifPresent(g -> d.addGoal(new Reference("Goal/" + g + "/_history/" + version)));
    d.addPerformer(performer(a.owner()));
    return act;
  }

  private Reference performer(ActionOwner owner) {
    Reference ref = switch (owner.kind()) {
      case PATIENT -> subject.copy();
      case CARER -> new Reference().setType("RelatedPerson").setDisplay(owner.name().orElse("Carer"));
      case CARE_COORDINATOR ->
          new Reference().setType("PractitionerRole").setDisplay(owner.name().orElse("Care co-ordinator"));
      case SERVICE -> new Reference().setType("Organization").setDisplay(owner.name().orElseThrow());
    };
    // The kind, so a named carer or co-ordinator reads back as one (a display alone cannot say).
    ref.setIdentifier(new Identifier().setSystem(ACTION_OWNER_SYSTEM).setValue(kebab(owner.kind())));
    if (owner.kind() == uk.nhs.carecoord.model.ActionOwnerKind.PATIENT) {
      owner.name().ifPresent(ref::setDisplay);
    }
    return ref;
  }
}
