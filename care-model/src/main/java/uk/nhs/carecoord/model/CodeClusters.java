package uk.nhs.carecoord.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.stream.Stream;

/**
 * A versioned set of {@link CodeCluster}s: what every SNOMED CT code a GP record may hold means to
 * the rules. The set's {@link #version()} is derived from its clusters (ids, releases, meanings
 * and codes) and travels in every decision record. Looking up a code is one hash lookup.
 *
 * <pre>{@code
 * CodeClusters clusters = CodeClusters.builtIn();                 // NHS England PCD clusters and others
 * CodeClusters local = CodeClusters.builtIn().toBuilder()
 *     .replaceAll(CodeClusters.read(Path.of("code-lists")))      // a newer DM_COD, a local cluster
 *     .build();
 * }</pre>
 *
 * <p>A directory of clusters holds OpenCodelists CSV files ({@code code,term}) and a manifest,
 * {@value #MANIFEST}, with one line per file:
 *
 * <pre>
 * file,cluster,meaning,condition,source,release,note
 * dm_cod.csv,DM_COD,LONG_TERM_CONDITION_PHYSICAL,DIABETES,nhsd-primary-care-domain-refsets/dm_cod,20260630,
 * </pre>
 *
 * {@code condition} (clusters that count as one condition share it) and {@code note} may be
 * blank. The set is immutable and safe to share between threads.
 */
public final class CodeClusters {
  /** The manifest's file name within a directory of clusters. */
  public static final String MANIFEST = "code-clusters.csv";

  private static final String BUILT_IN_ROOT = "clusters/";

  /** Beside the built-in files: their set's version and the CRC-32 of the files it belongs to. */
  static final String VERSION_RECORD = "code-clusters.version";

  private final List<CodeCluster> clusters;
  private final Map<String, CodeCluster> byId;
  private final Map<String, List<CodeCluster>> byCode;
  private final String version;

  private CodeClusters(Map<String, CodeCluster> byId, Map<String, List<CodeCluster>> byCode, String knownVersion) {
    this.byId = byId;
    this.clusters = List.copyOf(byId.values());
    this.byCode = byCode;
    this.version = knownVersion != null ? knownVersion : versionOf(clusters);
  }

  /**
   * The clusters shipped with this library, as published (see {@code clusters/PROVENANCE.md} beside
   * them): NHS England's Primary Care Domain clusters and a few other OpenCodelists lists. Loaded
   * once.
   */
  public static CodeClusters builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these clusters, to add or replace some. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.byId.putAll(byId);
    return b;
  }

  /**
   * Reads a directory of OpenCodelists CSV files and its manifest, {@value #MANIFEST}. Every
   * {@code .csv} file in the directory must be named in the manifest.
   *
   * @throws CodeClusterException naming the file and line of a malformed code or line, a cluster
   *     id twice, a code given contradictory meanings, or a bad manifest; nothing is loaded
   * @throws UncheckedIOException if the directory cannot be read
   */
  public static CodeClusters read(Path directory) {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new CodeClusterException(directory.toString(), 0, List.of(), "is not a directory of code clusters");
    }
    Set<String> csvFiles = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv") && !n.equals(MANIFEST))
          .sorted()
          .forEach(csvFiles::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    CodeClusters read = load(directory);
    for (CodeCluster c : read.clusters) {
      csvFiles.remove(c.file().orElse(""));
    }
    if (!csvFiles.isEmpty()) {
      throw new CodeClusterException(csvFiles.iterator().next(), 0, List.of(),
          "is not named in " + MANIFEST + ": add a line for it (or remove the file)");
    }
    return read;
  }

  /** Every cluster, in id order. */
  public List<CodeCluster> clusters() {
    return clusters;
  }

  /** The cluster with this id. */
  public Optional<CodeCluster> cluster(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The clusters a code is in, in id order; empty for a code in none. */
  public List<CodeCluster> clustersOf(String snomedCode) {
    List<CodeCluster> of = byCode.get(snomedCode);
    return of == null ? List.of() : of;
  }

  /** The number of distinct codes in all clusters. */
  public int codeCount() {
    return byCode.size();
  }

  /**
   * The set's version: the newest dated release among its clusters and a digest of every
   * cluster's id, source, release, meaning, condition and codes, e.g. {@code 20260630+3f9a1c2b7d10}.
   * It changes whenever any cluster does.
   */
  public String version() {
    return version;
  }

  @Override
  public String toString() {
    return "CodeClusters " + version + " (" + clusters.size() + " clusters, " + byCode.size() + " codes)";
  }

  /**
   * SHA-256 of one line per cluster, {@code id|source/release|MEANING|condition|code|code...} with
   * its codes sorted, as UTF-8. Written without regular expressions or string '+' (each is slow on
   * its first use in a fresh JVM).
   */
  private static String versionOf(List<CodeCluster> clusters) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    int size = 0;
    for (CodeCluster c : clusters) {
      size += 64 + 16 * c.codes().size();
    }
    StringBuilder s = new StringBuilder(size);
    String newest = null;
    for (CodeCluster c : clusters) {
      s.append(c.id()).append('|').append(c.source()).append('/').append(c.release())
          .append('|').append(c.meaning().name()).append('|').append(c.condition());
      String[] codes = c.codesInOrder();
      if (!isSorted(codes)) { // published lists are in code order already
        codes = codes.clone();
        Arrays.sort(codes);
      }
      for (String code : codes) {
        s.append('|').append(code);
      }
      s.append('\n');
      if (isDate(c.release()) && (newest == null || c.release().compareTo(newest) > 0)) {
        newest = c.release();
      }
    }
    byte[] digest = sha.digest(s.toString().getBytes(StandardCharsets.UTF_8));
    return new StringBuilder(24).append(newest == null ? "undated" : newest).append('+')
        .append(HexFormat.of().formatHex(digest, 0, 6)).toString();
  }

  private static boolean isSorted(String[] codes) {
    for (int i = 1; i < codes.length; i++) {
      if (codes[i - 1].compareTo(codes[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code (19|20)[0-9]{6}}: a release that is a date, such as {@code 20260630}. */
  private static boolean isDate(String release) {
    if (release.length() != 8 || !(release.startsWith("19") || release.startsWith("20"))) {
      return false;
    }
    for (int i = 2; i < 8; i++) {
      char c = release.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Reads a manifest and its files from a directory, or from the built-in resources if null. */
  private static CodeClusters load(Path directory) {
    byte[] manifestBytes = open(directory, MANIFEST);
    if (manifestBytes == null) {
      throw new CodeClusterException(MANIFEST, 0, List.of(), "manifest not found: it names each CSV file's cluster, meaning, source and release");
    }
    ClusterCsv.Table manifest = ClusterCsv.parse(MANIFEST, manifestBytes);
    CRC32 checksum = new CRC32(); // of every file read, to find the built-in set's recorded version
    checksum.update(manifestBytes);
    int fileCol = manifest.requireColumn("file");
    int idCol = manifest.requireColumn("cluster");
    int meaningCol = manifest.requireColumn("meaning");
    int conditionCol = manifest.column("condition");
    int sourceCol = manifest.requireColumn("source");
    int releaseCol = manifest.requireColumn("release");
    Builder b = new Builder();
    Map<String, Integer> idLines = new HashMap<>();
    for (ClusterCsv.Row row : manifest.rows()) {
      String file = row.field(fileCol);
      String id = row.field(idCol);
      for (String[] required : new String[][] {{"file", file}, {"cluster", id}, {"meaning", row.field(meaningCol)},
          {"source", row.field(sourceCol)}, {"release", row.field(releaseCol)}}) {
        if (required[1].isEmpty()) {
          throw new CodeClusterException(MANIFEST, row.line(), id.isEmpty() ? List.of() : List.of(id), "'" + required[0] + "' is blank");
        }
      }
      if (file.contains("/") || file.contains("\\")) {
        throw new CodeClusterException(MANIFEST, row.line(), List.of(id), "file '" + file + "' must be a name within the directory");
      }
      ClusterMeaning meaning;
      try {
        meaning = ClusterMeaning.valueOf(row.field(meaningCol).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CodeClusterException(MANIFEST, row.line(), List.of(id),
            "unknown meaning '" + row.field(meaningCol) + "', expected one of " + List.of(ClusterMeaning.values()));
      }
      Integer earlier = idLines.putIfAbsent(id, row.line());
      if (earlier != null) {
        throw new CodeClusterException(MANIFEST, row.line(), List.of(id), "cluster id " + id + " twice (also on line " + earlier + ")");
      }
      byte[] bytes = open(directory, file);
      if (bytes == null) {
        throw new CodeClusterException(MANIFEST, row.line(), List.of(id), "file '" + file + "' not found");
      }
      CodeCluster.Builder cluster = CodeCluster.builder().id(id).meaning(meaning)
          .source(row.field(sourceCol)).release(row.field(releaseCol));
      if (conditionCol >= 0) {
        cluster.condition(row.field(conditionCol));
      }
      CodeCluster built;
      try {
        built = CodeCluster.readCsv(file, bytes, cluster);
      } catch (CodeClusterException e) {
        if (e.file().isPresent()) {
          throw e;
        }
        throw new CodeClusterException(MANIFEST, row.line(), e.clusters(), e.getMessage());
      }
      checksum.update(bytes);
      b.add(built);
    }
    return b.build(directory == null ? recordedVersion(checksum.getValue()) : null);
  }

  /** Collects clusters; {@link #build()} checks them together. */
  public static final class Builder {
    private final Map<String, CodeCluster> byId = new TreeMap<>();

    private Builder() {}

    /**
     * Adds a cluster.
     *
     * @throws CodeClusterException if a cluster with its id is already here
     */
    public Builder add(CodeCluster cluster) {
      CodeCluster earlier = byId.putIfAbsent(cluster.id(), cluster);
      if (earlier != null) {
        throw new CodeClusterException(cluster.file().orElse(null), 0, List.of(cluster.id()),
            "cluster id " + cluster.id() + " twice" + earlier.file().map(f -> " (also from " + f + ")").orElse(""));
      }
      return this;
    }

    /** Adds a cluster, replacing one with the same id (a newer release). */
    public Builder replace(CodeCluster cluster) {
      byId.put(cluster.id(), cluster);
      return this;
    }

    /** Adds every cluster of {@code other}, replacing those with the same ids. */
    public Builder replaceAll(CodeClusters other) {
      other.clusters().forEach(this::replace);
      return this;
    }

    /** Removes the cluster with this id, if here. */
    public Builder remove(String id) {
      byId.remove(id);
      return this;
    }

    /**
     * Checks the clusters together and builds the set.
     *
     * @throws CodeClusterException if a code is in clusters with contradictory meanings (naming
     *     both clusters, file and line), or clusters sharing a condition differ in meaning
     */
    public CodeClusters build() {
      return build(null);
    }

    /** Builds with a version known to be that of these clusters, or null to compute it. */
    private CodeClusters build(String knownVersion) {
      Map<String, CodeCluster> byCondition = new HashMap<>();
      for (CodeCluster c : byId.values()) {
        CodeCluster other = byCondition.putIfAbsent(c.condition(), c);
        if (other != null && other.meaning() != c.meaning()) {
          throw new CodeClusterException(c.file().orElse(null), 0, List.of(other.id(), c.id()),
              "clusters sharing condition " + c.condition() + " must share one meaning, were " + other.meaning() + " and " + c.meaning());
        }
      }
      Map<String, List<CodeCluster>> byCode = new HashMap<>(16_384);
      for (CodeCluster c : byId.values()) { // id order, so each code's list is in id order
        List<CodeCluster> justThis = List.of(c); // shared by its codes in no other cluster
        for (String code : c.codesInOrder()) {
          index(byCode, code, c, justThis);
        }
      }
      return new CodeClusters(new java.util.LinkedHashMap<>(byId), byCode, knownVersion);
    }

    /**
     * Adds a code of a cluster to the index, refusing a meaning that contradicts one it already
     * has. A method of its own so that the JIT compiles it after a few hundred of the 8,000
     * built-in codes (a loop in a method called once would run interpreted to the end).
     */
    private static void index(Map<String, List<CodeCluster>> byCode, String code, CodeCluster c, List<CodeCluster> justC) {
      List<CodeCluster> of = byCode.putIfAbsent(code, justC);
      if (of == null) {
        return;
      }
      for (CodeCluster earlier : of) {
        if (earlier.meaning().contradicts(c.meaning())) {
          throw new CodeClusterException(c.file().orElse(null), c.lineOf(code), List.of(earlier.id(), c.id()),
              "code " + code + " is " + c.meaning() + " here but " + earlier.meaning() + " in " + earlier.id()
                  + earlier.file().map(f -> " (" + f + (earlier.lineOf(code) > 0 ? ":" + earlier.lineOf(code) : "") + ")").orElse(""));
        }
      }
      List<CodeCluster> more = new ArrayList<>(of.size() + 1);
      more.addAll(of);
      more.add(c);
      byCode.put(code, List.copyOf(more));
    }
  }

  /**
   * A file's bytes from a directory, or from the built-in resources if it is null; null if there is
   * no such file. (Not a lambda: the first lambda of a call site is slow in a fresh JVM.)
   */
  private static byte[] open(Path directory, String name) {
    if (directory == null) {
      return BuiltIn.resource(name);
    }
    try {
      return Files.readAllBytes(directory.resolve(name));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory.resolve(name), e);
    }
  }

  /**
   * The built-in set's version as recorded in {@value #VERSION_RECORD} beside the files, if the
   * CRC-32 recorded with it is that of the files as read ({@code checksum}), else null (then the
   * version is computed). Hashing every code for the version takes a fifth of loading the built-in
   * set in a fresh JVM; CodeClustersTest fails when the record and the files disagree.
   */
  static String recordedVersion(long checksum) {
    byte[] record = BuiltIn.resource(VERSION_RECORD);
    if (record == null) {
      return null;
    }
    String crc = null;
    String version = null;
    String text = new String(record, StandardCharsets.UTF_8);
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end).strip();
      start = end + 1;
      if (line.startsWith("crc32=")) {
        crc = line.substring(6);
      } else if (line.startsWith("version=")) {
        version = line.substring(8);
      }
    }
    return version != null && Long.toHexString(checksum).equals(crc) ? version : null;
  }

  private static final class BuiltIn {
    /** The manifest's URL: the files beside it are opened relative to it. */
    private static final URL ROOT = CodeClusters.class.getResource(BUILT_IN_ROOT.concat(MANIFEST));
    static final CodeClusters INSTANCE = load(null);

    /**
     * A built-in file's bytes, or null if there is none. Opened by a URL relative to the
     * manifest's rather than by {@code getResourceAsStream}, which would first search every module
     * of the platform class loaders for each name (about half the cost of reading the files, in a
     * fresh JVM), and read at its known length in one call.
     */
    static byte[] resource(String name) {
      if (ROOT != null) {
        try {
          URLConnection connection = new URL(ROOT, name).openConnection();
          int length = connection.getContentLength();
          try (InputStream in = connection.getInputStream()) {
            if (length < 0) {
              return in.readAllBytes();
            }
            byte[] bytes = new byte[length];
            if (in.readNBytes(bytes, 0, length) == length && in.read() < 0) {
              return bytes;
            }
          }
        } catch (IOException e) {
          // not beside the manifest as a URL can say: look it up as a resource below
        }
      }
      try (InputStream in = CodeClusters.class.getResourceAsStream(BUILT_IN_ROOT.concat(name))) {
        return in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read built-in code cluster " + name, e);
      }
    }
  }
}
