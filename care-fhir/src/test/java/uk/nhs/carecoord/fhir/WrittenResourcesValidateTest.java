package uk.nhs.carecoord.fhir;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/** Every bundle the writer makes validates against base FHIR R4 with HAPI's instance validator. */
class WrittenResourcesValidateTest {
  private static final LocalDate AS_OF = CareArbitraries.DEFAULT_AS_OF;
  private static final CareFhir FHIR = CareFhir.builder().build();
  private static final R4Validator VALIDATOR = new R4Validator();

  @Test
  void theGoldenCaseWrittenBackValidates() {
    PatientCase c = FHIR.importBundle(GoldenBundleTest.resource("golden-frail-older-person.json"),
        GoldenBundleTest.AS_OF).patientCase();
    VALIDATOR.assertValid(FHIR.toBundle(c, GoldenBundleTest.AS_OF));
  }

  @Test
  void theHandWrittenGoldenBundleValidates() {
    VALIDATOR.assertValid(FhirParsing.parse(GoldenBundleTest.resource("golden-frail-older-person.json"), "Bundle"));
  }

  @Provide
  Arbitrary<PatientCase> cases() {
    return new RoundTripPropertyTest().cases();
  }

  @Property(tries = 4)
  void generatedCasesWrittenAsFhirValidate(@ForAll("cases") PatientCase c) {
    VALIDATOR.assertValid(FHIR.toBundle(c, AS_OF));
  }
}
