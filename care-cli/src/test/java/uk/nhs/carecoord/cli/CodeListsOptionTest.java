package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.carecoord.model.CareJson;
import uk.nhs.carecoord.model.CodeClusters;

/** {@code --code-lists}: a PCN's own or newer clusters beside the built-in ones, and their errors. */
class CodeListsOptionTest {
  private static final String CASE = """
      {"patient": {"id": "p-local", "nhsNumber": "9990000018", "dateOfBirth": "1960-01-01", "sex": "female",
        "practiceCode": "Y90001", "codedEntries": [
          {"snomedCode": "59621000", "display": "Essential hypertension", "recordedOn": "2015-01-01"},
          {"snomedCode": "40930008", "display": "Hypothyroidism", "recordedOn": "2018-01-01"}]}}
      """;

  @TempDir Path dir;

  private Path caseFile() throws IOException {
    return Files.writeString(dir.resolve("case.json"), CASE);
  }

  private Path codeLists(String csv) throws IOException {
    Path lists = Files.createDirectories(dir.resolve("lists"));
    Files.writeString(lists.resolve(CodeClusters.MANIFEST),
        "file,cluster,meaning,condition,source,release,note\nthy.csv,LOCAL_THY_COD,LONG_TERM_CONDITION_PHYSICAL,HYPOTHYROIDISM,pcn/thyroid,2026-11,\n");
    Files.writeString(lists.resolve("thy.csv"), csv);
    return lists;
  }

  @Test
  void withoutTheOptionALocalCodeIsUnrecognisedAndCountsTowardsNothing() throws IOException {
    CareCommandTest.Run r = CareCommandTest.run("evaluate", "--as-of", "2026-11-24", caseFile().toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("MULTIPLE_LONG_TERM_CONDITIONS"), r.out());
    JsonNode unrecognised = CareJson.mapper().readTree(r.out()).path("coding").path("unrecognised");
    assertEquals(1, unrecognised.size(), r.out());
    assertEquals("40930008", unrecognised.get(0).path("snomedCode").asText());
  }

  @Test
  void aLocalClusterAddsToTheBuiltInOnes() throws IOException {
    Path lists = codeLists("code,term\n40930008,Hypothyroidism\n");
    CareCommandTest.Run r = CareCommandTest.run("evaluate", "--as-of", "2026-11-24", "--code-lists", lists.toString(), caseFile().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("MULTIPLE_LONG_TERM_CONDITIONS"), r.out());
    assertTrue(r.out().contains("LOCAL_THY_COD") && r.out().contains("HYP_COD"), r.out());
    assertEquals(0, CareJson.mapper().readTree(r.out()).path("coding").path("unrecognised").size(), r.out());
  }

  @Test
  void aMalformedFileIsAUserErrorNamingFileAndLine() throws IOException {
    Path lists = codeLists("code,term\n40930008,Hypothyroidism\n4093000X,Typo\n");
    CareCommandTest.Run r = CareCommandTest.run("evaluate", "--as-of", "2026-11-24", "--code-lists", lists.toString(), caseFile().toString());
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("thy.csv:3:") && r.err().contains("LOCAL_THY_COD"), r.err());
    r.assertNoStackTrace();
  }
}
