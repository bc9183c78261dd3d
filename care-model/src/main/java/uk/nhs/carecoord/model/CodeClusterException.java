package uk.nhs.carecoord.model;

import java.util.List;
import java.util.Optional;

/**
 * Code clusters that cannot be loaded: a malformed code or CSV line, a code given two
 * contradictory meanings, a cluster id twice, or a bad manifest. Names the file and line where
 * there is one and the clusters involved. Nothing is loaded when this is thrown.
 */
public final class CodeClusterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final List<String> clusters;

  /**
   * @param file the file at fault, or null when the clusters were built in code
   * @param line the 1-based line at fault, or 0 when there is none
   * @param clusters the ids of the clusters involved (may be empty)
   * @param problem what is wrong
   */
  public CodeClusterException(String file, int line, List<String> clusters, String problem) {
    super(location(file, line) + problem + (clusters.isEmpty() ? "" : " (clusters " + String.join(", ", clusters) + ")"));
    this.file = file;
    this.line = line;
    this.clusters = List.copyOf(clusters);
  }

  /** The file at fault (its name within the directory or resource root), if any. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /** The 1-based line at fault, or 0 when there is none. */
  public int line() {
    return line;
  }

  /** The ids of the clusters involved, e.g. both clusters of a contradictory code. */
  public List<String> clusters() {
    return clusters;
  }

  private static String location(String file, int line) {
    if (file == null) {
      return "";
    }
    return line > 0 ? file + ":" + line + ": " : file + ": ";
  }
}
