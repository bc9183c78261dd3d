package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  private static List<String> ids(List<CodeCluster> clusters) {
    return clusters.stream().map(CodeCluster::id).collect(Collectors.toList());
  }
}
