package uk.nhs.carecoord.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import uk.nhs.carecoord.model.ClinicalFlag;
import uk.nhs.carecoord.model.NhsNumber;
import uk.nhs.carecoord.model.Patient;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Sex;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.Finding;

/**
 * Adds a PCN's own rule ({@code local-rules/housebound.drl}) to the built-in rules by pointing the
 * engine at a directory of DRL files.
 */
public final class CustomRulesExample {
  private CustomRulesExample() {}

  /** Runs the example; the first argument, if any, is your own rule directory. */
  public static void main(String[] args) throws IOException {
    Path ruleDirectory = args.length > 0 ? Path.of(args[0]) : shippedRules();
    CareRules rules = CareRules.builder().asOf(LocalDate.of(2026, 11, 24)).ruleDirectory(ruleDirectory).build();
    System.out.println("Rule sets: " + rules.ruleSetVersions());

    PatientCase c = PatientCase.builder().patient(Patient.builder()
        .id("example-2").nhsNumber(NhsNumber.of("9990000026")).dateOfBirth(LocalDate.of(1944, 7, 9))
        .sex(Sex.MALE).practiceCode("Y90001").addFlags(ClinicalFlag.HOUSEBOUND).build()).build();
    for (Finding cohort : rules.evaluate(c).cohorts()) {
      System.out.println(cohort.label() + " (" + cohort.code() + ") from " + cohort.decisions().get(0).ruleSet() + ": " + cohort.reasons());
    }
  }

  /**
   * The example's DRL, copied out of the jar so it can be loaded like a rule author's directory;
   * removed when the JVM exits.
   */
  static Path shippedRules() throws IOException {
    Path dir = Files.createTempDirectory("local-rules");
    dir.toFile().deleteOnExit(); // deleted after the file registered below
    for (String name : new String[] {"housebound.drl", "outputs.json"}) {
      Path file = dir.resolve(name);
      try (InputStream in = CustomRulesExample.class.getResourceAsStream("/local-rules/" + name)) {
        Files.copy(in, file);
      }
      file.toFile().deleteOnExit();
    }
    return dir;
  }
}
