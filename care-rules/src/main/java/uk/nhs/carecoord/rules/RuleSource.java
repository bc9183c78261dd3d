package uk.nhs.carecoord.rules;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One DRL rule file: a logical file name and its text.
 *
 * <p>The name is a relative path with {@code /} separators that ends in {@code .drl}, such as
 * {@code cohorts.drl} or {@code local/extra.drl}. It is the name that compilation problems are
 * reported against, so it should be the name a rule author recognises. The text is held in memory;
 * nothing is read again after construction.
 *
 * @param name the logical file name: relative, {@code /}-separated, ending in {@code .drl}
 * @param text the DRL text
 */
public record RuleSource(String name, String text) {

  /**
   * Checks and normalises the name ({@code \} becomes {@code /}).
   *
   * @throws IllegalArgumentException if the name is blank, absolute, climbs with {@code ..}, or
   *     does not end in {@code .drl}
   */
  public RuleSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    name = name.replace('\\', '/');
    if (name.isBlank() || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException("rule file name must be a relative path: '" + name + "'");
    }
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("rule file name must be a plain relative path: '" + name + "'");
      }
    }
    if (!name.endsWith(".drl")) {
      // Drools picks the resource type by extension and silently ignores anything else.
      throw new IllegalArgumentException("rule file name must end in .drl: '" + name + "'");
    }
  }

  /**
   * Reads every {@code *.drl} file under a directory, recursively, in order of name. Each source is
   * named by its path relative to the directory, with {@code /} separators.
   *
   * @param directory the directory to read
   * @return the sources, sorted by name; empty if the directory holds no DRL file
   * @throws UncheckedIOException if the directory cannot be listed or a file cannot be read
   */
  public static List<RuleSource> fromDirectory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new UncheckedIOException(new FileNotFoundException("not a directory: " + directory));
    }
    List<RuleSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".drl"))::iterator) {
        String name = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        sources.add(new RuleSource(name, Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules from " + directory + ": " + e.getMessage(), e);
    }
    sources.sort(Comparator.comparing(RuleSource::name));
    return List.copyOf(sources);
  }

  /**
   * Reads DRL files from class-path resources. Each source is named by its entry in
   * {@code names}; the resource read is {@code root + name}.
   *
   * @param loader the class loader to read from
   * @param root a resource path prefix such as {@code "uk/nhs/carecoord/rules/drl/"} (empty for
   *     none; a missing trailing {@code /} is added)
   * @param names the file names relative to {@code root}, such as {@code "cohorts.drl"}
   * @return the sources, in the order of {@code names}
   * @throws UncheckedIOException if a resource is missing or cannot be read
   */
  public static List<RuleSource> fromClasspath(ClassLoader loader, String root, List<String> names) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(names, "names");
    String prefix = root.isEmpty() || root.endsWith("/") ? root : root + "/";
    if (prefix.startsWith("/")) {
      prefix = prefix.substring(1); // ClassLoader resource names never start with '/'
    }
    List<RuleSource> sources = new ArrayList<>(names.size());
    for (String name : names) {
      String resource = prefix + name;
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new UncheckedIOException(new FileNotFoundException("no class-path resource " + resource));
        }
        sources.add(new RuleSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read class-path resource " + resource + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(sources);
  }

  /**
   * Reads DRL files from class-path resources named in full, such as
   * {@code "uk/nhs/carecoord/rules/drl/cohorts.drl"}; each source is named by its resource name.
   *
   * @see #fromClasspath(ClassLoader, String, List)
   */
  public static List<RuleSource> fromClasspath(ClassLoader loader, List<String> resourceNames) {
    return fromClasspath(loader, "", resourceNames);
  }

  /** The name and size only: the text may be long. */
  @Override
  public String toString() {
    return "RuleSource[" + name + ", " + text.length() + " chars]";
  }
}
