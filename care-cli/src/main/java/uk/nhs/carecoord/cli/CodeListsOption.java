package uk.nhs.carecoord.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import uk.nhs.carecoord.model.CodeClusterException;
import uk.nhs.carecoord.model.CodeClusters;

/**
 * {@code --code-lists <dir>}, shared by the commands that evaluate: a directory of OpenCodelists CSV
 * files and their manifest whose clusters replace the built-in clusters with the same ids (a newer
 * release) or add to them. A command mixes it in with {@code @Mixin CodeListsOption codeLists;}.
 */
final class CodeListsOption {
  @Option(names = "--code-lists", paramLabel = "<dir>",
      description = "A directory of OpenCodelists CSV files (code,term) and their manifest, "
          + CodeClusters.MANIFEST + ": each cluster replaces the built-in cluster with its id or adds to them.")
  Path directory;

  /**
   * The code clusters to evaluate with: the built-in ones, with the directory's replacing or adding.
   *
   * @throws UserError naming the file and line of a malformed file
   */
  CodeClusters clusters() {
    if (directory == null) {
      return CodeClusters.builtIn();
    }
    Inputs.directory(directory);
    try {
      return CodeClusters.builtIn().toBuilder().replaceAll(CodeClusters.read(directory)).build();
    } catch (CodeClusterException e) {
      throw new UserError("--code-lists " + directory + ": " + e.getMessage(), e);
    }
  }
}
