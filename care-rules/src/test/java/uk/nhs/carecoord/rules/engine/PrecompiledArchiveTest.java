package uk.nhs.carecoord.rules.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import uk.nhs.carecoord.rules.RuleSource;

/** The build-time archive is used only for exactly the built-in sources it was made from. */
class PrecompiledArchiveTest {
  @Test
  void onlyExactlyTheBuiltInSourcesArePrecompiled() {
    List<RuleSource> builtIn = Engine.builtInSources();
    assertTrue(PrecompiledRules.load(builtIn).isPresent());

    List<RuleSource> edited = new ArrayList<>(builtIn);
    RuleSource cohorts = edited.get(0);
    edited.set(0, new RuleSource(cohorts.name(), cohorts.text() + "\n// edited\n"));
    assertFalse(PrecompiledRules.load(edited).isPresent(), "edited text");

    List<RuleSource> reordered = new ArrayList<>(builtIn);
    reordered.add(reordered.remove(0));
    assertFalse(PrecompiledRules.load(reordered).isPresent(), "reordered");

    assertFalse(PrecompiledRules.load(builtIn.subList(0, builtIn.size() - 1)).isPresent(), "one removed");
  }

  @Test
  void anArchiveWithoutManifestOrForOtherSourcesGivesNothing() throws IOException {
    List<RuleSource> builtIn = Engine.builtInSources();
    assertFalse(PrecompiledRules.load(builtIn, archive("uk/x/Y.class", new byte[] {1, 2})).isPresent(), "no manifest");
    assertFalse(PrecompiledRules.load(builtIn, archive("manifest.properties",
        "drools.version=0.0.1\nsources.digest=00\nmodels=uk.x.Y\n".getBytes())).isPresent(), "other version and sources");
  }

  @Test
  void corruptClassesFallBackToRunTimeCompilationNotFailure() throws IOException {
    List<RuleSource> builtIn = Engine.builtInSources();
    String manifest = "drools.version=" + org.drools.base.util.Drools.getFullVersion() + "\n"
        + "sources.digest=" + PrecompiledRules.digest(builtIn) + "\n"
        + "models=uk.nhs.carecoord.rules.cohorts.Missing\n";
    assertFalse(PrecompiledRules.load(builtIn, archive("manifest.properties", manifest.getBytes())).isPresent());
  }

  private static InputStream archive(String name, byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(bytes);
      zip.closeEntry();
    }
    return new ByteArrayInputStream(out.toByteArray());
  }
}
