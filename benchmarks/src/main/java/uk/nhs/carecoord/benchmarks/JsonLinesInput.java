package uk.nhs.carecoord.benchmarks;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.synthetic.SyntheticPcn;

/**
 * A batch of {@value #CASES} seeded synthetic cases as JSON lines in memory (what {@code care
 * evaluate cases.jsonl} reads), the same cases already read (what the engine-only benchmarks
 * evaluate), their PCN and the compiled built-in rules.
 */
@State(Scope.Benchmark)
public class JsonLinesInput {
  /** Cases in one batch: one benchmark operation of the end-to-end benchmarks. */
  public static final int CASES = 20_000;

  byte[] jsonLines;
  PatientCase[] cases;
  Pcn pcn;
  CareRules rules;

  @Setup(Level.Trial)
  public void setUp() {
    setUp(CASES);
  }

  /** A batch of {@code size} cases (tests use a small one). */
  void setUp(int size) {
    SyntheticPcn synthetic = Population.generate(size);
    pcn = synthetic.pcn();
    List<PatientCase> all = synthetic.cases();
    cases = all.toArray(PatientCase[]::new);
    rules = CareRules.builder().asOf(Population.AS_OF).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream(size * 1024);
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    for (PatientCase c : all) {
      w.write(CareJson.writeLine(c));
      w.write('\n');
    }
    w.flush();
    jsonLines = out.toByteArray();
  }

  /**
   * Where the output goes: UTF-8 through a buffered writer to a stream that counts bytes and
   * drops them, as {@code care evaluate > out.jsonl} writes through picocli's writer.
   */
  static final class Output extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }

    PrintWriter writer() {
      return new PrintWriter(new BufferedWriter(new OutputStreamWriter(this, StandardCharsets.UTF_8), 1 << 16));
    }
  }
}
