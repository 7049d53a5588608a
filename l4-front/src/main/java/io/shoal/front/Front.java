package io.shoal.front;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.shoal.front.internal.AdminServer;
import io.shoal.front.internal.ClientHandler;
import io.shoal.front.internal.Dispatcher;
import io.shoal.front.internal.FrontMetrics;
import io.shoal.front.internal.HealthChecker;
import io.shoal.front.internal.NodeState;
import io.shoal.front.internal.Transport;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A running userspace front: listening, relaying, checking nodes. Close it to stop. */
public final class Front implements AutoCloseable {
  private final Dispatcher dispatcher;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel server;
  private final HealthChecker health;
  private final PrometheusMeterRegistry registry;
  private final AdminServer admin;
  private final String transportName;

  private Front(FrontConfig config) throws InterruptedException {
    Transport transport = Transport.of(config.transport());
    transportName = transport.name().toLowerCase(Locale.ROOT);
    List<NodeState> nodes = config.nodes().stream().map(n -> new NodeState(n, config.rise(), config.fall())).toList();
    nodes.forEach(n -> n.draining(config.drained().contains(n.address())));
    dispatcher = new Dispatcher(config, transport, nodes, Balancers.create(config.balancer()));
    boss = transport.group(1);
    workers = transport.group(0);
    AdminServer startedAdmin = null;
    Channel bound = null;
    try {
      bound = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.AUTO_READ, false)
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(
                  new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                  new ClientHandler(dispatcher));
            }
          }).bind(config.listen()).sync().channel();
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      FrontMetrics.bind(dispatcher, registry);
      if (config.admin() != null) {
        startedAdmin = new AdminServer(transport, boss, config.admin(), control());
      }
    } catch (Exception e) {
      if (bound != null) {
        bound.close();
      }
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      if (e instanceof InterruptedException) {
        throw (InterruptedException) e;
      }
      throw new IllegalStateException("cannot listen on " + config.listen()
          + (config.admin() != null ? " / admin " + config.admin() : "") + ": " + e.getMessage(), e);
    }
    server = bound;
    admin = startedAdmin;
    health = new HealthChecker(dispatcher, workers);
    health.start();
  }

  /**
   * Binds the listener (and the admin server, if configured) and starts the health checks.
   *
   * @throws IllegalStateException if an address cannot be bound, with the address in the message
   */
  public static Front start(FrontConfig config) {
    try {
      return new Front(config);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  /** The relay's bound address (useful with port 0). */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  /** The admin server's bound address, or null if there is none. */
  public InetSocketAddress adminAddress() {
    return admin == null ? null : admin.address();
  }

  /** {@code epoll} or {@code nio}. */
  public String transport() {
    return transportName;
  }

  /** Drains ({@code on}) or undrains a node by {@code host:port}; false if there is no such node. */
  public boolean drain(String node, boolean on) {
    for (NodeState n : dispatcher.nodes()) {
      if (n.address().toString().equals(node)) {
        n.draining(on);
        return true;
      }
    }
    return false;
  }

  public FrontStatus status() {
    List<FrontStatus.Node> nodes = dispatcher.nodes().stream().map(n -> new FrontStatus.Node(
        n.address().toString(), n.address().weight(), n.up(), n.draining(), n.active(), n.connections(),
        n.connectFailures(), n.bytesToNode(), n.bytesToClient())).toList();
    Map<String, Long> refused = new LinkedHashMap<>();
    for (Dispatcher.Refusal r : Dispatcher.Refusal.values()) {
      refused.put(r.name().toLowerCase(Locale.ROOT).replace('_', '-'), dispatcher.refused(r));
    }
    return new FrontStatus(nodes, dispatcher.active(), dispatcher.accepted(), refused);
  }

  /** The Prometheus text exposition, as {@code GET /metrics} serves it. */
  public String metrics() {
    return registry.scrape();
  }

  private AdminServer.Control control() {
    return new AdminServer.Control() {
      @Override public String statusJson() { return status().toJson(); }
      @Override public String metrics() { return Front.this.metrics(); }
      @Override public boolean drain(String node, boolean on) { return Front.this.drain(node, on); }
    };
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    health.stop();
    server.close().syncUninterruptibly();
    if (admin != null) {
      admin.close();
    }
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    registry.close();
  }
}
