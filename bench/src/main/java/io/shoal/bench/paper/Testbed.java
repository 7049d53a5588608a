package io.shoal.bench.paper;

import java.net.URI;
import java.util.List;

/** Starts the system under test for one run: a cluster of a size, strategy and architecture. */
public interface Testbed {
  /**
   * Starts {@code servers} cache nodes placing keys with {@code strategy}, behind one switch
   * ({@link Arch#CENTRALIZED}) or the L4 front ({@link Arch#DISTRIBUTED}); returns when they serve.
   *
   * @throws IllegalStateException when a part does not start (the message names it); everything
   *     started so far is stopped
   * @throws InterruptedException when interrupted while starting (everything is stopped)
   */
  Deployment start(int servers, String strategy, Arch arch) throws InterruptedException;

  /** A running cluster; {@link #close()} stops every part of it. */
  interface Deployment extends AutoCloseable {
    /** Where clients send requests: the switch or the front. */
    URI proxy();

    /** The admin {@code /status} URIs of the cache nodes (not the switch). */
    List<URI> cacheStatus();

    /** The process ids of the parts, for the run log. */
    List<Long> pids();

    /** Starts counting what each host uses; called just before the replay starts. */
    default void startCounting() {}

    /** What each host used since {@link #startCounting()}; empty when this testbed does not count. */
    default List<HostUsage> usage() {
      return List.of();
    }

    @Override
    void close();
  }
}
