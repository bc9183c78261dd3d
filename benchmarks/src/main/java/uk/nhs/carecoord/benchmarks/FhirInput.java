package uk.nhs.carecoord.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.nhs.carecoord.fhir.CareFhir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.synthetic.SyntheticPcn;

/**
 * The same seeded synthetic people twice, as text: each as a FHIR R4 collection Bundle in JSON
 * (written by {@link CareFhir#toJson}, what {@code care generate --format fhir-bundle} writes and
 * a GP system's export resembles) and as case JSON ({@code CareJson}); their PCN, the compiled
 * built-in rules and one {@link CareFhir} for the process.
 */
@State(Scope.Benchmark)
public class FhirInput {
  /** People in the input; each benchmark thread walks them in turn. */
  @Param({"5000"})
  public int size;

  String[] bundles;
  String[] caseJson;
  Pcn pcn;
  CareRules rules;
  CareFhir fhir;

  @Setup(Level.Trial)
  public void setUp() {
    setUp(size);
  }

  /** An input of {@code people} people (tests use a small one). */
  void setUp(int people) {
    SyntheticPcn synthetic = Population.generate(people);
    pcn = synthetic.pcn();
    rules = CareRules.builder().asOf(Population.AS_OF).build();
    fhir = CareFhir.builder().build();
    List<PatientCase> all = synthetic.cases();
    bundles = new String[all.size()];
    caseJson = new String[all.size()];
    for (int i = 0; i < all.size(); i++) {
      bundles[i] = fhir.toJson(all.get(i), Population.AS_OF, false);
      caseJson[i] = CareJson.writeLine(all.get(i));
    }
  }

  /** Average size in bytes of a bundle and of a case, for the report. */
  long[] averageBytes() {
    long b = 0;
    long c = 0;
    for (int i = 0; i < bundles.length; i++) {
      b += bundles[i].length();
      c += caseJson[i].length();
    }
    return new long[] {b / bundles.length, c / caseJson.length};
  }
}
