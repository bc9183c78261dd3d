package uk.nhs.carecoord.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.fhir.FhirImportException;
import uk.nhs.carecoord.fhir.ImportReport;
import uk.nhs.carecoord.fhir.ImportResult;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;

/**
 * Reading a case file that may be a FHIR R4 Bundle: recognised by a top-level {@code resourceType}
 * (or XML), imported with {@link CareFhir}; anything else is case JSON. Kept apart from the
 * commands so each can call it with one line.
 */
final class FhirInput {
  private static final CareFhir FHIR = CareFhir.builder().build();

  private FhirInput() {}

  /** True if the text is FHIR: XML, or a JSON object with a top-level {@code resourceType}. */
  static boolean isFhir(String text) {
    String t = text.stripLeading();
    if (t.startsWith("<")) {
      return true;
    }
    if (!t.startsWith("{") || CareFhir.resourceTypeOf(t) == null) {
      return false; // cheap test first: most case files never mention resourceType
    }
    try {
      JsonNode node = CareJson.mapper().readTree(t);
      return node != null && node.has("resourceType");
    } catch (JsonProcessingException e) {
      return true; // looks like FHIR but is broken: let the FHIR import say where
    }
  }

  /** A case file: a FHIR bundle imported as of {@code asOf}, or case JSON. */
  static PatientCase readCase(Path file, LocalDate asOf) {
    Inputs.file(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      // Not UTF-8, so not FHIR JSON either: the case reader says where the bytes break.
      return Inputs.readJson(file, PatientCase.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return isFhir(text) ? importBundle(file, text, asOf).patientCase() : Inputs.readJson(file, PatientCase.class);
  }

  /** Imports a FHIR bundle file; a refusal is a user error listing every refused element. */
  static ImportResult importBundle(Path file, String text, LocalDate asOf) {
    try {
      return FHIR.importBundle(text, asOf);
    } catch (FhirImportException e) {
      StringBuilder message = new StringBuilder(file + ": FHIR import refused:");
      for (ImportReport.Entry p : e.problems()) {
        message.append("\n  ").append(p.resource()).append(' ').append(p.path()).append(": ").append(p.detail());
      }
      throw new UserError(message.toString(), e);
    }
  }

  static String read(Path file) {
    Inputs.file(file);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
