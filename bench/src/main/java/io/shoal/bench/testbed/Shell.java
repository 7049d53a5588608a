package io.shoal.bench.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the commands of the testbed ({@code ip}, {@code tc}, {@code nft}, {@code sysctl}) and says why one failed. */
public final class Shell {
  /** What a command printed (standard output and error together) and its exit code. */
  public record Result(int code, String output) {
    public boolean ok() {
      return code == 0;
    }
  }

  private Shell() {}

  /** Runs {@code command}; never throws for a failing command (see {@link #run}). */
  public static Result exec(List<String> command) {
    try {
      List<String> c = new ArrayList<>(command);
      c.set(0, resolve(c.get(0)));
      Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out after 60 s");
      }
      return new Result(p.exitValue(), out.strip());
    } catch (IOException e) {
      return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  /**
   * Runs a command that must succeed.
   *
   * @throws IllegalStateException {@code COMMAND: exit N: OUTPUT}
   */
  public static String run(String... command) {
    Result r = exec(List.of(command));
    if (!r.ok()) {
      throw new IllegalStateException(String.join(" ", command) + ": exit " + r.code() + (r.output().isEmpty() ? ""
          : ": " + r.output()));
    }
    return r.output();
  }

  /**
   * {@code command} run inside network namespace {@code ns}. It enters the namespace with
   * {@code nsenter}, which changes nothing else: unlike {@code ip netns exec}, it does not mount a
   * new {@code /sys} over the cgroup file systems a process there still needs.
   */
  public static List<String> in(String ns, List<String> command) {
    List<String> c = new ArrayList<>(List.of(resolve("nsenter"), "--net=/run/netns/" + ns));
    c.addAll(command);
    return c;
  }

  /** Runs a command that must succeed inside network namespace {@code ns}. */
  public static String runIn(String ns, String... command) {
    return run(in(ns, List.of(command)).toArray(String[]::new));
  }

  /** Whether {@code name} is an executable on the PATH or in {@code /usr/sbin} or {@code /sbin}. */
  public static boolean onPath(String name) {
    return !resolve(name).equals(name);
  }

  /**
   * The absolute path of executable {@code name}, looked up on the PATH and then in the
   * administrator's directories (a root shell's PATH may lack them); {@code name} itself when not
   * found or already a path.
   */
  public static String resolve(String name) {
    if (name.contains("/")) {
      return name;
    }
    String path = System.getenv("PATH");
    for (String dir : ((path == null ? "" : path) + ":/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    return name;
  }
}
