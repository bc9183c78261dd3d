package uk.nhs.carecoord.benchmarks;

import java.time.LocalDate;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.synthetic.SyntheticPopulation;
import uk.nhs.carecoord.rules.CareRules;

/** The seeded synthetic PCN and a compiled rule base, shared by all benchmark threads. */
@State(Scope.Benchmark)
public class Population {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  /** Registered people in the PCN (a real PCN: 30,000–50,000). */
  @Param({"50000"})
  public int size;

  Pcn pcn;
  PatientCase[] cases;
  CareRules rules;
  HandWritten handWritten;

  @Setup(Level.Trial)
  public void setUp() {
    SyntheticPcn synthetic = generate(size);
    pcn = synthetic.pcn();
    List<PatientCase> all = synthetic.cases();
    cases = all.toArray(PatientCase[]::new);
    rules = CareRules.builder().asOf(AS_OF).build();
    handWritten = new HandWritten(rules.thresholds(), rules.codeClusters(), AS_OF);
  }

  static SyntheticPcn generate(int size) {
    return SyntheticPopulation.builder().seed(42).patients(size).practices(8).coordinators(100).asOf(AS_OF).build();
  }
}
