package uk.nhs.carecoord.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.synthetic.SyntheticPcn;
import uk.nhs.carecoord.rules.engine.SessionProbe;

/** A reused session, its facts deleted after each person, raises what a fresh session raises. */
class ReusedSessionAgreesTest {
  @Test
  void aReusedSessionRaisesWhatAFreshOneRaises() {
    SyntheticPcn synthetic = Population.generate(300);
    SessionProbe probe = new SessionProbe(Population.AS_OF);
    int total = 0;
    for (int round = 0; round < 2; round++) { // the second round runs on reused sessions
      for (PatientCase c : synthetic.cases()) {
        List<Object> facts = probe.facts(c, synthetic.pcn());
        List<String> fresh = probe.describeFresh(facts);
        assertEquals(fresh, probe.describeReused(facts), c.patient().id());
        total += fresh.size();
      }
    }
    assertTrue(total > 300, "outcomes " + total);
  }
}
