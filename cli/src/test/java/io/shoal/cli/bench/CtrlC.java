package io.shoal.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ctrl-C for a child process: SIGINT, or SIGTERM when this JVM was started with SIGINT ignored
 * (a job run in the background by a non-interactive shell is), because the child inherits that
 * and the JVM then never sees SIGINT. Both run the same shutdown hooks; the exit code is 128 plus
 * the signal's number.
 */
final class CtrlC {
  private CtrlC() {}

  /** Sends the signal to {@code p}; returns the exit code its shutdown should end with. */
  static int send(Process p) throws IOException, InterruptedException {
    boolean intIgnored = intIgnored();
    new ProcessBuilder("kill", intIgnored ? "-TERM" : "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
    return intIgnored ? 128 + 15 : 128 + 2;
  }

  /** Whether SIGINT is in this process's ignored set (/proc/self/status, SigIgn: a hex mask). */
  private static boolean intIgnored() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }
}
