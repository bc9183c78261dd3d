package uk.nhs.carecoord.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.reporting.ReportSet;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * FHIR R4 (UK Core) in and out of the care co-ordination model: the one entry point of {@code
 * care-fhir}. Build once and share between threads:
 *
 * <pre>{@code
 * CareFhir fhir = CareFhir.builder().clock(clock).build();
 * ImportResult imported = fhir.importBundle(bundleJson);      // or XML
 * PatientCase patientCase = imported.patientCase();
 * System.out.println(imported.report());                      // used / ignored / refused, line by line
 * }</pre>
 *
 * <p>An import is all or nothing: anything refused throws {@link FhirImportException} naming the
 * resource and element path, and no case is made. The reference date (from the clock, or given)
 * bounds look-backs such as encounters in the last 12 months. See {@code care-fhir/README.md} for
 * every mapping.
 */
public final class CareFhir {
  private static final Set<Bundle.BundleType> READ_BUNDLES =
      Set.of(Bundle.BundleType.COLLECTION, Bundle.BundleType.SEARCHSET, Bundle.BundleType.TRANSACTION,
          Bundle.BundleType.DOCUMENT, Bundle.BundleType.BATCH);
  private static final Pattern RESOURCE_TYPE = Pattern.compile("\"resourceType\"\\s*:\\s*\"([A-Za-z]+)\"");

  private final FhirCodes codes;
  private final Clock clock;

  private CareFhir(Builder b) {
    this.codes = b.codes;
    this.clock = b.clock;
  }

  /** A builder with the default codes and the system clock (UTC). */
  public static Builder builder() {
    return new Builder();
  }

  /** The codes used to recognise and to write observations, flags, referrals and plans. */
  public FhirCodes codes() {
    return codes;
  }

  /** Today by this instance's clock: the default reference date. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  // ------------------------------------------------------------------------------------------
  // Import

  /**
   * Imports a FHIR R4 Bundle (collection, searchset, transaction, batch or document) about one
   * person, in JSON or XML, with today's date as the reference date.
   *
   * @throws FhirImportException if the text is not readable FHIR or anything in it is refused
   */
  public ImportResult importBundle(String jsonOrXml) {
    return importBundle(jsonOrXml, today());
  }

  /**
   * Imports a bundle (JSON or XML) about one person as of a reference date.
   *
   * @throws FhirImportException if the text is not readable FHIR or anything in it is refused
   */
  public ImportResult importBundle(String jsonOrXml, LocalDate asOf) {
    Resource r = FhirParsing.parse(Objects.requireNonNull(jsonOrXml, "jsonOrXml"), "Bundle");
    return importResources(List.of(r), asOf);
  }

  /**
   * Imports a bundle read from a stream (UTF-8, JSON or XML).
   *
   * @throws FhirImportException if the text is not readable FHIR or anything in it is refused
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ImportResult importBundle(InputStream in, LocalDate asOf) {
    try {
      return importBundle(new String(in.readAllBytes(), StandardCharsets.UTF_8), asOf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Imports several resources and bundles about one person, such as the values of a CDS Hooks
   * prefetch: bundles are opened (nested bundles too) and every resource joins one case. The same
   * resource met twice (say the Patient in two prefetch results) counts once.
   *
   * @throws FhirImportException if anything is refused
   */
  public ImportResult importResources(Collection<? extends IBaseResource> resources, LocalDate asOf) {
    List<PersonImporter.Located> flat = new ArrayList<>();
    List<ImportReport.Entry> problems = new ArrayList<>();
    for (IBaseResource r : resources) {
      flatten(r, null, flat, problems);
    }
    if (!problems.isEmpty()) {
      throw new FhirImportException(new ImportReport(problems));
    }
    return new PersonImporter(codes, Objects.requireNonNull(asOf, "asOf")).run(flat);
  }

  /**
   * Imports several resources and bundles given as JSON (or XML) texts, such as the values of a CDS
   * Hooks prefetch.
   *
   * @throws FhirImportException if any text is not readable FHIR or anything is refused
   */
  public ImportResult importTexts(Collection<String> jsonOrXml, LocalDate asOf) {
    List<Resource> parsed = new ArrayList<>();
    int i = 0;
    for (String text : jsonOrXml) {
      parsed.add(FhirParsing.parse(text, "resource[" + i++ + "]"));
    }
    return importResources(parsed, asOf);
  }

  private static void flatten(
      IBaseResource r, String fullUrl, List<PersonImporter.Located> out, List<ImportReport.Entry> problems) {
    if (!(r instanceof Resource resource)) {
      problems.add(new ImportReport.Entry(String.valueOf(r), "resourceType", ImportOutcome.REFUSED,
          "not an R4 resource"));
      return;
    }
    if (!(resource instanceof Bundle bundle)) {
      out.add(new PersonImporter.Located(resource, fullUrl));
      return;
    }
    String name = bundle.getIdElement().hasIdPart() ? "Bundle/" + bundle.getIdElement().getIdPart() : "Bundle";
    if (!READ_BUNDLES.contains(bundle.getType())) {
      problems.add(new ImportReport.Entry(name, "Bundle.type", ImportOutcome.REFUSED, "bundle type '"
          + (bundle.hasType() ? bundle.getType().toCode() : "") + "' is not read (collection, searchset,"
          + " transaction, batch or document)"));
      return;
    }
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
      if (!e.hasResource()) {
        if (e.hasRequest() && e.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
          continue; // a delete in a transaction carries nothing about the person
        }
        problems.add(new ImportReport.Entry(name, "Bundle.entry[" + i + "].resource", ImportOutcome.REFUSED,
            "an entry with no resource"));
        continue;
      }
      flatten(e.getResource(), e.getFullUrl(), out, problems);
    }
  }

  /**
   * Opens a FHIR Bulk Data export directory ({@code *.ndjson}, one resource a line) for import one
   * person at a time, joined by patient reference, in bounded memory (see {@link BulkImport}).
   * Indexes the files now; imports as {@link BulkImport#people()} is consumed.
   *
   * @throws FhirImportException if the directory has no NDJSON file or a line is not JSON
   */
  public BulkImport importBulk(Path directory, LocalDate asOf) {
    return new BulkImport(this, directory, asOf);
  }

  // ------------------------------------------------------------------------------------------
  // Writing

  /**
   * Writes cases as a Bulk Data export: one {@code Type.ndjson} file per resource type in the
   * directory, one resource a line. Resource ids are unique within a person, not across people
   * (the import joins by patient reference, so it needs no more).
   */
  public void writeBulk(Iterable<PatientCase> cases, Path directory, LocalDate asOf) {
    Map<String, Writer> writers = new TreeMap<>();
    try {
      Files.createDirectories(directory);
      for (PatientCase c : cases) {
        for (Bundle.BundleEntryComponent e : toBundle(c, asOf).getEntry()) {
          Resource r = e.getResource();
          Writer w = writers.get(r.fhirType());
          if (w == null) {
            w = Files.newBufferedWriter(directory.resolve(r.fhirType() + ".ndjson"), StandardCharsets.UTF_8);
            writers.put(r.fhirType(), w);
          }
          w.write(FhirParsing.json(r, false));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Writer w : writers.values()) {
        try {
          w.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * Writes a case as a FHIR R4 collection Bundle, the inverse of the import: importing it gives the
   * case back, for everything FHIR carries (see the README). Counts become that many resources
   * (encounters dated inside the 12 months to {@code asOf}, repeat MedicationRequests); each plan
   * version is a version ({@code meta.versionId}) of the same CarePlan, Goals and CareTeam.
   */
  public Bundle toBundle(PatientCase patientCase, LocalDate asOf) {
    return new CaseWriter(codes, asOf).write(patientCase);
  }

  /**
   * An evaluation as FHIR Clinical Reasoning output: a collection Bundle of a GuidanceResponse
   * (subject, as-of date, the rule base and its rule-set versions as {@code module}, the code-list
   * version as a data requirement, cohort memberships in contained output {@code Parameters}, an
   * informational message per coded entry no code cluster recognised) and its result, a
   * RequestGroup with one action per obligation and recommendation (code, the catalogue's label as
   * title, the text, priority, due date, the deciding rules and their reasons).
   *
   * @param ruleSetVersions as {@code CareRules.ruleSetVersions()} gives them
   */
  public static Bundle guidance(PatientEvaluation evaluation, Map<String, String> ruleSetVersions) {
    return GuidanceWriter.write(evaluation, ruleSetVersions);
  }

  /**
   * Population reports as FHIR: the library's caseload {@code Measure} (a group per cohort;
   * populations in cohort, plan agreed, plan shared, review overdue, as care-reporting defines
   * them; stratifiers practice and PAM level) and a summary {@code MeasureReport} of the report
   * set's {@code CohortStrataReport}, in a collection Bundle. Counts are as the report set shows
   * them, suppressed and rounded; a suppressed count is absent with data-absent-reason {@code
   * masked}.
   *
   * @param cohortLabels the cohorts the rules may raise, code → label (from the output catalogue)
   * @param ruleSetVersions as {@code CareRules.ruleSetVersions()} gives them: the Measure's version
   */
  public static Bundle measureReports(
      ReportSet reports, Map<String, String> cohortLabels, Map<String, String> ruleSetVersions) {
    return PopulationWriter.write(reports, cohortLabels, ruleSetVersions);
  }

  /** An empty set of cohort {@code Group}s as of a date: add evaluations, then write. */
  public static CohortGroups cohortGroups(LocalDate asOf) {
    return new CohortGroups(asOf);
  }

  /** {@link #toBundle} as JSON, pretty printed or compact. */
  public String toJson(PatientCase patientCase, LocalDate asOf, boolean pretty) {
    return FhirParsing.json(toBundle(patientCase, asOf), pretty);
  }

  /** Any resource as JSON, pretty printed or compact. */
  public static String json(IBaseResource resource, boolean pretty) {
    return FhirParsing.json(resource, pretty);
  }

  /** Any resource as XML, pretty printed. */
  public static String xml(IBaseResource resource) {
    return FhirParsing.xml(resource);
  }

  // ------------------------------------------------------------------------------------------
  // Recognising FHIR

  /**
   * The {@code resourceType} of a JSON text if it looks like a FHIR resource (its first {@code
   * resourceType} member), or null; cheap, without parsing. For {@code care evaluate}, which reads
   * case JSON and FHIR bundles alike.
   */
  public static String resourceTypeOf(String json) {
    var m = RESOURCE_TYPE.matcher(json);
    return m.find() ? m.group(1) : null;
  }

  /** A builder of {@link CareFhir}. */
  public static final class Builder {
    private FhirCodes codes = FhirCodes.defaults();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The codes that recognise observations, flags, referrals and plans. */
    public Builder codes(FhirCodes codes) {
      this.codes = Objects.requireNonNull(codes, "codes");
      return this;
    }

    /** The clock giving today's date, the default reference date. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The façade; the FHIR context is built (once per process) on first use. */
    public CareFhir build() {
      return new CareFhir(this);
    }
  }
}
