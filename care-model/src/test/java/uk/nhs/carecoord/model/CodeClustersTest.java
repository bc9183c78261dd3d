package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CodeClustersTest {
  private static final CodeClusters BUILT_IN = CodeClusters.builtIn();

  private static CodeCluster cluster(String id, ClusterMeaning meaning, String... codes) {
    CodeCluster.Builder b = CodeCluster.builder().id(id).source("test/" + id.toLowerCase()).release("20260101").meaning(meaning);
    for (String code : codes) {
      b.code(code, "Made-up concept " + code);
    }
    return b.build();
  }

  @Test
  void theBuiltInSetHoldsEveryPublishedListWithItsRowCount() throws IOException {
    assertSame(BUILT_IN, CodeClusters.builtIn());
    assertEquals(37, BUILT_IN.clusters().size());
    // Row counts as PROVENANCE.md gives them: nothing merged, dropped or deduplicated.
    Map<String, Integer> rows = Map.of("DM_COD", 87, "HYP_COD", 117, "C19CAN_COD", 3520, "LD_COD", 696,
        "TEMPCARHOME_COD", 1, "HOUSEBOUND_OS", 9, "NO_LONGER_HOUSEBOUND_OS", 2, "PRIMIS_CARER", 32, "SEVFRAIL_COD", 3);
    rows.forEach((id, n) -> assertEquals(n, BUILT_IN.cluster(id).orElseThrow().codes().size(), id));
    int published = 0;
    for (CodeCluster c : BUILT_IN.clusters()) {
      published += c.codes().size();
      assertEquals(c.codes().size(), linesOf(c.file().orElseThrow()) - 1, c.id() + " against its file");
    }
    assertEquals(7973, BUILT_IN.codeCount(), "distinct codes");
    assertEquals(154, published - 7973, "149 codes sit in two lists, 5 of them in three");
  }

  private static long linesOf(String file) throws IOException {
    try (InputStream in = CodeClusters.class.getResourceAsStream("clusters/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
    }
  }

  @Test
  void looksUpCommonCodesAndCarriesSourceAndRelease() {
    CodeCluster dm = BUILT_IN.clustersOf("313436004").get(0);
    assertEquals("DM_COD", dm.id());
    assertEquals("nhsd-primary-care-domain-refsets/dm_cod/20260630", dm.sourceRelease());
    assertEquals(ClusterMeaning.LONG_TERM_CONDITION_PHYSICAL, dm.meaning());
    assertEquals("DIABETES", dm.condition());
    assertEquals("Type II diabetes mellitus without complication", dm.codes().get("313436004"));
    assertEquals(List.of("HYP_COD"), ids(BUILT_IN.clustersOf("59621000")));
    assertEquals("Hypertensive disorder, systemic arterial", BUILT_IN.cluster("HYP_COD").orElseThrow().codes().get("38341003"));
    assertEquals(List.of(), BUILT_IN.clustersOf("271737000"), "anaemia: in no cluster");
  }

  @Test
  void aCodeMayCarrySeveralMeaningsThatDoNotContradict() {
    // Severe depression with psychosis sits in both DEPR_COD and MH_COD, in id order.
    List<String> both = BUILT_IN.clusters().stream()
        .filter(c -> c.id().equals("DEPR_COD")).flatMap(c -> c.codes().keySet().stream())
        .filter(code -> ids(BUILT_IN.clustersOf(code)).contains("MH_COD"))
        .map(code -> String.join(",", ids(BUILT_IN.clustersOf(code))))
        .distinct().toList();
    assertEquals(List.of("DEPR_COD,MH_COD"), both);
    assertEquals(List.of("CAREHOME_COD", "TEMPCARHOME_COD"), ids(BUILT_IN.clustersOf("1240291000000104")));
  }

  @Test
  void clustersSharingAConditionCountAsOne() {
    assertEquals("STROKE_TIA", BUILT_IN.cluster("STRK_COD").orElseThrow().condition());
    assertEquals("STROKE_TIA", BUILT_IN.cluster("TIA_COD").orElseThrow().condition());
    assertEquals("MULTIPLE_SCLEROSIS", BUILT_IN.cluster("MS_NHSD").orElseThrow().condition());
    assertEquals("MULTIPLE_SCLEROSIS", BUILT_IN.cluster("MS_BRISTOL").orElseThrow().condition());
    assertEquals("CANCER", BUILT_IN.cluster("C19HAEMCAN_COD").orElseThrow().condition());
  }

  @Test
  void termsAreReadWithoutTheirTrailingSpacesAndCarriageReturns() {
    CodeCluster housebound = BUILT_IN.cluster("HOUSEBOUND_OS").orElseThrow();
    assertEquals("Temporarily housebound", housebound.codes().get("276051000000100"));
    assertTrue(housebound.codes().values().stream().noneMatch(t -> t.endsWith(" ") || t.endsWith("\r")));
  }

  @Test
  void theVersionNamesTheNewestReleaseAndChangesWithAnyCluster() {
    assertTrue(BUILT_IN.version().matches("20260630\\+[0-9a-f]{12}"), BUILT_IN.version());
    CodeClusters same = BUILT_IN.toBuilder().build();
    assertEquals(BUILT_IN.version(), same.version());
    CodeCluster dm = BUILT_IN.cluster("DM_COD").orElseThrow();
    CodeCluster newer = CodeCluster.builder().id("DM_COD").source(dm.source()).release("20261231")
        .meaning(dm.meaning()).condition(dm.condition()).codes(dm.codes()).build();
    CodeClusters replaced = BUILT_IN.toBuilder().replace(newer).build();
    assertTrue(replaced.version().startsWith("20261231+"), replaced.version());
    CodeClusters oneCodeMore = BUILT_IN.toBuilder()
        .replace(CodeCluster.builder().id("DM_COD").source(dm.source()).release(dm.release()).meaning(dm.meaning())
            .condition(dm.condition()).codes(dm.codes()).code("999999999", "Local diabetes code").build())
        .build();
    assertNotEquals(BUILT_IN.version(), oneCodeMore.version(), "same release label, other codes");
    assertEquals(BUILT_IN.clusters().size(), oneCodeMore.clusters().size());
  }

  @Test
  void aBuilderAddsAndReplacesButRefusesAnIdTwice() {
    CodeClusters set = CodeClusters.builder()
        .add(cluster("A_COD", ClusterMeaning.LONG_TERM_CONDITION_PHYSICAL, "111111"))
        .add(cluster("B_COD", ClusterMeaning.CARER, "222222"))
        .build();
    assertEquals(List.of("A_COD", "B_COD"), ids(set.clusters()));
    CodeClusterException twice = assertThrows(CodeClusterException.class,
        () -> set.toBuilder().add(cluster("A_COD", ClusterMeaning.DEMENTIA, "333333")));
    assertEquals(List.of("A_COD"), twice.clusters());
    CodeClusters replaced = set.toBuilder().replace(cluster("A_COD", ClusterMeaning.DEMENTIA, "333333")).remove("B_COD").build();
    assertEquals(ClusterMeaning.DEMENTIA, replaced.cluster("A_COD").orElseThrow().meaning());
    assertEquals(List.of(), replaced.clustersOf("111111"));
    assertEquals(1, replaced.codeCount());
  }

  @Test
  void aStatusAndItsNegationOnOneCodeAreRefusedNamingBothClusters() {
    CodeClusters.Builder b = CodeClusters.builder()
        .add(cluster("CARER_X", ClusterMeaning.CARER, "111111", "222222"))
        .add(cluster("NOTCARER_X", ClusterMeaning.NO_LONGER_CARER, "222222"));
    CodeClusterException e = assertThrows(CodeClusterException.class, b::build);
    assertEquals(List.of("CARER_X", "NOTCARER_X"), e.clusters());
    assertTrue(e.getMessage().contains("222222"), e.getMessage());
    assertThrows(CodeClusterException.class, () -> CodeClusters.builder()
        .add(cluster("MILD", ClusterMeaning.FRAILTY_MILD, "111111"))
        .add(cluster("SEVERE", ClusterMeaning.FRAILTY_SEVERE, "111111")).build());
  }

  @Test
  void meaningsContradictOnlyTheirNegationAndOtherFrailtyGrades() {
    for (ClusterMeaning a : ClusterMeaning.values()) {
      for (ClusterMeaning b : ClusterMeaning.values()) {
        assertEquals(a.contradicts(b), b.contradicts(a), a + " " + b);
      }
      assertTrue(!a.contradicts(a), a.name());
    }
    assertTrue(ClusterMeaning.HOUSEBOUND.contradicts(ClusterMeaning.NO_LONGER_HOUSEBOUND));
    assertTrue(!ClusterMeaning.CARE_HOME.contradicts(ClusterMeaning.CARE_HOME_TEMPORARY));
    assertTrue(!ClusterMeaning.LONG_TERM_CONDITION_MENTAL_HEALTH.contradicts(ClusterMeaning.DEMENTIA));
  }

  @Test
  void clustersSharingAConditionMustShareAMeaning() {
    CodeClusters.Builder b = CodeClusters.builder()
        .add(CodeCluster.builder().id("A").source("s").release("1").meaning(ClusterMeaning.DEMENTIA).condition("X").code("111111", "a").build())
        .add(CodeCluster.builder().id("B").source("s").release("1").meaning(ClusterMeaning.AUTISM).condition("X").code("222222", "b").build());
    assertEquals(List.of("A", "B"), assertThrows(CodeClusterException.class, b::build).clusters());
  }

  @Test
  void aClusterNeedsWellFormedCodesAndFields() {
    assertThrows(CodeClusterException.class, () -> cluster("A", ClusterMeaning.CARER, "12345"));
    assertThrows(CodeClusterException.class, () -> cluster("A", ClusterMeaning.CARER, "0123456"));
    assertThrows(CodeClusterException.class, () -> cluster("A", ClusterMeaning.CARER, "123456", "123456"));
    assertThrows(CodeClusterException.class, () -> cluster("A", ClusterMeaning.CARER));
    assertThrows(CodeClusterException.class, () -> cluster("A B", ClusterMeaning.CARER, "123456"));
    assertThrows(CodeClusterException.class, () -> CodeCluster.builder().id("A").release("1").meaning(ClusterMeaning.CARER).code("123456", "t").build());
  }

  @Test
  void theBuiltInVersionIsTheDocumentedDigestOfItsClusters() {
    assertEquals(referenceVersion(BUILT_IN.clusters()), BUILT_IN.version());
    // Decision records and scenario expectations carry it: it changes only when a cluster does.
    assertEquals("20260630+c2963ddd3ff5", BUILT_IN.version());
  }

  /**
   * Loading the built-in set reads its version from {@code clusters/code-clusters.version} instead
   * of hashing every code, while the CRC-32 recorded there is that of the files; both lines must
   * match the files and the version computed from them.
   */
  @Test
  void theRecordedBuiltInVersionIsThatOfTheFiles() throws IOException {
    byte[] manifest = resource(CodeClusters.MANIFEST);
    CRC32 crc = new CRC32();
    crc.update(manifest);
    for (String line : new String(manifest, StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).toList()) {
      crc.update(resource(line.split(",")[0].strip()));
    }
    String computed = BUILT_IN.toBuilder().build().version(); // built in code: computed, never read from the record
    String expected = "crc32=" + Long.toHexString(crc.getValue()) + "\nversion=" + computed;
    String recorded = new String(resource(CodeClusters.VERSION_RECORD), StandardCharsets.UTF_8).lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.joining("\n"));
    assertEquals(expected, recorded, "clusters/" + CodeClusters.VERSION_RECORD + " is out of date; its last lines should read:\n" + expected);
    assertEquals(computed, BUILT_IN.version());
    assertEquals(computed, CodeClusters.recordedVersion(crc.getValue()));
    assertEquals(null, CodeClusters.recordedVersion(crc.getValue() ^ 1), "files other than those recorded: computed instead");
  }

  /** Any set's version is the documented digest, whatever the order of its codes and the form of its releases. */
  @Property(tries = 200)
  void theVersionIsTheDocumentedDigest(@ForAll("clusterSets") List<CodeCluster> clusters) {
    CodeClusters.Builder b = CodeClusters.builder();
    clusters.forEach(b::replace);
    CodeClusters set = b.build();
    assertEquals(referenceVersion(set.clusters()), set.version());
  }

  @Provide
  Arbitrary<List<CodeCluster>> clusterSets() {
    Arbitrary<String> release = Arbitraries.oneOf(Arbitraries.of("20260630", "19991231", "20250101", "2026-11", "2026063", "202606301",
        "21000101", "v13", "1"), Arbitraries.strings().numeric().ofLength(8));
    Arbitrary<List<String>> codes = Arbitraries.longs().between(100_000L, 999_999_999_999_999_999L).map(String::valueOf)
        .list().ofMinSize(1).ofMaxSize(12).uniqueElements();
    Arbitrary<CodeCluster> cluster = Combinators.combine(Arbitraries.strings().withCharRange('A', 'F').ofMinLength(1).ofMaxLength(3),
            release, Arbitraries.of(ClusterMeaning.DEMENTIA, ClusterMeaning.AUTISM, ClusterMeaning.CARER), codes,
            Arbitraries.of(false, true))
        .as((id, rel, meaning, cs, ownCondition) -> {
          CodeCluster.Builder c = CodeCluster.builder().id(id).source("src/" + id.toLowerCase()).release(rel).meaning(meaning)
              .condition(ownCondition ? id + "_CONDITION" : "");
          cs.forEach(code -> c.code(code, "Term " + code));
          return c.build();
        });
    return cluster.list().ofMinSize(1).ofMaxSize(5);
  }

  /** The version as documented, written plainly: the newest dated release, and SHA-256 of one line per cluster. */
  private static String referenceVersion(List<CodeCluster> clusters) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    String newest = null;
    for (CodeCluster c : clusters) {
      String[] codes = c.codes().keySet().toArray(new String[0]);
      Arrays.sort(codes);
      String line = c.id() + "|" + c.source() + "/" + c.release() + "|" + c.meaning() + "|" + c.condition()
          + Arrays.stream(codes).map(code -> "|" + code).collect(Collectors.joining()) + "\n";
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      if (c.release().matches("(19|20)[0-9]{6}") && (newest == null || c.release().compareTo(newest) > 0)) {
        newest = c.release();
      }
    }
    return (newest == null ? "undated" : newest) + "+" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = CodeClusters.class.getResourceAsStream("clusters/" + file)) {
      return in.readAllBytes();
    }
  }

  private static List<String> ids(List<CodeCluster> clusters) {
    return clusters.stream().map(CodeCluster::id).collect(Collectors.toList());
  }
}
