package uk.nhs.carecoord.fhir;

import static org.junit.jupiter.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator against base FHIR R4 (the default profile support chain). Slow to
 * build, so a test class makes one and keeps it.
 */
final class R4Validator {
  private final FhirValidator validator;

  R4Validator() {
    // Its own context: the validator encodes what it checks, and must keep versioned references
    // (CarePlan → CareTeam/x/_history/2) that HAPI strips by default.
    FhirContext ctx = FhirContext.forR4();
    ctx.getParserOptions().setStripVersionsFromReferences(false);
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx),
        new SnapshotGeneratingValidationSupport(ctx));
    validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  /** The error and fatal messages (warnings and information are not failures). */
  List<SingleValidationMessage> errors(IBaseResource resource) {
    return validator.validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
  }

  /** Fails with every error message if the resource does not validate. */
  void assertValid(IBaseResource resource) {
    List<SingleValidationMessage> errors = errors(resource);
    if (!errors.isEmpty()) {
      StringBuilder out = new StringBuilder("not valid FHIR R4:\n");
      errors.forEach(m -> out.append(m.getLocationString()).append(": ").append(m.getMessage()).append('\n'));
      out.append(FhirParsing.json(resource, true));
      fail(out.toString());
    }
  }
}
