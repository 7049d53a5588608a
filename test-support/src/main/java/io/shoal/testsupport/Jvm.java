package io.shoal.testsupport;

import java.util.ArrayList;
import java.util.List;

/** Child JVMs that run a main class of the test class path (real processes, to kill for real). */
public final class Jvm {
  private Jvm() {}

  /** The {@code java} of the running JVM. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
  }

  /** {@code java OPTIONS -cp <this class path> MAIN ARGS}. */
  public static List<String> command(List<String> options, String main, List<String> args) {
    List<String> c = new ArrayList<>();
    c.add(java());
    c.addAll(options);
    c.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
    c.addAll(args);
    return c;
  }
}
