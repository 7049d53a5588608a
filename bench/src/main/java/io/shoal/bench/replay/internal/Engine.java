package io.shoal.bench.replay.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The closed-loop client: {@code connections} virtual users ({@link Slot}s), each sending the
 * next request of the {@link Feed} when its previous response has arrived, spread over a few
 * Netty event loops (epoll where available). Each user stays on one event loop, so its state
 * needs no locks.
 */
public final class Engine implements AutoCloseable {
  /** Settings of one run. */
  public record Config(InetSocketAddress proxy, String hostHeader, int connections, int threads,
      boolean keepAlive, long timeoutNanos, long connectTimeoutMillis, long deadlineNanos) {

    /** What follows the target in every request, ASCII: the version and the headers. */
    byte[] head() {
      return (" HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: shoal-bench\r\n"
          + (keepAlive ? "" : "Connection: close\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final Config config;
  private final Feed feed;
  private final Tally tally;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final List<Slot> slots = new ArrayList<>();
  private final CountDownLatch done;
  private volatile boolean stopping;

  public Engine(Config config, Feed feed, Tally tally) {
    this.config = config;
    this.feed = feed;
    this.tally = tally;
    this.done = new CountDownLatch(config.connections());
    DefaultThreadFactory threads = new DefaultThreadFactory("shoal-replay", true);
    boolean epoll = Epoll.isAvailable();
    this.group = epoll ? new EpollEventLoopGroup(config.threads(), threads)
        : new NioEventLoopGroup(config.threads(), threads);
    this.bootstrap = new Bootstrap()
        .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeoutMillis());
  }

  /** Starts every virtual user. */
  public void start() {
    List<EventLoop> loops = new ArrayList<>();
    group.forEach(e -> loops.add((EventLoop) e));
    List<Flusher> flushers = loops.stream().map(Flusher::new).toList();
    for (int i = 0; i < config.connections(); i++) {
      EventLoop loop = loops.get(i % loops.size());
      Slot slot = new Slot(this, loop, flushers.get(i % loops.size()), bootstrap.clone(loop));
      slots.add(slot);
    }
    for (EventLoop loop : loops) {
      List<Slot> mine = slots.stream().filter(s -> s.loop() == loop).toList();
      loop.scheduleAtFixedRate(() -> mine.forEach(Slot::checkTimeout), 100, 100, TimeUnit.MILLISECONDS);
    }
    slots.forEach(s -> s.loop().execute(s::next));
  }

  /** Waits until every virtual user has finished, up to {@code nanos}; whether they all did. */
  public boolean await(long nanos) throws InterruptedException {
    return done.await(nanos, TimeUnit.NANOSECONDS);
  }

  /** Sends no new requests; requests in flight may still finish. */
  public void stop() {
    stopping = true;
    feed.end();
  }

  /** Closes every connection now; requests in flight are lost. */
  @Override
  public void close() {
    stop();
    for (Slot s : slots) {
      s.loop().execute(s::abort);
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }

  boolean stopping() {
    return stopping || config.deadlineNanos() != 0 && System.nanoTime() - config.deadlineNanos() >= 0;
  }

  Config config() {
    return config;
  }

  Feed feed() {
    return feed;
  }

  Tally tally() {
    return tally;
  }

  void finished() {
    done.countDown();
  }

  /** Closes a channel without waiting. */
  static void close(Channel ch) {
    if (ch != null) {
      ch.close();
    }
  }
}
