package uk.nhs.carecoord.examples;

import java.time.LocalDate;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PamAssessment;

/** Placeholder until the rules and reports exist: prints a PAM assessment as JSON. */
public final class PcnExample {
  private PcnExample() {}

  /** Runs the example. */
  public static void main(String[] args) {
    PamAssessment pam = PamAssessment.of(52.3, LocalDate.of(2026, 11, 1));
    System.out.println(CareJson.write(pam) + " -> " + pam.level());
  }
}
