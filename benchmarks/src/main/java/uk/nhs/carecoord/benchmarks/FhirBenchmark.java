package uk.nhs.carecoord.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import uk.nhs.carecoord.fhir.ImportResult;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * People per second from FHIR: a person's FHIR R4 Bundle as JSON text → {@code
 * CareFhir.importBundle} (HAPI parse, mapping, import report) → {@code CareRules.evaluate}, beside
 * the same people from case JSON ({@code CareJson.read} → evaluate), in the same run. One
 * operation = one person, so throughput reads as people per second.
 *
 * <ul>
 *   <li>{@code fhirOneThread} / {@code fhirAllCores}: bundle text to evaluation;
 *   <li>{@code caseJsonOneThread} / {@code caseJsonAllCores}: case JSON text to evaluation;
 *   <li>{@code fhirImportOnly}: bundle text to case, no evaluation (where the FHIR time goes).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FhirBenchmark {

  @Benchmark
  @Threads(1)
  public PatientEvaluation fhirOneThread(FhirInput in, Cursor cursor) {
    return fromFhir(in, cursor.next(in.bundles.length));
  }

  @Benchmark
  @Threads(Threads.MAX)
  public PatientEvaluation fhirAllCores(FhirInput in, Cursor cursor) {
    return fromFhir(in, cursor.next(in.bundles.length));
  }

  @Benchmark
  @Threads(1)
  public PatientEvaluation caseJsonOneThread(FhirInput in, Cursor cursor) {
    return fromCaseJson(in, cursor.next(in.caseJson.length));
  }

  @Benchmark
  @Threads(Threads.MAX)
  public PatientEvaluation caseJsonAllCores(FhirInput in, Cursor cursor) {
    return fromCaseJson(in, cursor.next(in.caseJson.length));
  }

  @Benchmark
  @Threads(1)
  public ImportResult fhirImportOnly(FhirInput in, Cursor cursor) {
    return in.fhir.importBundle(in.bundles[cursor.next(in.bundles.length)], Population.AS_OF);
  }

  /** Person {@code i}'s bundle text, imported and evaluated. */
  static PatientEvaluation fromFhir(FhirInput in, int i) {
    PatientCase c = in.fhir.importBundle(in.bundles[i], Population.AS_OF).patientCase();
    return in.rules.evaluate(c, in.pcn);
  }

  /** Person {@code i}'s case JSON, read and evaluated. */
  static PatientEvaluation fromCaseJson(FhirInput in, int i) {
    return in.rules.evaluate(CareJson.read(in.caseJson[i], PatientCase.class), in.pcn);
  }
}
