package uk.nhs.carecoord.benchmarks;

import java.util.function.LongSupplier;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;

/**
 * One build's trial for {@code ab.sh}: compiled against that build's benchmark jar, so it uses
 * only what every build since 2026-11-24 has: the seeded population and {@code CareRules.evaluate}.
 */
public final class Trial {
  private Trial() {}

  /** Evaluates every person of a seeded PCN of {@code people} once per call; returns a count to keep the work alive. */
  public static LongSupplier create(int people) {
    var pcn = Population.generate(people); // its type moved package on 2026-12-01: not named here
    CareRules rules = CareRules.builder().asOf(Population.AS_OF).build();
    PatientCase[] cases = pcn.cases().toArray(PatientCase[]::new);
    return () -> {
      long cohorts = 0;
      for (PatientCase c : cases) {
        cohorts += rules.evaluate(c, pcn.pcn()).cohorts().size();
      }
      return cohorts;
    };
  }
}
