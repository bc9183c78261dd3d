package uk.nhs.carecoord.fhir;

import static uk.nhs.carecoord.fhir.Vocabulary.*;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import uk.nhs.carecoord.model.ActionOwner;
import uk.nhs.carecoord.model.ActionOwnerKind;
import uk.nhs.carecoord.model.CarePlanStatus;
import uk.nhs.carecoord.model.Carer;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.CarerRelationship;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.CodedEntry;
import uk.nhs.carecoord.model.CodedEntryStatus;
import uk.nhs.carecoord.model.CommunicationNeed;
import uk.nhs.carecoord.model.ConsentStatus;
import uk.nhs.carecoord.model.EfiCategory;
import uk.nhs.carecoord.model.Frailty;
import uk.nhs.carecoord.model.Goal;
import uk.nhs.carecoord.model.GoalAchievementStatus;
import uk.nhs.carecoord.model.GoalLifecycleStatus;
import uk.nhs.carecoord.model.ImmutablePatient;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.PamAssessment;
import uk.nhs.carecoord.model.PamLevel;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.PersonalisedCarePlan;
import uk.nhs.carecoord.model.PlanAction;
import uk.nhs.carecoord.model.PlanContent;
import uk.nhs.carecoord.model.PlanVersion;
import uk.nhs.carecoord.model.Referral;
import uk.nhs.carecoord.model.ReferralStatus;
import uk.nhs.carecoord.model.ServiceType;
import uk.nhs.carecoord.model.ServiceUse;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.model.SupportContact;

/**
 * Maps the resources about one person to a {@link PatientCase}, writing a report line for each
 * resource and relevant element. One instance per import: it collects state.
 */
final class PersonImporter {

  /** A resource with the bundle entry's fullUrl, if it came from a bundle. */
  record Located(Resource resource, String fullUrl) {}

  private final FhirCodes codes;
  private final LocalDate asOf;
  private final List<ImportReport.Entry> report = new ArrayList<>();
  /** Every resource by {@code Type/id}, all versions; and by fullUrl. */
  private final Map<String, List<Resource>> byTypeId = new LinkedHashMap<>();
  private final Map<String, Resource> byFullUrl = new HashMap<>();
  private final List<Resource> resources = new ArrayList<>();

  private Patient patientResource;
  private final List<CodedEntry> codedEntries = new ArrayList<>();
  private final Map<LocalDate, PamAssessment> pamByDate = new TreeMap<>();
  private final Map<LocalDate, String> pamSource = new HashMap<>();
  private final List<Object[]> pamLevels = new ArrayList<>(); // {resource key, date, level}
  private final List<Dated<Integer>> cfs = new ArrayList<>();
  private final List<Dated<EfiCategory>> efi = new ArrayList<>();
  private final Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
  private final Set<CommunicationNeed> communicationNeeds = EnumSet.noneOf(CommunicationNeed.class);
  private final List<Carer> carers = new ArrayList<>();
  private int aeAttendances;
  private int emergencyAdmissions;
  private int gpAppointments;
  private int repeats;
  private final List<Referral> referrals = new ArrayList<>();
  private final List<Dated<ConsentStatus>> consents = new ArrayList<>();
  private final List<CarePlan> carePlans = new ArrayList<>();
  private final Set<String> countedRequests = new java.util.HashSet<>();
  private final List<MedicationStatement> statements = new ArrayList<>();

  private record Dated<T>(Optional<LocalDate> on, T value, String key) {}

  PersonImporter(FhirCodes codes, LocalDate asOf) {
    this.codes = codes;
    this.asOf = asOf;
  }

  /**
   * Imports the resources: bundles among them are already flattened by the caller.
   *
   * @throws FhirImportException if anything is refused
   */
  ImportResult run(List<Located> input) {
    index(input);
    findPatient();
    if (patientResource != null) {
      for (Resource r : resources) {
        if (r != patientResource) {
          mapGuarded(r);
        }
      }
      mapStatements();
      checkPamLevels();
    }
    PatientCase result = null;
    if (!refused()) {
      result = assemble();
    }
    ImportReport finished = new ImportReport(inInputOrder());
    if (finished.refused()) {
      throw new FhirImportException(finished);
    }
    return new ImportResult(result, finished);
  }

  /** The report sorted by where each resource came in the input (stable within a resource). */
  private List<ImportReport.Entry> inInputOrder() {
    Map<String, Integer> position = new HashMap<>();
    for (Resource r : resources) {
      position.putIfAbsent(key(r), position.size());
    }
    List<ImportReport.Entry> sorted = new ArrayList<>(report);
    sorted.sort(Comparator.comparingInt(e -> position.getOrDefault(e.resource().replaceFirst("/_history/.*$", ""), -1)));
    return sorted;
  }

  // ------------------------------------------------------------------------------------------
  // Indexing and references

  private void index(List<Located> input) {
    for (Located located : input) {
      Resource r = located.resource();
      String key = key(r, located.fullUrl());
      if (located.fullUrl() != null && !located.fullUrl().isBlank()) {
        byFullUrl.putIfAbsent(located.fullUrl(), r);
      }
      if (r.getIdElement().hasIdPart()) {
        List<Resource> same = byTypeId.computeIfAbsent(typeId(r), k -> new ArrayList<>());
        Resource duplicate = null;
        for (Resource other : same) {
          if (version(other).equals(version(r))) {
            duplicate = other;
          }
        }
        if (duplicate != null) {
          if (duplicate.equalsDeep(r)) {
            ignore(key, type(r), "the same resource appears again (counted once)");
          } else {
            refuse(key, type(r), "two different resources have this id and version");
          }
          continue;
        }
        same.add(r);
      }
      resources.add(r);
    }
  }

  private static String type(Resource r) {
    return r.fhirType();
  }

  private static String typeId(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }

  private static String version(Resource r) {
    return r.getMeta().hasVersionId() ? r.getMeta().getVersionId() : "";
  }

  private static String key(Resource r) {
    return key(r, null);
  }

  private static String key(Resource r, String fullUrl) {
    if (r.getIdElement().hasIdPart()) {
      return typeId(r);
    }
    return fullUrl != null && !fullUrl.isBlank() ? fullUrl : r.fhirType() + "/(no id)";
  }

  /** The resource a reference names in this input, or null for a reference with no literal part. */
  private Resource resolve(Reference ref, String path) {
    if (ref == null || !ref.hasReference()) {
      return null;
    }
    String text = ref.getReference();
    if (text.startsWith("#")) {
      throw new Refusal(path, "contained resources are not supported");
    }
    Resource found = byFullUrl.get(text);
    if (found != null) {
      return found;
    }
    org.hl7.fhir.r4.model.IdType id = new org.hl7.fhir.r4.model.IdType(text);
    if (id.hasResourceType() && id.hasIdPart()) {
      List<Resource> versions = byTypeId.get(id.getResourceType() + "/" + id.getIdPart());
      if (versions != null) {
        if (id.hasVersionIdPart()) {
          for (Resource v : versions) {
            if (version(v).equals(id.getVersionIdPart())) {
              return v;
            }
          }
        } else {
          return latest(versions);
        }
      }
    }
    throw new Refusal(path, "refers to " + text + ", which is not in the bundle");
  }

  private static Resource latest(List<Resource> versions) {
    return versions.stream().max(Comparator.comparingLong(PersonImporter::versionNumber)).orElseThrow();
  }

  private static long versionNumber(Resource r) {
    try {
      return Long.parseLong(version(r));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Checks a subject or patient reference names the person. */
  private void requireSubject(Reference ref, String path) {
    if (ref == null || (!ref.hasReference() && !ref.hasIdentifier())) {
      throw new Refusal(path, "names no patient");
    }
    if (ref.hasReference()) {
      Resource r = resolve(ref, path);
      if (r != patientResource) {
        throw new Refusal(path, "refers to " + ref.getReference() + ", not to the bundle's Patient");
      }
      return;
    }
    Identifier id = ref.getIdentifier();
    if (!FhirCodes.NHS_NUMBER_SYSTEM.equals(id.getSystem())
        || !id.hasValue()
        || !nhsNumberOfPatient().equals(id.getValue().replace(" ", ""))) {
      throw new Refusal(path + ".identifier", "does not identify the bundle's Patient by NHS number");
    }
  }

  // ------------------------------------------------------------------------------------------
  // Report

  private void used(String resource, String path, String detail) {
    report.add(new ImportReport.Entry(resource, path, ImportOutcome.USED, detail));
  }

  private void ignore(String resource, String path, String detail) {
    report.add(new ImportReport.Entry(resource, path, ImportOutcome.IGNORED, detail));
  }

  private void refuse(String resource, String path, String detail) {
    report.add(new ImportReport.Entry(resource, path, ImportOutcome.REFUSED, detail));
  }

  private boolean refused() {
    return report.stream().anyMatch(e -> e.outcome() == ImportOutcome.REFUSED);
  }

  // ------------------------------------------------------------------------------------------
  // Patient

  private ImmutablePatient.Builder patient;
  /** The Patient's birth date once read: the date of a Condition that gives none. */
  private LocalDate birthDate;
  private String nhsDigits;

  private String nhsNumberOfPatient() {
    return nhsDigits == null ? "" : nhsDigits;
  }

  private void findPatient() {
    List<Resource> patients = resources.stream().filter(r -> r instanceof Patient).toList();
    if (patients.isEmpty()) {
      refuse("Bundle", "Bundle.entry", "holds no Patient");
      return;
    }
    if (patients.size() > 1) {
      refuse(key(patients.get(1)), "Patient", "a second Patient: an import is about one person ("
          + key(patients.get(0)) + " came first)");
      return;
    }
    patientResource = (Patient) patients.get(0);
    String key = key(patientResource);
    try {
      mapPatient(patientResource, key);
    } catch (Refusal r) {
      refuse(key, r.path, r.getMessage());
    } catch (ModelValidationException e) {
      refuse(key, "Patient", e.getMessage());
    }
  }

  private void mapPatient(Patient p, String key) {
    patient = uk.nhs.carecoord.model.Patient.builder();
    if (!p.getIdElement().hasIdPart()) {
      throw new Refusal("Patient.id", "the Patient needs an id");
    }
    patient.id(p.getIdElement().getIdPart());
    used(key, "Patient.id", "patient.id");
    NhsNumber nhs = null;
    for (int i = 0; i < p.getIdentifier().size(); i++) {
      Identifier id = p.getIdentifier().get(i);
      if (FhirCodes.NHS_NUMBER_SYSTEM.equals(id.getSystem())) {
        String path = "Patient.identifier[" + i + "].value";
        NhsNumber parsed;
        try {
          parsed = NhsNumber.of(id.getValue());
        } catch (ModelValidationException e) {
          throw new Refusal(path, "NHS number " + e.getMessage().replaceFirst("^nhsNumber:? ?", ""));
        }
        if (nhs != null && !nhs.equals(parsed)) {
          throw new Refusal(path, "a second, different NHS number");
        }
        nhs = parsed;
        used(key, path, "patient.nhsNumber");
      }
    }
    if (nhs == null) {
      throw new Refusal("Patient.identifier", "no NHS number (system " + FhirCodes.NHS_NUMBER_SYSTEM + ")");
    }
    nhsDigits = nhs.digits();
    patient.nhsNumber(nhs);
    if (!p.hasBirthDate()) {
      throw new Refusal("Patient.birthDate", "is required");
    }
    birthDate = date(p.getBirthDateElement());
    patient.dateOfBirth(birthDate);
    used(key, "Patient.birthDate", "patient.dateOfBirth");
    if (p.hasGender()) {
      patient.sex(Sex.fromCode(p.getGender().toCode()));
      used(key, "Patient.gender", "patient.sex");
    } else {
      patient.sex(Sex.UNKNOWN);
      used(key, "Patient.gender", "absent: patient.sex unknown");
    }
    patient.practiceCode(practiceCode(p, key));
    mapCommunication(p, key);
    if (p.hasName() || p.hasAddress() || p.hasTelecom()) {
      ignore(key, "Patient.name|address|telecom", "the case holds no names or contact details");
    }
    if (p.hasDeceased()) {
      ignore(key, "Patient.deceased[x]", "not used by the rules");
    }
  }

  private String practiceCode(Patient p, String key) {
    for (int i = 0; i < p.getGeneralPractitioner().size(); i++) {
      Reference gp = p.getGeneralPractitioner().get(i);
      String path = "Patient.generalPractitioner[" + i + "]";
      if (gp.hasIdentifier() && FhirCodes.ODS_SYSTEM.equals(gp.getIdentifier().getSystem())
          && gp.getIdentifier().hasValue()) {
        used(key, path + ".identifier", "patient.practiceCode");
        return gp.getIdentifier().getValue();
      }
      if (gp.hasReference()) {
        Resource r = resolve(gp, path);
        if (r instanceof Organization org) {
          for (Identifier id : org.getIdentifier()) {
            if (FhirCodes.ODS_SYSTEM.equals(id.getSystem()) && id.hasValue()) {
              used(key, path, "patient.practiceCode, from " + key(org));
              used(key(org), "Organization.identifier", "the registered practice's ODS code");
              return id.getValue();
            }
          }
        }
      }
    }
    throw new Refusal("Patient.generalPractitioner", "no registered practice with an ODS code ("
        + FhirCodes.ODS_SYSTEM + ")");
  }

  private void mapCommunication(Patient p, String key) {
    Optional<String> language = Optional.empty();
    boolean interpreter = false;
    for (int i = 0; i < p.getCommunication().size(); i++) {
      Patient.PatientCommunicationComponent c = p.getCommunication().get(i);
      String path = "Patient.communication[" + i + "]";
      String code = c.getLanguage().getCoding().stream()
          .filter(x -> BCP47.equals(x.getSystem()) && x.hasCode()).map(Coding::getCode).findFirst().orElse(null);
      String name = c.getLanguage().hasText() ? c.getLanguage().getText()
          : c.getLanguage().getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst()
              .orElse(code);
      if (name == null) {
        ignore(key, path + ".language", "no language code or text");
        continue;
      }
      if (code != null && code.toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
        ignore(key, path + ".language", "English: the model records only a language other than English");
      } else if (language.isEmpty() || (c.hasPreferred() && c.getPreferred())) {
        language = Optional.of(name);
        used(key, path + ".language", "patient.preferredLanguage");
      } else {
        ignore(key, path + ".language", "not the preferred language");
      }
      Extension uk = c.getExtensionByUrl(EXT_UK_NHS_COMMUNICATION);
      if (uk != null) {
        Extension req = uk.getExtensionByUrl("interpreterRequired");
        if (req != null && req.getValue() instanceof BooleanType b && b.booleanValue()) {
          interpreter = true;
          communicationNeeds.add(bsl(code) ? CommunicationNeed.BSL_INTERPRETER : CommunicationNeed.INTERPRETER);
          used(key, path + ".extension", "patient.communicationNeeds: interpreter");
        }
      }
    }
    language.ifPresent(patient::preferredLanguage);
    Extension ext = p.getExtensionByUrl(EXT_INTERPRETER);
    if (ext != null && ext.getValue() instanceof BooleanType b && b.booleanValue() && !interpreter) {
      String code = p.getCommunication().stream().flatMap(c -> c.getLanguage().getCoding().stream())
          .map(Coding::getCode).filter(PersonImporter::bsl).findFirst().orElse(null);
      communicationNeeds.add(code != null ? CommunicationNeed.BSL_INTERPRETER : CommunicationNeed.INTERPRETER);
      used(key, "Patient.extension(patient-interpreterRequired)", "patient.communicationNeeds: interpreter");
    }
  }

  private static boolean bsl(String code) {
    return code != null && (code.equalsIgnoreCase("bfi") || code.equalsIgnoreCase("sgn-GB"));
  }

  // ------------------------------------------------------------------------------------------
  // Other resources

  private void mapGuarded(Resource r) {
    String key = key(r);
    try {
      map(r, key);
    } catch (Refusal e) {
      refuse(key, e.path, e.getMessage());
    } catch (ModelValidationException e) {
      refuse(key, r.fhirType(), e.getMessage());
    }
  }

  private void map(Resource r, String key) {
    if (r instanceof Condition c) {
      mapCondition(c, key);
    } else if (r instanceof Observation o) {
      mapObservation(o, key);
    } else if (r instanceof Flag f) {
      mapFlag(f, key);
    } else if (r instanceof RelatedPerson rp) {
      mapRelatedPerson(rp, key);
    } else if (r instanceof Encounter e) {
      mapEncounter(e, key);
    } else if (r instanceof MedicationRequest m) {
      mapMedicationRequest(m, key);
    } else if (r instanceof MedicationStatement m) {
      statements.add(m);
    } else if (r instanceof ServiceRequest s) {
      mapServiceRequest(s, key);
    } else if (r instanceof Consent c) {
      mapConsent(c, key);
    } else if (r instanceof CarePlan cp) {
      requireSubject(cp.getSubject(), "CarePlan.subject");
      carePlans.add(cp);
    } else if (r instanceof org.hl7.fhir.r4.model.Goal || r instanceof CareTeam) {
      // Read through the care plan that refers to them; reported there or at the end.
      pendingPlanParts.add(r);
    } else if (r instanceof Organization) {
      if (report.stream().noneMatch(e -> e.resource().equals(key))) {
        ignore(key, "Organization", "not the registered practice; organisations are not used otherwise");
      }
    } else if (r instanceof org.hl7.fhir.r4.model.Composition) {
      ignore(key, "Composition", "the document's header: its entries are read directly");
    } else if (r instanceof org.hl7.fhir.r4.model.OperationOutcome) {
      ignore(key, "OperationOutcome", "a search outcome, not about the person");
    } else {
      ignore(key, r.fhirType(), "resource type not used by the rules");
    }
  }

  private final List<Resource> pendingPlanParts = new ArrayList<>();

  private void mapCondition(Condition c, String key) {
    requireSubject(c.getSubject(), "Condition.subject");
    Coding snomed = snomedCoding(c.getCode(), "Condition.code");
    if (c.hasVerificationStatus()) {
      String v = code(c.getVerificationStatus(), CONDITION_VERIFICATION);
      if ("entered-in-error".equals(v)) {
        ignore(key, "Condition.verificationStatus", "entered in error");
        return;
      }
      if ("refuted".equals(v)) {
        ignore(key, "Condition.verificationStatus", "refuted");
        return;
      }
    }
    CodedEntryStatus status = CodedEntryStatus.ACTIVE;
    if (c.hasClinicalStatus()) {
      String s = code(c.getClinicalStatus(), CONDITION_CLINICAL);
      status = switch (s == null ? "" : s) {
        case "active", "recurrence", "relapse" -> CodedEntryStatus.ACTIVE;
        case "inactive", "remission" -> CodedEntryStatus.INACTIVE;
        case "resolved" -> CodedEntryStatus.RESOLVED;
        default -> throw new Refusal("Condition.clinicalStatus", "unknown clinical status '" + s + "'");
      };
    }
    LocalDate on;
    String datePath;
    if (c.hasOnsetDateTimeType()) {
      on = date(c.getOnsetDateTimeType());
      datePath = "Condition.onsetDateTime";
    } else if (c.hasOnsetPeriod() && c.getOnsetPeriod().hasStart()) {
      on = date(c.getOnsetPeriod().getStartElement());
      datePath = "Condition.onsetPeriod.start";
    } else if (c.hasRecordedDate()) {
      on = date(c.getRecordedDateElement());
      datePath = "Condition.recordedDate";
    } else if (birthDate != null) {
      // Neither element is required in FHIR. Present since an unknown date: dated at birth, so the
      // condition counts but is never recent (as the model reads an undated condition).
      on = birthDate;
      datePath = "Condition (no onset or recorded date: dated at the birth date, never recent)";
    } else {
      throw new Refusal("Condition.recordedDate", "needs an onset or recorded date when the Patient has no birth date");
    }
    codedEntries.add(CodedEntry.builder()
        .snomedCode(snomed.getCode())
        .display(Optional.ofNullable(blankToNull(snomed.getDisplay())))
        .recordedOn(on)
        .status(status)
        .id(c.getIdElement().getIdPart())
        .build());
    used(key, "Condition.code", "patient.codedEntries (" + status.name().toLowerCase(java.util.Locale.ROOT) + ")");
    used(key, datePath, "codedEntries.recordedOn");
  }

  private void mapObservation(Observation o, String key) {
    requireSubject(o.getSubject(), "Observation.subject");
    String status = o.hasStatus() ? o.getStatus().toCode() : "";
    if (status.equals("entered-in-error") || status.equals("cancelled")) {
      ignore(key, "Observation.status", status.equals("cancelled") ? "cancelled" : "entered in error");
      return;
    }
    if (status.equals("registered")) {
      ignore(key, "Observation.status", "registered: no result yet");
      return;
    }
    CodeableConcept code = o.getCode();
    Optional<LocalDate> effective = effective(o);
    if (matches(code, codes.pamScore(), PAM_SCORE)) {
      double score = number(o, "Observation", Set.of("{score}", "1", "score", ""));
      if (Double.isNaN(score) || score < 0 || score > 100) {
        throw new Refusal(valuePath(o), "a PAM score must be 0 to 100, was " + score);
      }
      LocalDate on = effective.orElseThrow(() -> new Refusal("Observation.effective[x]", "a PAM score needs its date"));
      PamAssessment existing = pamByDate.get(on);
      if (existing != null) {
        if (existing.score() == score) {
          ignore(key, "Observation", "the same PAM score on the same date as " + pamSource.get(on));
          return;
        }
        throw new Refusal("Observation.effective[x]", "a second, different PAM score on " + on + " (first in "
            + pamSource.get(on) + ")");
      }
      pamByDate.put(on, PamAssessment.of(score, on));
      pamSource.put(on, key);
      used(key, valuePath(o), "pamAssessments.score");
      return;
    }
    if (matches(code, codes.pamLevel(), PAM_LEVEL)) {
      double level = number(o, "Observation", Set.of("{level}", "{score}", "1", ""));
      if (level != Math.rint(level) || level < 1 || level > 4) {
        throw new Refusal(valuePath(o), "a PAM level must be 1 to 4, was " + level);
      }
      LocalDate on = effective.orElseThrow(() -> new Refusal("Observation.effective[x]", "a PAM level needs its date"));
      pamLevels.add(new Object[] {key, on, (int) level, valuePath(o)});
      return;
    }
    if (matches(code, codes.clinicalFrailtyScale(), CFS)) {
      double value = number(o, "Observation", Set.of("{score}", "1", "score", ""));
      if (value != Math.rint(value) || value < 1 || value > 9) {
        throw new Refusal(valuePath(o), "a Clinical Frailty Scale score must be a whole number 1 to 9, was " + value);
      }
      cfs.add(new Dated<>(effective, (int) value, key));
      return;
    }
    if (matches(code, codes.electronicFrailtyIndex(), EFI)) {
      efi.add(new Dated<>(effective, efiCategory(o), key));
      return;
    }
    Coding snomed = snomedCodingOrNull(code, "Observation.code");
    if (snomed == null) {
      ignore(key, "Observation.code", "a LOINC-coded observation: not used by the rules");
      return;
    }
    LocalDate on = effective.orElseGet(() -> o.hasIssued()
        ? o.getIssued().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() : null);
    if (on == null) {
      throw new Refusal("Observation.effective[x]", "a coded observation needs its date (effective or issued)");
    }
    codedEntries.add(CodedEntry.builder()
        .snomedCode(snomed.getCode())
        .display(Optional.ofNullable(blankToNull(snomed.getDisplay())))
        .recordedOn(on)
        .id(o.getIdElement().getIdPart())
        .build());
    used(key, "Observation.code", "patient.codedEntries (active)");
    if (o.hasValue()) {
      ignore(key, valuePath(o), "the value of a coded finding is not used");
    }
  }

  private EfiCategory efiCategory(Observation o) {
    if (o.hasValueCodeableConcept()) {
      for (Coding c : o.getValueCodeableConcept().getCoding()) {
        if (FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem()) && c.hasCode() && c.getCode().startsWith(EFI_CATEGORY_PREFIX)) {
          EfiCategory cat = fromKebab(EfiCategory.class, c.getCode().substring(EFI_CATEGORY_PREFIX.length()));
          if (cat != null) {
            return cat;
          }
        }
        if (FhirCodes.SNOMED.equals(c.getSystem()) && EFI_CATEGORY_SNOMED.containsKey(c.getCode())) {
          return EFI_CATEGORY_SNOMED.get(c.getCode());
        }
      }
      throw new Refusal("Observation.valueCodeableConcept", "no recognised eFI category code");
    }
    double index = number(o, "Observation", Set.of("1", "{ratio}", "{index}", ""));
    if (Double.isNaN(index) || index < 0 || index > 1) {
      throw new Refusal(valuePath(o), "an electronic frailty index must be 0 to 1, was " + index);
    }
    // Categories per the eFI guidance: fit to 0.12, mild to 0.24, moderate to 0.36, severe above.
    if (index <= 0.12) {
      return EfiCategory.FIT;
    } else if (index <= 0.24) {
      return EfiCategory.MILD;
    } else if (index <= 0.36) {
      return EfiCategory.MODERATE;
    }
    return EfiCategory.SEVERE;
  }

  private static String valuePath(Observation o) {
    if (o.hasValueQuantity()) {
      return "Observation.valueQuantity.value";
    }
    if (o.hasValueIntegerType()) {
      return "Observation.valueInteger";
    }
    if (o.hasValueCodeableConcept()) {
      return "Observation.valueCodeableConcept";
    }
    return "Observation.value[x]";
  }

  /** A numeric value (valueQuantity with an accepted unit, or valueInteger). */
  private static double number(Observation o, String type, Set<String> units) {
    Type v = o.getValue();
    if (v instanceof IntegerType i) {
      return i.getValue();
    }
    if (v instanceof Quantity q) {
      String unit = q.hasCode() ? q.getCode() : q.hasUnit() ? q.getUnit() : "";
      if (!units.contains(unit)) {
        throw new Refusal(q.hasCode() ? type + ".valueQuantity.code" : type + ".valueQuantity.unit",
            "unit must be one of " + new java.util.TreeSet<>(units).toString().replace(", ]", "]")
                + ", was '" + unit + "'");
      }
      if (!q.hasValue()) {
        throw new Refusal(type + ".valueQuantity.value", "is required");
      }
      return q.getValue().doubleValue();
    }
    throw new Refusal(type + ".value[x]", "needs a valueQuantity or valueInteger");
  }

  private static Optional<LocalDate> effective(Observation o) {
    if (o.hasEffectiveDateTimeType()) {
      return Optional.of(date(o.getEffectiveDateTimeType()));
    }
    if (o.hasEffectivePeriod() && o.getEffectivePeriod().hasStart()) {
      return Optional.of(date(o.getEffectivePeriod().getStartElement()));
    }
    if (o.hasEffectiveInstantType()) {
      return Optional.of(o.getEffectiveInstantType().getValue().toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
    }
    return Optional.empty();
  }

  private void checkPamLevels() {
    for (Object[] l : pamLevels) {
      String key = (String) l[0];
      LocalDate on = (LocalDate) l[1];
      int level = (Integer) l[2];
      PamAssessment score = pamByDate.get(on);
      if (score == null) {
        ignore(key, (String) l[3], "a PAM level without a score on the same date: the case holds scores");
      } else if (score.level().number() != level) {
        refuse(key, (String) l[3], "PAM level " + level + " disagrees with the score " + score.score()
            + " on " + on + " (level " + score.level().number() + ")");
      } else {
        used(key, (String) l[3], "confirms the level of the PAM score on " + on);
      }
    }
  }

  private void mapFlag(Flag f, String key) {
    requireSubject(f.getSubject(), "Flag.subject");
    String status = f.hasStatus() ? f.getStatus().toCode() : "";
    if (!status.equals("active")) {
      ignore(key, "Flag.status", status.isEmpty() ? "no status" : status + ": not current");
      return;
    }
    if (f.hasPeriod() && f.getPeriod().hasEnd() && date(f.getPeriod().getEndElement()).isBefore(asOf)) {
      ignore(key, "Flag.period.end", "ended before the reference date");
      return;
    }
    for (Coding c : f.getCode().getCoding()) {
      if (FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem()) && c.hasCode()) {
        if (c.getCode().startsWith(FLAG_PREFIX)) {
          ClinicalFlag flag = fromKebab(ClinicalFlag.class, c.getCode().substring(FLAG_PREFIX.length()));
          if (flag != null) {
            flags.add(flag);
            used(key, "Flag.code", "patient.flags: " + flag);
            return;
          }
        }
        if (c.getCode().startsWith(COMMUNICATION_PREFIX)) {
          CommunicationNeed need =
              fromKebab(CommunicationNeed.class, c.getCode().substring(COMMUNICATION_PREFIX.length()));
          if (need != null) {
            communicationNeeds.add(need);
            used(key, "Flag.code", "patient.communicationNeeds: " + need);
            return;
          }
        }
      }
    }
    Coding snomed = snomedCodingOrNull(f.getCode(), "Flag.code");
    if (snomed != null && codes.flags().containsKey(snomed.getCode())) {
      ClinicalFlag flag = codes.flags().get(snomed.getCode());
      flags.add(flag);
      used(key, "Flag.code", "patient.flags: " + flag);
      return;
    }
    ignore(key, "Flag.code", "no recognised flag code (safeguarding and other alerts are not read from flags)");
  }

  private void mapRelatedPerson(RelatedPerson rp, String key) {
    requireSubject(rp.getPatient(), "RelatedPerson.patient");
    if (rp.hasActive() && !rp.getActive()) {
      ignore(key, "RelatedPerson.active", "no longer active");
      return;
    }
    CarerRelationship relationship = null;
    boolean main = false;
    for (int i = 0; i < rp.getRelationship().size(); i++) {
      for (Coding c : rp.getRelationship().get(i).getCoding()) {
        if (ROLE_CODE.equals(c.getSystem()) && ROLE_CODES.containsKey(c.getCode()) && relationship == null) {
          relationship = ROLE_CODES.get(c.getCode());
        } else if (FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem()) && PAID_CARER.equals(c.getCode())) {
          relationship = CarerRelationship.PAID_CARER;
        } else if (FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem()) && MAIN_CARER.equals(c.getCode())) {
          main = true;
        }
      }
    }
    if (relationship == null) {
      relationship = CarerRelationship.OTHER_FAMILY;
      used(key, "RelatedPerson.relationship", "no recognised relationship: carers.relationship other family");
    } else {
      used(key, "RelatedPerson.relationship", "carers.relationship " + relationship);
    }
    Set<CarerNeed> needs = EnumSet.noneOf(CarerNeed.class);
    for (Extension e : rp.getExtensionsByUrl(EXT_CARER_NEED)) {
      String code = e.getValue() == null ? null : e.getValue().primitiveValue();
      CarerNeed need = code == null ? null : fromKebab(CarerNeed.class, code);
      if (need == null) {
        throw new Refusal("RelatedPerson.extension(carer-need)", "unknown carer need '" + code + "'");
      }
      needs.add(need);
    }
    carers.add(Carer.builder().id(rp.getIdElement().getIdPart()).relationship(relationship).mainCarer(main)
        .ownNeeds(needs).build());
    used(key, "RelatedPerson", "patient.carers" + (main ? " (main carer)" : ""));
  }

  private void mapEncounter(Encounter e, String key) {
    requireSubject(e.getSubject(), "Encounter.subject");
    String status = e.hasStatus() ? e.getStatus().toCode() : "";
    if (!Set.of("finished", "arrived", "triaged", "in-progress", "onleave").contains(status)) {
      ignore(key, "Encounter.status", (status.isEmpty() ? "no status" : status) + ": not an encounter that took place");
      return;
    }
    if (!e.hasPeriod() || !e.getPeriod().hasStart()) {
      throw new Refusal("Encounter.period.start", "needs a start to count in the last 12 months");
    }
    LocalDate start = date(e.getPeriod().getStartElement());
    if (start.isAfter(asOf)) {
      ignore(key, "Encounter.period.start", "after the reference date");
      return;
    }
    if (!start.isAfter(asOf.minusYears(1))) {
      ignore(key, "Encounter.period.start", "outside the look-back of 12 months");
      return;
    }
    String cls = e.hasClass_() ? e.getClass_().getCode() : "";
    boolean emergency = e.hasPriority() && e.getPriority().getCoding().stream()
        .anyMatch(c -> ACT_PRIORITY.equals(c.getSystem()) && ("EM".equals(c.getCode()) || "UR".equals(c.getCode())));
    switch (cls) {
      case "EMER" -> {
        aeAttendances++;
        used(key, "Encounter.class", "serviceUse.aeAttendances");
      }
      case "IMP", "ACUTE", "NONAC" -> {
        if (emergency) {
          emergencyAdmissions++;
          used(key, "Encounter.priority", "serviceUse.emergencyAdmissions");
        } else {
          ignore(key, "Encounter.priority", "an elective admission: not counted");
        }
      }
      case "AMB", "VR", "HH" -> {
        gpAppointments++;
        used(key, "Encounter.class", "serviceUse.gpAppointments");
      }
      default -> ignore(key, "Encounter.class", "class '" + cls + "' is not counted");
    }
  }

  private void mapMedicationRequest(MedicationRequest m, String key) {
    requireSubject(m.getSubject(), "MedicationRequest.subject");
    String status = m.hasStatus() ? m.getStatus().toCode() : "";
    if (!status.equals("active")) {
      ignore(key, "MedicationRequest.status", (status.isEmpty() ? "no status" : status) + ": not current");
      return;
    }
    boolean repeat = m.hasExtension(EXT_UK_REPEAT) || m.getCourseOfTherapyType().getCoding().stream()
        .anyMatch(c -> COURSE_OF_THERAPY.equals(c.getSystem()) && "continuous".equals(c.getCode()));
    if (!repeat) {
      ignore(key, "MedicationRequest.courseOfTherapyType", "not a repeat (continuous) medicine");
      return;
    }
    repeats++;
    countedRequests.add(typeId(m));
    used(key, "MedicationRequest", "patient.repeatMedicines (a current repeat)");
  }

  private void mapStatements() {
    for (MedicationStatement m : statements) {
      String key = key(m);
      try {
        requireSubject(m.getSubject(), "MedicationStatement.subject");
        String status = m.hasStatus() ? m.getStatus().toCode() : "";
        if (!status.equals("active")) {
          ignore(key, "MedicationStatement.status", (status.isEmpty() ? "no status" : status) + ": not current");
          continue;
        }
        boolean counted = false;
        for (int i = 0; i < m.getBasedOn().size(); i++) {
          Reference ref = m.getBasedOn().get(i);
          if (ref.hasReference()) {
            Resource r = resolve(ref, "MedicationStatement.basedOn[" + i + "]");
            counted |= r instanceof MedicationRequest && countedRequests.contains(typeId(r));
          }
        }
        if (counted) {
          ignore(key, "MedicationStatement.basedOn", "already counted through its MedicationRequest");
        } else {
          repeats++;
          used(key, "MedicationStatement", "patient.repeatMedicines (a current medicine with no request in the bundle)");
        }
      } catch (Refusal e) {
        refuse(key, e.path, e.getMessage());
      }
    }
  }

  private void mapServiceRequest(ServiceRequest s, String key) {
    requireSubject(s.getSubject(), "ServiceRequest.subject");
    String status = s.hasStatus() ? s.getStatus().toCode() : "";
    if (status.equals("entered-in-error")) {
      ignore(key, "ServiceRequest.status", "entered in error");
      return;
    }
    if (status.equals("draft") || status.equals("unknown") || status.isEmpty()) {
      ignore(key, "ServiceRequest.status", (status.isEmpty() ? "no status" : status) + ": not a referral made");
      return;
    }
    ServiceType service = null;
    for (Coding c : s.getCode().getCoding()) {
      if (FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem()) && c.hasCode() && c.getCode().startsWith(REFERRAL_PREFIX)) {
        service = fromKebab(ServiceType.class, c.getCode().substring(REFERRAL_PREFIX.length()));
      }
    }
    if (service == null) {
      Coding snomed = snomedCodingOrNull(s.getCode(), "ServiceRequest.code");
      service = snomed == null ? null : codes.referrals().get(snomed.getCode());
    }
    if (service == null) {
      ignore(key, "ServiceRequest.code", "not a referral to a service the co-ordinator tracks");
      return;
    }
    if (!s.hasAuthoredOn()) {
      throw new Refusal("ServiceRequest.authoredOn", "a referral needs the date it was made");
    }
    ReferralStatus rs = switch (status) {
      case "active", "on-hold" -> ReferralStatus.REQUESTED;
      case "completed" -> ReferralStatus.COMPLETED;
      case "revoked" -> ReferralStatus.CANCELLED;
      default -> throw new Refusal("ServiceRequest.status", "unknown status '" + status + "'");
    };
    Extension ext = s.getExtensionByUrl(EXT_REFERRAL_STATUS);
    if (ext != null) {
      String code = ext.getValue() == null ? null : ext.getValue().primitiveValue();
      ReferralStatus refined = code == null ? null : fromKebab(ReferralStatus.class, code);
      if (refined == null) {
        throw new Refusal("ServiceRequest.extension(referral-status)", "unknown referral status '" + code + "'");
      }
      rs = refined;
    }
    Optional<String> agency = s.getPerformer().stream().filter(Reference::hasDisplay).map(Reference::getDisplay)
        .findFirst();
    referrals.add(uk.nhs.carecoord.model.Referral.builder()
        .id(s.getIdElement().getIdPart())
        .referredOn(date(s.getAuthoredOnElement()))
        .service(service)
        .agencyName(agency)
        .status(rs)
        .build());
    used(key, "ServiceRequest", "referrals (" + service + ", " + rs + ")");
  }

  private void mapConsent(Consent c, String key) {
    requireSubject(c.getPatient(), "Consent.patient");
    boolean ours = c.getCategory().stream().flatMap(x -> x.getCoding().stream())
        .anyMatch(x -> FhirCodes.CARECOORD_SYSTEM.equals(x.getSystem()) && PCSP_CONSENT.equals(x.getCode()));
    if (!ours) {
      ignore(key, "Consent.category", "not consent to personalised care and support planning");
      return;
    }
    String status = c.hasStatus() ? c.getStatus().toCode() : "";
    if (!status.equals("active") && !status.equals("rejected")) {
      ignore(key, "Consent.status", (status.isEmpty() ? "no status" : status) + ": not in force");
      return;
    }
    if (!c.hasDateTime()) {
      throw new Refusal("Consent.dateTime", "needs the date consent was given or declined");
    }
    ConsentStatus value;
    if (status.equals("rejected")) {
      value = ConsentStatus.DECLINED;
    } else if (c.hasProvision() && c.getProvision().hasType()) {
      value = c.getProvision().getType() == Consent.ConsentProvisionType.DENY ? ConsentStatus.DECLINED
          : ConsentStatus.GIVEN;
    } else {
      value = ConsentStatus.GIVEN;
    }
    consents.add(new Dated<>(Optional.of(date(c.getDateTimeElement())), value, key));
  }

  // ------------------------------------------------------------------------------------------
  // Care plan

  private Optional<PersonalisedCarePlan> plan() {
    if (carePlans.isEmpty()) {
      for (Resource r : pendingPlanParts) {
        ignore(key(r), r.fhirType(), "not part of a care plan in the bundle");
      }
      return Optional.empty();
    }
    Map<String, List<CarePlan>> byId = new LinkedHashMap<>();
    for (CarePlan cp : carePlans) {
      byId.computeIfAbsent(cp.getIdElement().getIdPart(), k -> new ArrayList<>()).add(cp);
    }
    if (byId.size() > 1) {
      Map<String, List<CarePlan>> pcsp = new LinkedHashMap<>();
      byId.forEach((id, versions) -> {
        if (versions.stream().anyMatch(this::isPcsp)) {
          pcsp.put(id, versions);
        } else {
          versions.forEach(v -> ignore(key(v), "CarePlan.category", "not a personalised care and support plan"));
        }
      });
      byId = pcsp;
      if (byId.size() > 1) {
        List<String> ids = new ArrayList<>(byId.keySet());
        refuse("CarePlan/" + ids.get(1), "CarePlan", "a second personalised care and support plan (CarePlan/"
            + ids.get(0) + " came first): the case holds one");
        return Optional.empty();
      }
      if (byId.isEmpty()) {
        return Optional.empty();
      }
    }
    String planId = byId.keySet().iterator().next();
    List<CarePlan> versions = new ArrayList<>(byId.get(planId));
    versions.sort(Comparator.comparingLong(PersonImporter::versionNumber));
    var plan = PersonalisedCarePlan.builder().id(planId);
    java.util.Set<Resource> usedParts = new java.util.HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      CarePlan cp = versions.get(i);
      String key = key(cp) + (cp.getMeta().hasVersionId() ? "/_history/" + cp.getMeta().getVersionId() : "");
      try {
        plan.addVersions(version(cp, i + 1, key, usedParts));
      } catch (Refusal e) {
        refuse(key, e.path, e.getMessage());
      } catch (ModelValidationException e) {
        refuse(key, "CarePlan", e.getMessage());
      }
    }
    for (Resource r : pendingPlanParts) {
      if (!usedParts.contains(r)) {
        ignore(key(r), r.fhirType(), "not referred to by the care plan");
      }
    }
    if (refused()) {
      return Optional.empty();
    }
    try {
      return Optional.of(plan.build());
    } catch (ModelValidationException e) {
      refuse("CarePlan/" + planId, "CarePlan.meta.versionId", e.getMessage());
      return Optional.empty();
    }
  }

  private boolean isPcsp(CarePlan cp) {
    return cp.getCategory().stream().flatMap(c -> c.getCoding().stream())
        .anyMatch(c -> (FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem()) && PCSP.equals(c.getCode()))
            || (FhirCodes.SNOMED.equals(c.getSystem()) && codes.carePlanCategory().contains(c.getCode())));
  }

  private PlanVersion version(CarePlan cp, int number, String key, Set<Resource> usedParts) {
    LocalDate recorded;
    if (cp.hasCreated()) {
      recorded = date(cp.getCreatedElement());
    } else if (cp.getMeta().hasLastUpdated()) {
      recorded = cp.getMeta().getLastUpdated().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    } else {
      throw new Refusal("CarePlan.created", "a care plan version needs the date it was recorded");
    }
    var version = PlanVersion.builder().number(number).recordedOn(recorded);
    Extension reason = cp.getExtensionByUrl(EXT_AMENDMENT_REASON);
    if (reason != null && reason.getValue() instanceof StringType s && s.hasValue()) {
      version.amendmentReason(s.getValue());
      used(key, "CarePlan.extension(amendment-reason)", "plan.versions.amendmentReason");
    } else if (number > 1) {
      version.amendmentReason("Amended (no reason recorded)");
      used(key, "CarePlan.meta.versionId", "an amendment with no reason recorded");
    }
    var content = PlanContent.builder();
    if (!cp.hasStatus()) {
      throw new Refusal("CarePlan.status", "is required");
    }
    content.status(CarePlanStatus.fromCode(cp.getStatus().toCode()));
    List<String> notes = cp.getNote().stream().filter(Annotation::hasText).map(Annotation::getText).toList();
    if (!notes.isEmpty()) {
      content.whatMattersToMe(String.join("\n\n", notes));
      used(key, "CarePlan.note", "plan.whatMattersToMe");
    } else if (cp.hasDescription()) {
      content.whatMattersToMe(cp.getDescription());
      used(key, "CarePlan.description", "plan.whatMattersToMe");
    } else {
      throw new Refusal("CarePlan.note", "needs what matters to the person (a note or the description)");
    }
    if (cp.hasPeriod() && cp.getPeriod().hasStart()) {
      content.agreedOn(date(cp.getPeriod().getStartElement()));
    }
    if (cp.hasPeriod() && cp.getPeriod().hasEnd()) {
      content.nextReviewOn(date(cp.getPeriod().getEndElement()));
    }
    Extension shared = cp.getExtensionByUrl(EXT_SHARED_WITH_PATIENT);
    if (shared != null && shared.getValue() instanceof BooleanType b) {
      content.sharedWithPatient(b.booleanValue());
    }
    Map<Resource, String> goalIds = new HashMap<>();
    for (int i = 0; i < cp.getGoal().size(); i++) {
      String path = "CarePlan.goal[" + i + "]";
      Resource r = resolve(cp.getGoal().get(i), path);
      if (!(r instanceof org.hl7.fhir.r4.model.Goal g)) {
        throw new Refusal(path, "does not refer to a Goal");
      }
      usedParts.add(g);
      content.addGoals(goal(g));
      goalIds.put(g, g.getIdElement().getIdPart());
      used(key(g), "Goal", "plan goals (version " + number + ")");
    }
    for (int i = 0; i < cp.getActivity().size(); i++) {
      content.addActions(action(cp.getActivity().get(i), i, goalIds));
    }
    for (int i = 0; i < cp.getCareTeam().size(); i++) {
      String path = "CarePlan.careTeam[" + i + "]";
      Resource r = resolve(cp.getCareTeam().get(i), path);
      if (!(r instanceof CareTeam team)) {
        throw new Refusal(path, "does not refer to a CareTeam");
      }
      usedParts.add(team);
      for (int j = 0; j < team.getParticipant().size(); j++) {
        content.addSupportContacts(contact(team.getParticipant().get(j), j, key(team)));
      }
      used(key(team), "CareTeam.participant", "plan supportContacts (version " + number + ")");
    }
    used(key, "CarePlan", "plan version " + number);
    return version.content(content.build()).build();
  }

  private Goal goal(org.hl7.fhir.r4.model.Goal g) {
    String key = key(g);
    try {
      var b = Goal.builder().id(g.getIdElement().getIdPart());
      String text = g.getDescription().hasText() ? g.getDescription().getText()
          : g.getDescription().getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst()
              .orElseThrow(() -> new Refusal("Goal.description", "needs text"));
      b.description(text);
      if (!g.hasLifecycleStatus()) {
        throw new Refusal("Goal.lifecycleStatus", "is required");
      }
      b.lifecycleStatus(GoalLifecycleStatus.fromCode(g.getLifecycleStatus().toCode()));
      for (Coding c : g.getAchievementStatus().getCoding()) {
        if (GOAL_ACHIEVEMENT.equals(c.getSystem())) {
          b.achievementStatus(GoalAchievementStatus.fromCode(c.getCode()));
        }
      }
      if (g.hasStartDateType()) {
        b.startOn(date(g.getStartDateType()));
      }
      if (g.hasTarget() && g.getTargetFirstRep().hasDueDateType()) {
        b.targetOn(date(g.getTargetFirstRep().getDueDateType()));
      }
      if (g.hasStatusDate()) {
        b.statusChangedOn(date(g.getStatusDateElement()));
      }
      return b.build();
    } catch (ModelValidationException e) {
      throw new Refusal("Goal", key + ": " + e.getMessage());
    } catch (Refusal e) {
      throw new Refusal(e.path, key + ": " + e.getMessage());
    }
  }

  private PlanAction action(CarePlan.CarePlanActivityComponent a, int i, Map<Resource, String> goalIds) {
    String path = "CarePlan.activity[" + i + "]";
    if (!a.hasDetail()) {
      throw new Refusal(path + ".detail", "an activity needs its detail (a reference alone is not read)");
    }
    CarePlan.CarePlanActivityDetailComponent d = a.getDetail();
    var b = PlanAction.builder().id(a.hasId() ? a.getId() : "activity-" + (i + 1));
    if (!d.hasDescription()) {
      throw new Refusal(path + ".detail.description", "is required");
    }
    b.description(d.getDescription());
    if (d.getPerformer().isEmpty()) {
      throw new Refusal(path + ".detail.performer", "an action needs who does it");
    }
    b.owner(owner(d.getPerformerFirstRep(), path + ".detail.performer[0]"));
    if (d.hasScheduledPeriod() && d.getScheduledPeriod().hasEnd()) {
      b.dueOn(date(d.getScheduledPeriod().getEndElement()));
    }
    if (!d.getGoal().isEmpty()) {
      Resource g = resolve(d.getGoalFirstRep(), path + ".detail.goal[0]");
      String id = goalIds.get(g);
      if (id == null) {
        throw new Refusal(path + ".detail.goal[0]", "names a goal that is not the plan's");
      }
      b.goalId(id);
    }
    if (d.hasStatus() && d.getStatus() == CarePlan.CarePlanActivityStatus.COMPLETED) {
      Annotation done = a.getProgress().stream().filter(Annotation::hasTime).findFirst()
          .orElseThrow(() -> new Refusal(path + ".progress", "a completed activity needs the date in progress.time"));
      b.completedOn(date(done.getTimeElement()));
    }
    return b.build();
  }

  private ActionOwner owner(Reference ref, String path) {
    if (ref.hasIdentifier() && ACTION_OWNER_SYSTEM.equals(ref.getIdentifier().getSystem())) {
      ActionOwnerKind kind = fromKebab(ActionOwnerKind.class, ref.getIdentifier().getValue());
      if (kind == null) {
        throw new Refusal(path + ".identifier.value", "unknown owner kind '" + ref.getIdentifier().getValue() + "'");
      }
      if (ref.hasReference()) {
        resolve(ref, path);
      }
      boolean defaultName = (kind == ActionOwnerKind.CARER && "Carer".equals(ref.getDisplay()))
          || (kind == ActionOwnerKind.CARE_COORDINATOR && "Care co-ordinator".equals(ref.getDisplay()));
      Optional<String> name = ref.hasDisplay() && !defaultName ? Optional.of(ref.getDisplay()) : Optional.empty();
      return uk.nhs.carecoord.model.ImmutableActionOwner.builder().kind(kind).name(name).build();
    }
    String type = ref.hasType() ? ref.getType() : null;
    Resource r = ref.hasReference() ? resolve(ref, path) : null;
    if (r != null) {
      type = r.fhirType();
    }
    if ("Patient".equals(type)) {
      return ActionOwner.of(ActionOwnerKind.PATIENT);
    }
    if ("RelatedPerson".equals(type)) {
      return ActionOwner.of(ActionOwnerKind.CARER);
    }
    String display = ref.hasDisplay() ? ref.getDisplay() : null;
    if (("PractitionerRole".equals(type) || "Practitioner".equals(type)) && display != null
        && display.equalsIgnoreCase("Care co-ordinator")) {
      return ActionOwner.of(ActionOwnerKind.CARE_COORDINATOR);
    }
    if (display == null) {
      throw new Refusal(path + ".display", "a service or professional needs a name");
    }
    return ActionOwner.service(display);
  }

  private SupportContact contact(CareTeam.CareTeamParticipantComponent p, int j, String teamKey) {
    String path = "CareTeam.participant[" + j + "]";
    try {
      var b = SupportContact.builder();
      if (!p.getMember().hasDisplay()) {
        throw new Refusal(path + ".member.display", teamKey + ": a contact needs a name");
      }
      b.name(p.getMember().getDisplay());
      String role = p.getRole().stream().map(r -> r.hasText() ? r.getText()
          : r.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst().orElse(null))
          .filter(x -> x != null).findFirst()
          .orElseThrow(() -> new Refusal(path + ".role", teamKey + ": a contact needs a role"));
      b.role(role);
      Extension tel = p.getExtensionByUrl(EXT_CONTACT_TELEPHONE);
      if (tel != null && tel.getValue() instanceof ContactPoint cp && cp.hasValue()) {
        b.telephone(cp.getValue());
      }
      return b.build();
    } catch (ModelValidationException e) {
      throw new Refusal(path, teamKey + ": " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------------------------------
  // Assembly

  private PatientCase assemble() {
    String key = key(patientResource);
    Optional<PersonalisedCarePlan> plan = plan();
    if (refused()) {
      return null;
    }
    try {
      // Sorted so that the order of resources in the input never changes the case.
      codedEntries.sort(Comparator.comparing(CodedEntry::recordedOn).thenComparing(CodedEntry::snomedCode)
          .thenComparing(e -> e.id().orElse("")));
      carers.sort(Comparator.comparing(Carer::id));
      referrals.sort(Comparator.comparing(Referral::referredOn).thenComparing(Referral::id));
      patient.addAllCodedEntries(codedEntries);
      patient.flags(flags);
      patient.communicationNeeds(communicationNeeds);
      patient.carers(carers);
      patient.repeatMedicines(repeats);
      patient.serviceUse(ServiceUse.builder().aeAttendances(aeAttendances)
          .emergencyAdmissions(emergencyAdmissions).gpAppointments(gpAppointments).build());
      frailty().ifPresent(patient::frailty);
      consents.stream()
          .max(Comparator.comparing(d -> d.on().orElseThrow()))
          .ifPresent(latest -> {
            patient.consent(latest.value()).consentRecordedOn(latest.on());
            used(latest.key(), "Consent", "patient.consent " + latest.value());
            consents.stream().filter(d -> d != latest)
                .forEach(d -> ignore(d.key(), "Consent.dateTime", "superseded by a later consent"));
          });
      return PatientCase.builder()
          .patient(patient.build())
          .pamAssessments(pamByDate.values())
          .plan(plan)
          .referrals(referrals)
          .build();
    } catch (ModelValidationException e) {
      refuse(key, "Patient", e.getMessage());
      return null;
    }
  }

  private Optional<Frailty> frailty() {
    Comparator<Dated<?>> byDate = Comparator.comparing(d -> d.on().orElse(LocalDate.MIN));
    Optional<Dated<Integer>> latestCfs = cfs.stream().max(byDate);
    Optional<Dated<EfiCategory>> latestEfi = efi.stream().max(byDate);
    if (latestCfs.isEmpty() && latestEfi.isEmpty()) {
      return Optional.empty();
    }
    for (Dated<Integer> d : cfs) {
      if (d == latestCfs.get()) {
        used(d.key(), "Observation.value[x]", "patient.frailty.clinicalFrailtyScale");
      } else {
        ignore(d.key(), "Observation.effective[x]", "superseded by a later Clinical Frailty Scale score");
      }
    }
    for (Dated<EfiCategory> d : efi) {
      if (d == latestEfi.get()) {
        used(d.key(), "Observation.value[x]", "patient.frailty.efiCategory");
      } else {
        ignore(d.key(), "Observation.effective[x]", "superseded by a later electronic frailty index");
      }
    }
    Optional<LocalDate> on = java.util.stream.Stream.of(latestCfs.flatMap(Dated::on), latestEfi.flatMap(Dated::on))
        .flatMap(Optional::stream).max(Comparator.naturalOrder());
    return Optional.of(Frailty.builder()
        .clinicalFrailtyScale(latestCfs.map(Dated::value))
        .efiCategory(latestEfi.map(Dated::value))
        .assessedOn(on)
        .build());
  }

  // ------------------------------------------------------------------------------------------
  // Codes and dates

  private boolean matches(CodeableConcept cc, Set<String> snomed, String ownCode) {
    for (Coding c : cc.getCoding()) {
      if (FhirCodes.SNOMED.equals(c.getSystem()) && snomed.contains(c.getCode())) {
        return true;
      }
      if (FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem()) && ownCode.equals(c.getCode())) {
        return true;
      }
    }
    return false;
  }

  /** The SNOMED CT coding; refuses a concept with only unknown systems; null for LOINC only. */
  private static Coding snomedCodingOrNull(CodeableConcept cc, String path) {
    boolean known = false;
    for (int i = 0; i < cc.getCoding().size(); i++) {
      Coding c = cc.getCoding().get(i);
      if (FhirCodes.SNOMED.equals(c.getSystem())) {
        if (!c.hasCode() || !c.getCode().matches("[0-9]{6,18}")) {
          throw new Refusal(path + ".coding[" + i + "].code", "not a SNOMED CT concept id: '" + c.getCode() + "'");
        }
        return c;
      }
      known |= FhirCodes.LOINC.equals(c.getSystem()) || FhirCodes.CARECOORD_SYSTEM.equals(c.getSystem());
    }
    if (known) {
      return null;
    }
    if (cc.getCoding().isEmpty()) {
      throw new Refusal(path, "no coding: text alone cannot be read");
    }
    throw new Refusal(path + ".coding[0].system", "unknown code system '" + cc.getCoding().get(0).getSystem()
        + "' (SNOMED CT expected)");
  }

  private static Coding snomedCoding(CodeableConcept cc, String path) {
    Coding c = snomedCodingOrNull(cc, path);
    if (c == null) {
      throw new Refusal(path, "no SNOMED CT coding");
    }
    return c;
  }

  private static String code(CodeableConcept cc, String system) {
    return cc.getCoding().stream().filter(c -> system.equals(c.getSystem())).map(Coding::getCode).findFirst()
        .orElse(null);
  }

  /** The calendar date written, whatever the precision and time zone (no shifting to UTC). */
  static LocalDate date(BaseDateTimeType t) {
    Integer month = t.getMonth();
    Integer day = t.getDay();
    return LocalDate.of(t.getYear(), month == null ? 1 : month + 1, day == null ? 1 : day);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
