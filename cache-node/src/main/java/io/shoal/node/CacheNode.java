package io.shoal.node;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shoal.distiller.DistillService;
import io.shoal.distiller.DistillSettings;
import io.shoal.distiller.Distiller;
import io.shoal.node.internal.admin.AdminHandler;
import io.shoal.node.internal.cache.CachePolicy;
import io.shoal.node.internal.cache.Collapser;
import io.shoal.node.internal.cache.HttpCache;
import io.shoal.node.internal.cluster.NodeCluster;
import io.shoal.node.internal.log.AccessLog;
import io.shoal.node.internal.origin.CachingDnsResolver;
import io.shoal.node.internal.origin.OriginClient;
import io.shoal.node.internal.proxy.ProxyContext;
import io.shoal.node.internal.proxy.ProxyHandlers;
import io.shoal.node.internal.proxy.ProxyListener;
import io.shoal.node.internal.proxy.ProxyMetrics;
import io.shoal.router.MembershipSettings;
import io.shoal.router.UrlNormalizer;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.OptionMap;
import org.xnio.Options;

/**
 * One cache node: the proxy listener (forward, reverse and CONNECT) in front of the RFC 9111
 * cache and the origin client, and the admin listener. {@link #close()} shuts down gracefully:
 * new requests get 503, in-flight requests finish up to {@code shutdown.timeout}, then the
 * listeners close.
 */
public final class CacheNode implements AutoCloseable {
  private final String id;
  private final NodeConfig config;
  private final Undertow server;
  private final ProxyListener proxyListener;
  private final GracefulShutdownHandler graceful;
  private final OriginClient origin;
  private final AccessLog accessLog;
  private final AtomicBoolean serving = new AtomicBoolean(true);
  private final InetSocketAddress proxyAddress;
  private final InetSocketAddress adminAddress;
  private final NodeCluster cluster;
  private final DistillService distiller;

  private CacheNode(NodeConfig config, List<Distiller> distillers) {
    this.config = Objects.requireNonNull(config, "config");
    this.id = config.nodeId();
    CachingDnsResolver dns = new CachingDnsResolver(config.get(OriginSettings.DNS_TTL));
    this.origin = new OriginClient(new OriginClient.Options(dns,
        config.get(OriginSettings.CONNECT_TIMEOUT), config.get(OriginSettings.RESPONSE_TIMEOUT),
        config.get(OriginSettings.IDLE_TIMEOUT), config.get(OriginSettings.MAX_CONNECTIONS),
        config.get(OriginSettings.MAX_PER_ORIGIN)));
    this.accessLog = accessLog(config);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    long cacheBytes = config.get(CacheSettings.SIZE);
    HttpCache cache = new HttpCache(cacheBytes);
    CaffeineCacheMetrics.monitor(registry, cache.responses(), "shoal.cache");
    registry.gauge("shoal.cache.bytes", cache, HttpCache::bytes);
    new JvmMemoryMetrics().bindTo(registry);
    ProxyMetrics metrics = new ProxyMetrics(registry);
    UrlNormalizer normalizer = UrlNormalizer.builder()
        .includeQuery(config.get(CacheSettings.KEY_QUERY))
        .sortQuery(config.get(CacheSettings.KEY_SORT_QUERY))
        .ignoreQueryParameters(config.get(CacheSettings.KEY_IGNORED_PARAMETERS).toArray(new String[0]))
        .build();
    this.distiller = distiller(config, registry, distillers);
    ProxyContext context = ProxyContext.builder()
        .nodeId(id)
        .normalizer(normalizer)
        .cache(cache)
        .policy(new CachePolicy(config.get(CacheSettings.HEURISTIC_FRACTION), config.get(CacheSettings.HEURISTIC_MAX)))
        .collapser(new Collapser(config.get(CacheSettings.NOT_STORABLE_TTL)))
        .origin(origin)
        .destinations(dns, config.get(ProxySettings.ALLOWED_DESTINATIONS))
        .metrics(metrics)
        .reverseOrigin(config.get(ProxySettings.REVERSE_ORIGIN))
        .maxObjectSize(config.get(CacheSettings.MAX_OBJECT_SIZE))
        .maxRequestBody(config.get(ProxySettings.MAX_REQUEST_BODY))
        .collapseTimeout(config.get(CacheSettings.COLLAPSE_TIMEOUT))
        .connectTimeout(config.get(OriginSettings.CONNECT_TIMEOUT))
        .responseTimeout(config.get(OriginSettings.RESPONSE_TIMEOUT))
        .distiller(distiller, config.get(DistillSettings.STORE_ORIGINAL))
        .build();
    this.cluster = config.get(MembershipSettings.ENABLED)
        ? new NodeCluster(config, normalizer, () -> (double) cache.bytes() / cacheBytes,
            key -> cache.invalidate(key) > 0, registry)
        : null;
    ProxyHandlers.Cluster hooks = cluster == null ? null
        : new ProxyHandlers.Cluster(cluster::isPeer, cluster::fromPeer, cluster::route, cluster::pac, cluster.relay());
    HttpHandler proxy = ProxyHandlers.chain(context, accessLog, dns, config.get(ProxySettings.CLIENT_ACL),
        config.get(ProxySettings.MAX_HEADER_BYTES), config.get(ProxySettings.CONNECT_PORTS), hooks);
    this.graceful = new GracefulShutdownHandler(proxy);
    HttpHandler admin = new AdminHandler(id, cache, cacheBytes, metrics, registry, normalizer,
        config.get(AdminSettings.TOKEN), serving::get, cluster);
    int ioThreads = config.get(ProxySettings.IO_THREADS);
    long maxHeader = config.get(ProxySettings.MAX_HEADER_BYTES);
    OptionMap serverOptions = OptionMap.builder()
        .set(UndertowOptions.DECODE_URL, false)
        .set(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
        // Undertow's own hard limit sits above ours so that ours can answer 431 with a reason.
        .set(UndertowOptions.MAX_HEADER_SIZE, (int) Math.min(Integer.MAX_VALUE, maxHeader * 2 + 1024))
        .set(UndertowOptions.NO_REQUEST_TIMEOUT, millis(config.get(ProxySettings.IDLE_TIMEOUT)))
        .set(UndertowOptions.IDLE_TIMEOUT, millis(config.get(ProxySettings.IDLE_TIMEOUT)))
        .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
        .getMap();
    // The builder runs the admin listener and the worker; the proxy listener is opened on that
    // worker by ProxyListener, which guards each connection's raw request heads.
    this.server = Undertow.builder()
        .setIoThreads(ioThreads == 0 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : ioThreads)
        .setWorkerThreads(config.get(ProxySettings.WORKER_THREADS))
        .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(config.get(ProxySettings.IDLE_TIMEOUT)))
        .setSocketOption(Options.TCP_NODELAY, true)
        .setSocketOption(Options.REUSE_ADDRESSES, true)
        .addHttpListener(config.get(AdminSettings.PORT), config.get(AdminSettings.HOST), admin)
        .build();
    try {
      server.start();
      this.proxyListener = ProxyListener.open(server.getWorker(),
          new InetSocketAddress(config.get(ProxySettings.HOST), config.get(ProxySettings.PORT)), graceful,
          serverOptions, OptionMap.EMPTY, config.get(ProxySettings.REQUEST_TIMEOUT),
          config.get(ProxySettings.PROXY_PROTOCOL) ? config.get(ProxySettings.PROXY_PROTOCOL_FROM) : null);
    } catch (IOException | RuntimeException e) {
      server.stop();
      origin.close();
      accessLog.close();
      if (cluster != null) {
        cluster.close();
      }
      throw new IllegalStateException("cannot listen on proxy " + config.get(ProxySettings.HOST) + ":"
          + config.get(ProxySettings.PORT) + " / admin " + config.get(AdminSettings.HOST) + ":"
          + config.get(AdminSettings.PORT) + ": " + rootMessage(e), e);
    }
    this.proxyAddress = proxyListener.address();
    this.adminAddress = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    if (cluster != null) {
      try {
        cluster.join(proxyAddress);
      } catch (RuntimeException e) {
        proxyListener.close();
        server.stop();
        origin.close();
        accessLog.close();
        cluster.close();
        throw new IllegalStateException("cluster " + config.get(MembershipSettings.NAME) + ": cannot join on "
            + config.get(MembershipSettings.BIND_ADDRESS) + ":" + config.get(MembershipSettings.BIND_PORT)
            + ": " + rootMessage(e), e);
      }
    }
  }

  /**
   * Starts a node.
   *
   * @throws IllegalStateException when a listener cannot bind, with the address
   */
  public static CacheNode start(NodeConfig config) {
    return new CacheNode(config, List.of());
  }

  /** A node whose distill service also has {@code distillers} (replacing built-ins of the same name); for tests. */
  static CacheNode start(NodeConfig config, List<Distiller> distillers) {
    return new CacheNode(config, distillers);
  }

  public String id() {
    return id;
  }

  public NodeConfig config() {
    return config;
  }

  /** Where the proxy listener listens (the real port when 0 was configured). */
  public InetSocketAddress proxyAddress() {
    return proxyAddress;
  }

  public InetSocketAddress adminAddress() {
    return adminAddress;
  }

  /** The node's cluster membership; null when {@code cluster.enabled} is false. */
  public NodeCluster cluster() {
    return cluster;
  }

  /** Refuses new requests (503), waits for in-flight ones up to {@code shutdown.timeout}, then stops. */
  @Override
  public void close() {
    if (!serving.getAndSet(false)) {
      return;
    }
    if (cluster != null) {
      // Others stop routing here first; requests already on their way still finish.
      cluster.drain(config.get(NodeSettings.SHUTDOWN_TIMEOUT));
    }
    graceful.shutdown();
    try {
      graceful.awaitShutdown(config.get(NodeSettings.SHUTDOWN_TIMEOUT).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    proxyListener.close();
    server.stop();
    origin.close();
    accessLog.close();
    if (distiller != null) {
      distiller.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The distill service of {@code distill.*}, its meters on the node's registry; null when off. */
  private static DistillService distiller(NodeConfig config, MeterRegistry registry, List<Distiller> distillers) {
    if (!config.get(DistillSettings.ENABLED)) {
      return null;
    }
    DistillService.Builder b = DistillService.builder().settings(config.config()).meterRegistry(registry);
    distillers.forEach(b::distiller);
    return b.build();
  }

  private static AccessLog accessLog(NodeConfig config) {
    String file = config.get(AdminSettings.ACCESS_LOG);
    if (file.isEmpty()) {
      return AccessLog.off();
    }
    try {
      return AccessLog.to(Path.of(file), config.get(AdminSettings.ACCESS_LOG_MAX), config.get(AdminSettings.ACCESS_LOG_KEEP));
    } catch (IOException e) {
      throw new UncheckedIOException("log.access-file: cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  private static int millis(java.time.Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
