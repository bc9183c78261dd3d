package uk.nhs.carecoord.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Parsing FHIR text with one shared context and a fresh parser per use. */
final class FhirParsing {
  private FhirParsing() {}

  /** The process-wide R4 context: expensive to build, thread-safe once built. */
  static FhirContext context() {
    return FhirContext.forR4Cached();
  }

  /** Parses JSON or XML (by its first non-blank character) into a resource. */
  static Resource parse(String text, String source) {
    String trimmed = text.stripLeading();
    boolean xml = trimmed.startsWith("<");
    Problems problems = new Problems();
    IParser parser = xml ? context().newXmlParser() : context().newJsonParser();
    parser.setParserErrorHandler(problems);
    parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
    IBaseResource parsed;
    try {
      parsed = parser.parseResource(text);
    } catch (DataFormatException e) {
      throw refusal(source, "(" + (xml ? "XML" : "JSON") + ")", "not readable FHIR: " + e.getMessage());
    } catch (RuntimeException e) {
      throw refusal(source, "(" + (xml ? "XML" : "JSON") + ")", "not readable FHIR: " + e);
    }
    if (!problems.refusals.isEmpty()) {
      throw new FhirImportException(new ImportReport(problems.refusals.stream()
          .map(p -> new ImportReport.Entry(source, p[0], ImportOutcome.REFUSED, p[1])).toList()));
    }
    if (!(parsed instanceof Resource r)) {
      throw refusal(source, "resourceType", "not an R4 resource");
    }
    return r;
  }

  static FhirImportException refusal(String resource, String path, String detail) {
    return new FhirImportException(
        new ImportReport(List.of(new ImportReport.Entry(resource, path, ImportOutcome.REFUSED, detail))));
  }

  /** JSON with pretty printing for people, or compact. */
  static String json(IBaseResource resource, boolean pretty) {
    // Versioned references (CarePlan → Goal/x/_history/2) are kept: HAPI strips them by default.
    return context().newJsonParser().setPrettyPrint(pretty).setStripVersionsFromReferences(false)
        .encodeResourceToString(resource);
  }

  /** XML, pretty printed. */
  static String xml(IBaseResource resource) {
    return context().newXmlParser().setPrettyPrint(true).setStripVersionsFromReferences(false)
        .encodeResourceToString(resource);
  }

  /** Whether a parsed resource is a bundle. */
  static boolean isBundle(Resource r) {
    return r instanceof Bundle;
  }

  /**
   * Collects what the parser finds wrong: invalid values and wrong JSON types are refusals;
   * elements unknown to R4 are refusals too, as dropping them would lose data silently.
   */
  private static final class Problems implements IParserErrorHandler {
    final List<String[]> refusals = new ArrayList<>();

    private void add(IParseLocation at, String detail) {
      String where = at == null || at.getParentElementName() == null ? "(element)" : at.getParentElementName();
      refusals.add(new String[] {where, detail});
    }

    @Override
    public void containedResourceWithNoId(IParseLocation at) {
      add(at, "a contained resource has no id");
    }

    @Override
    public void incorrectJsonType(IParseLocation at, String element, BaseJsonLikeValue.ValueType expected,
        BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
        BaseJsonLikeValue.ScalarType foundScalar) {
      add(at, "element '" + element + "' has the wrong JSON type (" + found + ", expected " + expected + ")");
    }

    @Override
    public void invalidValue(IParseLocation at, String value, String error) {
      add(at, "invalid value: " + error);
    }

    @Override
    public void missingRequiredElement(IParseLocation at, String element) {
      add(at, "missing required element '" + element + "'");
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation at, String element) {
      add(at, "element '" + element + "' repeats but may not");
    }

    @Override
    public void unknownAttribute(IParseLocation at, String attribute) {
      add(at, "unknown attribute '" + attribute + "'");
    }

    @Override
    public void unknownElement(IParseLocation at, String element) {
      add(at, "unknown element '" + element + "' (not FHIR R4)");
    }

    @Override
    public void unknownReference(IParseLocation at, String reference) {
      // Checked by the import itself, which knows the bundle's resources.
    }

    @Override
    public void invalidInternalReference(IParseLocation at, String reference) {
      add(at, "invalid internal reference '" + reference + "'");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation at) {
      add(at, "an extension has both a value and nested extensions");
    }
  }
}
