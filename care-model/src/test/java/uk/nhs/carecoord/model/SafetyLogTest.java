package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the clinical hazard log honest: every hazard in {@code SAFETY.md} names at least one test
 * as evidence for its controls, and every test it names exists in the repository's test sources
 * (class declared, method declared in that class's file). Renaming or deleting such a test fails
 * the build until the log is updated.
 */
class SafetyLogTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern HAZARD = Pattern.compile("(?m)^### (H-[0-9]{2}) (.+)$");
  private static final Pattern EVIDENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

  private static String log() {
    try {
      return Files.readString(ROOT.resolve("SAFETY.md"));
    } catch (IOException e) {
      throw new UncheckedIOException("SAFETY.md must sit at the top of the repository", e);
    }
  }

  /** Each hazard's section, by id. */
  private static Map<String, String> hazards(String log) {
    Map<String, String> sections = new LinkedHashMap<>();
    Matcher m = HAZARD.matcher(log);
    List<int[]> starts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start()});
      ids.add(m.group(1));
    }
    for (int i = 0; i < ids.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : log.length();
      assertFalse(sections.containsKey(ids.get(i)), "hazard " + ids.get(i) + " twice");
      sections.put(ids.get(i), log.substring(starts.get(i)[0], end));
    }
    return sections;
  }

  /** Test sources by simple class name (top-level and nested classes). */
  private static Map<String, List<String>> testSources() throws IOException {
    Map<String, List<String>> byClass = new LinkedHashMap<>();
    Pattern declared = Pattern.compile("\\bclass\\s+([A-Z][A-Za-z0-9]*)");
    try (Stream<Path> files = Files.walk(ROOT, 12)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")
          && p.toString().contains("src" + java.io.File.separator + "test" + java.io.File.separator + "java")
          && !p.toString().contains(java.io.File.separator + "target" + java.io.File.separator)).toList()) {
        String text = Files.readString(file);
        Matcher m = declared.matcher(text);
        while (m.find()) {
          byClass.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(text);
        }
      }
    }
    return byClass;
  }

  @Test
  void theLogListsAtLeastTwelveHazardsEachWithEvidence() {
    Map<String, String> hazards = hazards(log());
    assertTrue(hazards.size() >= 12, "only " + hazards.size() + " hazards");
    hazards.forEach((id, section) -> {
      for (String part : new String[] {"**Cause", "**Effect", "**Controls", "**Evidence"}) {
        assertTrue(section.contains(part), id + " has no " + part + "**");
      }
      String evidence = section.substring(section.indexOf("**Evidence"));
      assertTrue(EVIDENCE.matcher(evidence).find(), id + " names no test as `Class#method` under Evidence");
    });
  }

  @Test
  void everyTestNamedInTheLogExists() throws IOException {
    Map<String, List<String>> sources = testSources();
    Matcher m = EVIDENCE.matcher(log());
    List<String> missing = new ArrayList<>();
    int named = 0;
    while (m.find()) {
      named++;
      String type = m.group(1);
      Pattern method = Pattern.compile("\\bvoid\\s+" + Pattern.quote(m.group(2)) + "\\s*\\(");
      List<String> files = sources.getOrDefault(type, List.of());
      if (files.stream().noneMatch(text -> method.matcher(text).find())) {
        missing.add(m.group());
      }
    }
    assertTrue(named >= 12, "too few tests named: " + named);
    assertEquals(List.of(), missing, "SAFETY.md names tests that do not exist");
  }

  @Test
  void theCheckFindsATestThatDoesNotExist() throws IOException {
    // The check above must be able to fail: a made-up method of a real class is not found.
    Pattern method = Pattern.compile("\\bvoid\\s+noSuchTestMethod\\s*\\(");
    assertTrue(testSources().get("SafetyLogTest").stream().noneMatch(t -> method.matcher(t).find()));
    assertTrue(testSources().containsKey("StrictJsonTest"));
  }
}
