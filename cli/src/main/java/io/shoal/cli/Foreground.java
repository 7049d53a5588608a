package io.shoal.cli;

import java.util.concurrent.CountDownLatch;

/**
 * How a serving command ({@code node}, {@code front}, {@code cluster}, {@code bench origin}) runs
 * in the foreground: until SIGINT or SIGTERM, whose shutdown hook stops it gracefully, or until the
 * thread that runs it is interrupted (an embedding, such as a test, stopping it in process).
 */
public final class Foreground {
  private Foreground() {}

  /**
   * Registers a shutdown hook named {@code hookName} that runs {@code stop}, runs {@code started}
   * (what the command prints once the hook is in place), and waits. When this thread is
   * interrupted instead, removes the hook, runs {@code stop}, then {@code stoppedInProcess}.
   */
  public static void run(String hookName, Runnable stop, Runnable started, Runnable stoppedInProcess) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.run();
      stopped.countDown();
    }, hookName);
    Runtime.getRuntime().addShutdownHook(hook);
    started.run();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      stop.run();
      stoppedInProcess.run();
    }
  }
}
