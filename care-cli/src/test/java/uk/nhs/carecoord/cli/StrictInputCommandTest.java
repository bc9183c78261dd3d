package uk.nhs.carecoord.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.cli.CareCommandTest.arg;
import static uk.nhs.carecoord.cli.CareCommandTest.resource;
import static uk.nhs.carecoord.cli.CareCommandTest.run;
import static uk.nhs.carecoord.cli.CareCommandTest.runWithStdin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line reads its input as strictly as {@code CareJson}: as people write it, never misread. */
class StrictInputCommandTest {
  @TempDir Path temp;

  private static String careHome() throws Exception {
    return Files.readString(resource("cases/care-home.json"));
  }

  @Test
  void aFileWithAByteOrderMarkAndAHyphenatedNhsNumberIsEvaluated() throws Exception {
    // Defects: both were refused ("must be 10 digits" for 943-476-5919-style numbers).
    String json = careHome();
    String nhs = json.replaceAll("(?s).*\"nhsNumber\"\\s*:\\s*\"([0-9]{10})\".*", "$1");
    String hyphenated = nhs.substring(0, 3) + "-" + nhs.substring(3, 6) + "-" + nhs.substring(6);
    Path file = temp.resolve("windows.json");
    Files.writeString(file, "\uFEFF" + json.replace("\"" + nhs + "\"", "\"" + hyphenated + "\""), StandardCharsets.UTF_8);
    CareCommandTest.Run r = run("evaluate", "--as-of", "2026-11-24", arg(file));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"patientId\""), r.out());
  }

  @Test
  void aDecimalFrailtyScaleIsAUserErrorNamingTheField() throws Exception {
    String json = careHome().replaceFirst("\"clinicalFrailtyScale\"\\s*:\\s*[0-9]+", "\"clinicalFrailtyScale\": 5.9");
    Path file = Files.writeString(temp.resolve("cfs.json"), json);
    CareCommandTest.Run r = run("evaluate", "--as-of", "2026-11-24", arg(file));
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("patient.frailty.clinicalFrailtyScale: cannot be read as a whole number"), r.err());
    r.assertNoStackTrace();
  }

  @Test
  void aLineWithADuplicatedFieldIsRefusedWithTheLineOfTheStream() throws Exception {
    String line = careHome().replaceAll("\\s*\n\\s*", " ");
    String duplicated = line.replaceFirst("\"sex\"\\s*:\\s*\"([a-z]+)\"", "\"sex\": \"$1\", \"sex\": \"male\"");
    CareCommandTest.Run r = runWithStdin(line + "\n" + duplicated + "\n", "evaluate", "--as-of", "2026-11-24");
    assertTrue(r.exit() != 0);
    assertTrue(r.err().lines().anyMatch(l -> l.matches("stdin:2:[0-9]+: patient\\.sex: duplicate field 'sex'")), r.err());
  }

  @Test
  void bytesThatAreNotUtf8AreALocatedUserError() throws Exception {
    Path file = temp.resolve("latin1.json");
    Files.write(file, careHome().replaceFirst("\"practiceCode\"\\s*:\\s*\"", "\"practiceCode\": \"\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    CareCommandTest.Run r = run("evaluate", "--as-of", "2026-11-24", arg(file));
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: " + file + ": line "), r.err());
    r.assertNoStackTrace();
  }
}
