package io.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serving {@code shoal} command (node, front) run in this JVM on its own thread, as a user runs
 * it until Ctrl-C: its output is read as it is written, and interrupting the thread stops it the
 * way the shutdown hook does.
 */
public final class InProcessCommand {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final int[] code = {-1};
  private final Thread thread;

  private InProcessCommand(String name, String... args) {
    thread = new Thread(() -> code[0] = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), args),
        name);
  }

  /** Starts {@code shoal args...} on a thread named {@code name}. */
  public static InProcessCommand start(String name, String... args) {
    InProcessCommand c = new InProcessCommand(name, args);
    c.thread.start();
    return c;
  }

  /** What it printed so far. */
  public String out() {
    return out.toString();
  }

  /** Waits up to 30 s for its output to contain {@code pattern} (its start-up line), failing with its output. */
  public Matcher await(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Matcher m = pattern.matcher("");
    while (!m.reset(out.toString()).find()) {
      assertThat(System.nanoTime()).as("%s started; out: %s err: %s", thread.getName(), out, err)
          .isLessThan(deadline);
      Thread.sleep(20);
    }
    return m;
  }

  /**
   * Interrupts it and checks that it stopped within 30 s with exit code 0, printed {@code
   * stoppedLine} and no longer accepts connections on {@code port}.
   */
  public void stopAndCheck(String stoppedLine, int port) throws InterruptedException, IOException {
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
    assertThat(code[0]).isEqualTo(Shoal.OK);
    assertThat(out.toString()).contains(stoppedLine);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      throw new AssertionError("port " + port + " still accepts connections after " + thread.getName() + " stopped");
    } catch (IOException refused) {
      // closed, as it should be
    }
  }
}
