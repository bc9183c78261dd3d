package uk.nhs.carecoord.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal a person is watching (so progress may be drawn on it). */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard error is a terminal. Java 17 cannot ask this of one stream, so on Linux
   * this looks at where file descriptor 2 points; elsewhere it falls back to whether the process
   * has a console at all (false when any standard stream is redirected, so it errs on quiet).
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    if (Files.exists(fd2)) {
      try {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
