package io.shoal.bench.origin;

import io.shoal.base.Checks;
import io.shoal.bench.origin.internal.Counters;
import io.shoal.bench.origin.internal.Jpegs;
import io.shoal.bench.origin.internal.OriginHandler;
import io.shoal.traces.TraceRequest;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.xnio.Options;

/**
 * The benchmark origin: an Undertow server answering every object URL ({@link ObjectUrls}) with
 * a deterministic body of the size the URL, a loaded trace or the default says; a real JPEG for
 * image extensions; {@code Cache-Control: max-age}, {@code Last-Modified} and {@code ETag}, and
 * 304 to a matching conditional request; an optional latency before and a rate cap during each
 * response (a WAN origin); per-URL request counts in {@link #stats()} and at {@code GET
 * /_origin/stats}.
 *
 * <pre>{@code
 * try (BenchOrigin origin = BenchOrigin.builder().maxAge(Duration.ofHours(1)).start()) {
 *   URI u = origin.uri(ObjectUrls.path("42", 1024, 0));   // 1,024 bytes of text/html
 * }
 * }</pre>
 */
public final class BenchOrigin implements AutoCloseable {
  private final Undertow server;
  private final Counters counters;
  private final InetSocketAddress address;

  private BenchOrigin(Builder b) {
    this.counters = new Counters();
    OriginHandler handler = new OriginHandler(new OriginHandler.Options(
        b.maxAge == null ? -1 : b.maxAge.toSeconds(), b.latency.toMillis(), b.bytesPerSecond,
        b.defaultSize, Map.copyOf(b.sizes), b.lastModified), counters, new Jpegs(b.imageCacheBytes));
    this.server = Undertow.builder()
        .setIoThreads(b.ioThreads)
        .setWorkerThreads(Math.max(2, b.ioThreads))
        .setServerOption(UndertowOptions.DECODE_URL, false)
        .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
        .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
        .setSocketOption(Options.TCP_NODELAY, true)
        .setSocketOption(Options.BACKLOG, 1024)
        .addHttpListener(b.port, b.host, handler)
        .build();
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new IllegalStateException("cannot listen on " + b.host + ":" + b.port + ": " + rootMessage(e), e);
    }
    this.address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The sizes of a trace's objects by {@link ObjectUrls#name name}, for an origin that serves
   * plain paths ({@code /NAME}) at the trace's sizes. The first known size of a key wins.
   */
  public static Map<String, Long> sizesOf(Stream<TraceRequest> requests, double imageShare) {
    Map<String, Long> sizes = new HashMap<>();
    requests.filter(TraceRequest::hasSize)
        .forEach(r -> sizes.putIfAbsent(ObjectUrls.name(r.key(), imageShare), r.size()));
    return sizes;
  }

  /** Where it listens (the real port when 0 was asked). */
  public InetSocketAddress address() {
    return address;
  }

  /** {@code http://HOST:PORT} of this origin. */
  public URI uri() {
    String host = address.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
  }

  /** The absolute URI of an origin path. */
  public URI uri(String path) {
    return URI.create(uri() + path);
  }

  /** The counts so far. */
  public OriginStats stats() {
    return counters.snapshot();
  }

  /** Starts counting from zero. */
  public void resetStats() {
    counters.reset();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Settings of a {@link BenchOrigin}; each setter checks its value. */
  public static final class Builder {
    private String host = BenchOriginSettings.HOST.defaultValue();
    private int port;
    private Duration maxAge = BenchOriginSettings.MAX_AGE.defaultValue().orElse(null);
    private Duration latency = BenchOriginSettings.LATENCY.defaultValue();
    private long bytesPerSecond = BenchOriginSettings.BANDWIDTH.defaultValue();
    private long defaultSize = BenchOriginSettings.DEFAULT_SIZE.defaultValue();
    private Map<String, Long> sizes = Map.of();
    private long lastModified = 946_684_800_000L; // 2000-01-01T00:00:00Z: old enough for any cache
    private int ioThreads = ioThreadsFor(BenchOriginSettings.IO_THREADS.defaultValue());
    private long imageCacheBytes = BenchOriginSettings.IMAGE_CACHE.defaultValue();

    private Builder() {}

    /** The address to listen on; default: {@code bench.origin.host}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; default 0 (any free port; {@code bench.origin.port} is the command's). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
      }
      this.port = port;
      return this;
    }

    /** {@code Cache-Control: max-age}; {@code null} sends {@code no-store}. Default: {@code bench.origin.max-age}. */
    public Builder maxAge(Duration maxAge) {
      if (maxAge != null && maxAge.isNegative()) {
        throw Checks.bad("maxAge", maxAge, ">= 0, or null for no-store");
      }
      this.maxAge = maxAge;
      return this;
    }

    /** Delay before each response (WAN round trips); default: {@code bench.origin.latency}. */
    public Builder latency(Duration latency) {
      this.latency = Checks.notNegative("latency", latency);
      return this;
    }

    /** Body rate cap per response in bytes per second, 0 for none; default: {@code bench.origin.bandwidth}. */
    public Builder bandwidth(long bytesPerSecond) {
      if (bytesPerSecond < 0) {
        throw new IllegalArgumentException("bandwidth: " + bytesPerSecond + " (expected: >= 0 bytes/s, 0 for no cap)");
      }
      this.bytesPerSecond = bytesPerSecond;
      return this;
    }

    /** The size of paths that carry none and are not in {@link #sizes}; default: {@code bench.origin.default-size}. */
    public Builder defaultSize(long defaultSize) {
      this.defaultSize = Checks.notNegative("defaultSize", defaultSize);
      return this;
    }

    /** Object sizes by name, e.g. {@link BenchOrigin#sizesOf} of a trace. */
    public Builder sizes(Map<String, Long> sizes) {
      this.sizes = Objects.requireNonNull(sizes, "sizes");
      return this;
    }

    /** {@code Last-Modified} of every object, in epoch milliseconds; default 2000-01-01. */
    public Builder lastModified(long epochMillis) {
      this.lastModified = Checks.notNegative("lastModified", epochMillis);
      return this;
    }

    /** Undertow I/O threads; default: {@code bench.origin.io-threads}. */
    public Builder ioThreads(int ioThreads) {
      this.ioThreads = Checks.positive("ioThreads", ioThreads);
      return this;
    }

    /** Bytes of recently drawn JPEGs to keep; default: {@code bench.origin.image-cache}. */
    public Builder imageCache(long bytes) {
      this.imageCacheBytes = Checks.notNegative("imageCache", bytes);
      return this;
    }

    private static int ioThreadsFor(int setting) {
      return setting > 0 ? setting : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts the origin.
     *
     * @throws IllegalStateException when it cannot listen, naming the address and why
     */
    public BenchOrigin start() {
      return new BenchOrigin(this);
    }
  }
}
