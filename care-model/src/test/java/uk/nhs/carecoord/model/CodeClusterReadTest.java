package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a directory of OpenCodelists CSV files and its manifest, and every way it can be wrong. */
class CodeClusterReadTest {
  private static final String HEADER = "file,cluster,meaning,condition,source,release,note\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private void manifest(String... lines) throws IOException {
    write(CodeClusters.MANIFEST, HEADER + String.join("\n", lines) + "\n");
  }

  private CodeClusterException refused() {
    return assertThrows(CodeClusterException.class, () -> CodeClusters.read(dir));
  }

  private static void assertAt(CodeClusterException e, String file, int line) {
    assertEquals(Optional.of(file), e.file(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + (line > 0 ? ":" + line + ": " : ": ")), e.getMessage());
  }

  @Test
  void readsPublishedQuirksBomCrlfTrailingSpacesAndQuotedCommas() throws IOException {
    manifest("local_dm.csv,LOCAL_DM,long_term_condition_physical,DIABETES,pcn/local-dm,2026-11,\"ours, reviewed\"");
    write("local_dm.csv", "\uFEFFcode,term\r\n44054006 ,Type 2 diabetes mellitus \r\n\"38341003\",\"Hypertensive disorder, systemic arterial\"\r\n\r\n");
    CodeClusters read = CodeClusters.read(dir);
    CodeCluster c = read.cluster("LOCAL_DM").orElseThrow();
    assertEquals("pcn/local-dm/2026-11", c.sourceRelease());
    assertEquals(ClusterMeaning.LONG_TERM_CONDITION_PHYSICAL, c.meaning());
    assertEquals(List.of("44054006", "38341003"), List.copyOf(c.codes().keySet()));
    assertEquals("Type 2 diabetes mellitus", c.codes().get("44054006"));
    assertEquals("Hypertensive disorder, systemic arterial", c.codes().get("38341003"));
    assertEquals(Optional.of("local_dm.csv"), c.file());
    assertTrue(read.version().startsWith("undated+"), read.version());
  }

  @Test
  void replacesABuiltInClusterWithANewerRelease() throws IOException {
    manifest("dm_cod.csv,DM_COD,LONG_TERM_CONDITION_PHYSICAL,DIABETES,nhsd-primary-care-domain-refsets/dm_cod,20261231,");
    write("dm_cod.csv", "code,term\n73211009,Diabetes mellitus\n");
    CodeClusters merged = CodeClusters.builtIn().toBuilder().replaceAll(CodeClusters.read(dir)).build();
    assertEquals(37, merged.clusters().size());
    assertEquals("20261231", merged.cluster("DM_COD").orElseThrow().release());
    assertEquals(List.of(), merged.clustersOf("313436004"), "the newer release no longer holds it");
    assertTrue(merged.version().startsWith("20261231+"), merged.version());
  }

  @Test
  void aCopyOfTheBuiltInFilesReadsAsTheBuiltInSetWithItsVersion() throws IOException {
    byte[] manifest = resource(CodeClusters.MANIFEST);
    Files.write(dir.resolve(CodeClusters.MANIFEST), manifest);
    for (String line : new String(manifest, StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).toList()) {
      String file = line.split(",")[0];
      Files.write(dir.resolve(file), resource(file));
    }
    Files.write(dir.resolve(CodeClusters.VERSION_RECORD), "crc32=0\nversion=20260630+000000000000\n".getBytes(StandardCharsets.UTF_8));
    CodeClusters read = CodeClusters.read(dir);
    CodeClusters builtIn = CodeClusters.builtIn();
    assertEquals(builtIn.version(), read.version(), "computed from the clusters; a directory's version record is never read");
    assertEquals(builtIn.codeCount(), read.codeCount());
    for (CodeCluster c : builtIn.clusters()) {
      CodeCluster r = read.cluster(c.id()).orElseThrow();
      assertEquals(c.codes(), r.codes(), c.id());
      assertEquals(List.copyOf(c.codes().keySet()), List.copyOf(r.codes().keySet()), c.id() + " in file order");
      assertEquals(c.sourceRelease() + c.meaning() + c.condition(), r.sourceRelease() + r.meaning() + r.condition(), c.id());
    }
  }

  private static byte[] resource(String file) throws IOException {
    try (var in = CodeClusters.class.getResourceAsStream("clusters/" + file)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aMalformedCodeNamesFileLineAndCluster() throws IOException {
    manifest("a.csv,A_COD,DEMENTIA,,src/a,1,");
    write("a.csv", "code,term\n52448006,Dementia\n5244800X,Typo\n");
    CodeClusterException e = refused();
    assertAt(e, "a.csv", 3);
    assertEquals(List.of("A_COD"), e.clusters());
    assertTrue(e.getMessage().contains("5244800X"), e.getMessage());
  }

  @Test
  void aCodeTwiceInOneFileNamesBothLines() throws IOException {
    manifest("a.csv,A_COD,DEMENTIA,,src/a,1,");
    write("a.csv", "code,term\n52448006,Dementia\n26929004,Alzheimer\n52448006,Dementia again\n");
    CodeClusterException e = refused();
    assertAt(e, "a.csv", 4);
    assertTrue(e.getMessage().contains("first on line 2"), e.getMessage());
  }

  @Test
  void anUnclosedQuoteOrAnUnquotedCommaIsALineError() throws IOException {
    manifest("a.csv,A_COD,DEMENTIA,,src/a,1,");
    write("a.csv", "code,term\n52448006,\"Dementia\n");
    assertAt(refused(), "a.csv", 2);
    write("a.csv", "code,term\n52448006,Dementia\n26929004,Alzheimer's disease, late onset\n");
    assertAt(refused(), "a.csv", 3);
    write("a.csv", "code,term\n52448006,\"Dementia\" NOS\n");
    assertAt(refused(), "a.csv", 2);
  }

  @Test
  void aFileWithoutACodeColumnOrEmptyIsRefused() throws IOException {
    manifest("a.csv,A_COD,DEMENTIA,,src/a,1,");
    write("a.csv", "id,description\n52448006,Dementia\n");
    assertAt(refused(), "a.csv", 1);
    write("a.csv", "");
    assertAt(refused(), "a.csv", 0);
    write("a.csv", "code,term\n");
    CodeClusterException none = refused();
    assertTrue(none.getMessage().contains("no codes"), none.getMessage());
    Files.write(dir.resolve("a.csv"), "code,term\n52448006,D\u00e9mence\n".getBytes(StandardCharsets.ISO_8859_1));
    assertAt(refused(), "a.csv", 0);
  }

  @Test
  void contradictoryMeaningsAcrossFilesNameBothClustersFilesAndLines() throws IOException {
    manifest("carer.csv,MY_CARER,CARER,,src/carer,1,", "notcarer.csv,MY_NOTCARER,NO_LONGER_CARER,,src/notcarer,1,");
    write("carer.csv", "code,term\n133932002,Caregiver\n199361000000101,Is no longer a carer\n");
    write("notcarer.csv", "code,term\n506401000000109,Not a carer\n199361000000101,Is no longer a carer\n");
    CodeClusterException e = refused();
    assertAt(e, "notcarer.csv", 3);
    assertEquals(List.of("MY_CARER", "MY_NOTCARER"), e.clusters());
    assertTrue(e.getMessage().contains("carer.csv:3"), e.getMessage());
  }

  @Test
  void overlappingMeaningsThatDoNotContradictAreAccepted() throws IOException {
    manifest("depr.csv,DEPR,LONG_TERM_CONDITION_MENTAL_HEALTH,,src/depr,1,", "smi.csv,SMI,LONG_TERM_CONDITION_MENTAL_HEALTH,,src/smi,1,");
    write("depr.csv", "code,term\n36474008,Severe recurrent major depression with psychotic features\n");
    write("smi.csv", "code,term\n36474008,Severe recurrent major depression with psychotic features\n");
    assertEquals(2, CodeClusters.read(dir).clustersOf("36474008").size());
  }

  @Test
  void aClusterIdTwiceInTheManifestNamesBothLines() throws IOException {
    manifest("a.csv,A_COD,DEMENTIA,,src/a,1,", "b.csv,A_COD,AUTISM,,src/b,1,");
    write("a.csv", "code,term\n52448006,Dementia\n");
    write("b.csv", "code,term\n408856003,Autistic disorder\n");
    CodeClusterException e = refused();
    assertAt(e, CodeClusters.MANIFEST, 3);
    assertTrue(e.getMessage().contains("also on line 2"), e.getMessage());
  }

  @Test
  void badManifestsAreRefusedWithTheirLine() throws IOException {
    write("a.csv", "code,term\n52448006,Dementia\n");
    assertAt(refused(), CodeClusters.MANIFEST, 0); // missing
    manifest("a.csv,A_COD,DEMENTED,,src/a,1,");
    assertAt(refused(), CodeClusters.MANIFEST, 2);
    manifest("a.csv,A_COD,DEMENTIA,,src/a,,");
    assertAt(refused(), CodeClusters.MANIFEST, 2);
    manifest("a.csv,A_COD,DEMENTIA,,src/a,1,", "missing.csv,B_COD,AUTISM,,src/b,1,");
    assertAt(refused(), CodeClusters.MANIFEST, 3);
    manifest("../a.csv,A_COD,DEMENTIA,,src/a,1,");
    assertAt(refused(), CodeClusters.MANIFEST, 2);
    write(CodeClusters.MANIFEST, "file,cluster,meaning\na.csv,A_COD,DEMENTIA\n");
    assertAt(refused(), CodeClusters.MANIFEST, 1);
    manifest("a.csv,A_COD,DEMENTIA,,src/a,1,");
    write("stray.csv", "code,term\n408856003,Autistic disorder\n");
    assertAt(refused(), "stray.csv", 0);
  }

  @Test
  void aDirectoryThatIsNotOneIsRefused() {
    assertThrows(CodeClusterException.class, () -> CodeClusters.read(dir.resolve("nowhere")));
  }

  /** Any terms, quoted as OpenCodelists quotes them, with either line end and with or without a BOM, read back as written. */
  @Property(tries = 200)
  void csvTermsRoundTrip(@ForAll("terms") List<String> terms, @ForAll boolean crlf, @ForAll boolean bom) throws IOException {
    Path d = Files.createTempDirectory("clusters");
    try {
      String eol = crlf ? "\r\n" : "\n";
      StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "").append("code,term").append(eol);
      for (int i = 0; i < terms.size(); i++) {
        csv.append(100000 + i).append(',').append(quoted(terms.get(i))).append(eol);
      }
      Files.writeString(d.resolve("t.csv"), csv, StandardCharsets.UTF_8);
      Files.writeString(d.resolve(CodeClusters.MANIFEST), HEADER + "t.csv,T,AUTISM,,src/t,1,\n");
      CodeCluster read = CodeClusters.read(d).cluster("T").orElseThrow();
      assertEquals(terms.size(), read.codes().size());
      for (int i = 0; i < terms.size(); i++) {
        assertEquals(terms.get(i).strip(), read.codes().get(String.valueOf(100000 + i)));
      }
    } finally {
      try (var files = Files.list(d)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(d);
    }
  }

  private static String quoted(String term) {
    return term.contains(",") || term.contains("\"") ? "\"" + term.replace("\"", "\"\"") + "\"" : term;
  }

  @Provide
  Arbitrary<List<String>> terms() {
    Arbitrary<String> word = Arbitraries.strings().withChars("abcXYZ ,\"'-()é").ofMinLength(1).ofMaxLength(20)
        .filter(s -> !s.isBlank());
    return Combinators.combine(word, word).as((a, b) -> a + b).list().ofMinSize(1).ofMaxSize(8);
  }
}
