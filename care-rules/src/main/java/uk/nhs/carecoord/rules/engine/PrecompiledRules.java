package uk.nhs.carecoord.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.base.util.Drools;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import uk.nhs.carecoord.rules.RuleCompilationException;
import uk.nhs.carecoord.rules.RuleSource;

/**
 * The built-in rule sets compiled to Drools' executable model when this library is built, so that
 * rules made of the built-in sets alone are ready in a fraction of a second: compiling DRL at run
 * time generates and compiles Java, which takes about 4 s (BENCHMARKS.md).
 *
 * <p>The build runs {@link #main} after compiling this module (exec-maven-plugin, phase {@code
 * process-classes}). It writes one resource, {@value #RESOURCE}: the generated classes and a
 * manifest naming the model classes, the Drools version and a digest of the DRL they came from.
 *
 * <p>{@link #load} uses it only when the sources to compile begin with exactly those DRL files
 * (same names and text, in the same order) under the same Drools version; files a rule author's
 * directory adds after them are compiled alone and join the same KieBase. Anything else — a
 * replaced built-in, a resource that is missing (e.g. classes compiled by an IDE) — gives no
 * KieBase, and the caller compiles every DRL file at run time as before. The classes are defined
 * by a class loader of their own, so they never shadow classes that a run-time compile of changed
 * rules generates under the same names.
 */
final class PrecompiledRules {
  static final String RESOURCE = "uk/nhs/carecoord/rules/precompiled/built-in-rules.zip";
  private static final String MANIFEST = "manifest.properties";
  private static final String RELEASE_GROUP = "uk.nhs.carecoord.rules";
  private static final String RELEASE_ARTIFACT = "built-in-rules";
  /** The executable model's index of its model classes; its first line is the model version. */
  private static final String MODEL_INDEX = "/drools-model";

  private PrecompiledRules() {}

  /**
   * Build step: compiles the built-in rule sets and writes {@value #RESOURCE} under the given
   * class output directory.
   *
   * @param args the class output directory, e.g. {@code target/classes}
   * @throws RuleCompilationException if a built-in rule set does not compile
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PrecompiledRules <class output directory>");
    }
    List<RuleSource> sources = Engine.builtInSources();
    Map<String, byte[]> files = new DrlCompiler().generate(sources,
        KieServices.get().newReleaseId(RELEASE_GROUP, RELEASE_ARTIFACT, "1.0.0"));
    Path target = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target)) {
      write(files, sources, out);
    }
  }

  /** Writes the class files and a manifest for the sources they were generated from. */
  static void write(Map<String, byte[]> files, List<RuleSource> sources, OutputStream target) throws IOException {
    Generated generated = Generated.of(files);
    // Written by hand rather than Properties.store, which adds the date: same DRL, same archive.
    String manifest = "# Built-in rules precompiled to the Drools executable model\n"
        + "drools.version=" + Drools.getFullVersion() + "\n"
        + "sources.count=" + sources.size() + "\n"
        + "sources.digest=" + digest(sources) + "\n"
        + "models=" + String.join(",", generated.modelClasses()) + "\n";
    try (ZipOutputStream zip = new ZipOutputStream(target)) {
      put(zip, MANIFEST, manifest.getBytes(StandardCharsets.ISO_8859_1));
      for (String name : generated.classes().keySet().stream().sorted().toList()) {
        put(zip, name, generated.classes().get(name));
      }
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(0L);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  /**
   * The KieBase for these sources made from the precompiled rules, or empty when they cannot
   * serve: the sources must start with exactly the precompiled ones (same names and text, in
   * order) under this Drools version. Sources after those (a rule author's added files) are
   * compiled now, alone, and join the same KieBase, unless one is in a built-in rule set's
   * package or does not compile alone (it may use a built-in's declared type or function): then
   * it is empty, and compiling every source together decides, and reports any problem.
   */
  static Optional<Loaded> load(List<RuleSource> sources) {
    try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : load(sources, in);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** As {@link #load(List)}, from an archive that {@link #write} wrote. */
  static Optional<Loaded> load(List<RuleSource> sources, InputStream archive) throws IOException {
    Map<String, byte[]> entries = read(archive);
    byte[] manifestBytes = entries.remove(MANIFEST);
    if (manifestBytes == null) {
      return Optional.empty();
    }
    Properties manifest = new Properties();
    manifest.load(new StringReader(new String(manifestBytes, StandardCharsets.ISO_8859_1)));
    int count = Integer.parseInt(manifest.getProperty("sources.count", "-1"));
    if (!Drools.getFullVersion().equals(manifest.getProperty("drools.version"))
        || count < 0 || count > sources.size()
        || !digest(sources.subList(0, count)).equals(manifest.getProperty("sources.digest"))) {
      return Optional.empty();
    }
    List<RuleSource> additions = sources.subList(count, sources.size());
    Set<String> builtInPackages = sources.subList(0, count).stream().map(RuleBase::packageOf).collect(Collectors.toSet());
    if (additions.stream().map(RuleBase::packageOf).anyMatch(builtInPackages::contains)) {
      return Optional.empty();
    }
    try {
      ModelClassLoader loader = new ModelClassLoader(entries, PrecompiledRules.class.getClassLoader());
      List<Model> models = instantiate(List.of(manifest.getProperty("models", "").split(",")), loader);
      if (!additions.isEmpty()) {
        Generated added = Generated.of(new DrlCompiler().generate(additions));
        loader = new ModelClassLoader(added.classes(), loader);
        models.addAll(instantiate(added.modelClasses(), loader));
      }
      KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration(null, loader);
      configuration.setOption(KieBaseMutabilityOption.DISABLED);
      return Optional.of(new Loaded(KieBaseBuilder.createKieBaseFromModel(models, configuration), additions.size()));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // An added file that does not compile alone (RuleCompilationException), or stale or foreign
      // classes: compiling every file together still gives the right rules, or reports why not.
      return Optional.empty();
    }
  }

  private static List<Model> instantiate(List<String> modelClasses, ClassLoader loader) throws ReflectiveOperationException {
    List<Model> models = new ArrayList<>();
    for (String name : modelClasses) {
      models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
    }
    return models;
  }

  /** A KieBase from the precompiled rules and how many sources were compiled now and added. */
  record Loaded(KieBase kieBase, int compiledNow) {}

  /** The executable model's generated classes, and which of them are the model classes. */
  private record Generated(List<String> modelClasses, Map<String, byte[]> classes) {
    static Generated of(Map<String, byte[]> files) {
      List<String> modelClasses = new ArrayList<>();
      Map<String, byte[]> classes = new HashMap<>();
      files.forEach((name, bytes) -> {
        if (name.endsWith(MODEL_INDEX)) {
          String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
          Arrays.stream(lines).skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(modelClasses::add);
        } else if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
          // The project model describes a kmodule.xml; a KieBase built from the models needs none.
          classes.put(name, bytes);
        }
      });
      if (modelClasses.isEmpty()) {
        throw new IllegalStateException("the executable model lists no model classes");
      }
      return new Generated(modelClasses, classes);
    }
  }

  /** Names and texts in order: a replaced, added, removed or reordered source changes it. */
  static String digest(List<RuleSource> sources) {
    StringBuilder all = new StringBuilder();
    for (RuleSource source : sources) {
      all.append(source.name()).append('\0').append(source.text()).append('\0');
    }
    return Hashing.sha256Hex(all.toString(), 32);
  }

  private static Map<String, byte[]> read(InputStream archive) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(archive)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  /** Defines the generated classes on first use, delegating everything else to its parent. */
  private static final class ModelClassLoader extends ClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final Map<String, byte[]> classFiles;

    ModelClassLoader(Map<String, byte[]> classFiles, ClassLoader parent) {
      super("care-rules-precompiled", parent);
      this.classFiles = Map.copyOf(classFiles);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classFiles.get(name.replace('.', '/') + ".class");
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      byte[] bytes = classFiles.get(name);
      return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
    }
  }
}
