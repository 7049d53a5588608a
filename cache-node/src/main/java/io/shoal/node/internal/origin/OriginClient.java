package io.shoal.node.internal.origin;

import io.shoal.node.internal.http.Fields;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches from origins with Apache HttpClient 5 (async, pooled keep-alive connections, connect /
 * response / idle timeouts, cached DNS). Response bodies stream through a {@link BodyPipe} with
 * back-pressure; redirects, retries, cookies and decompression are all off — a proxy passes
 * responses on as they are.
 */
public final class OriginClient implements AutoCloseable {
  private final CloseableHttpAsyncClient client;
  private final long readTimeoutMillis;

  public OriginClient(Options options) {
    this.readTimeoutMillis = options.responseTimeout.toMillis();
    var connections = PoolingAsyncClientConnectionManagerBuilder.create()
        .setDnsResolver(options.dns)
        .setMaxConnTotal(options.maxConnections)
        .setMaxConnPerRoute(options.maxPerOrigin)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(options.connectTimeout))
            .setSocketTimeout(Timeout.of(options.responseTimeout))
            .setTimeToLive(TimeValue.ofMinutes(10))
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build())
        .setDefaultTlsConfig(TlsConfig.custom()
            .setVersionPolicy(org.apache.hc.core5.http2.HttpVersionPolicy.FORCE_HTTP_1).build())
        .build();
    this.client = HttpAsyncClients.custom()
        .setConnectionManager(connections)
        .setIOReactorConfig(IOReactorConfig.custom()
            .setIoThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors()))
            .setSoTimeout(Timeout.of(options.responseTimeout))
            .setTcpNoDelay(true)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(options.responseTimeout))
            .setConnectionRequestTimeout(Timeout.of(options.connectTimeout.multipliedBy(2)))
            .setRedirectsEnabled(false)
            .setContentCompressionEnabled(false)
            .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .evictIdleConnections(TimeValue.of(options.idleTimeout))
        .setUserAgent(null)
        .build();
    client.start();
  }

  /**
   * Sends a request; the future completes when the response head arrives (or fails with the
   * connect / timeout / protocol exception). {@code headers} must already be free of hop-by-hop
   * fields, {@code Host}, {@code Content-Length} and {@code Transfer-Encoding}.
   */
  public CompletableFuture<OriginResponse> send(String method, URI uri, Fields headers, byte[] body) {
    boolean withBody = body != null && (body.length > 0 || !"GET".equals(method) && !"HEAD".equals(method));
    return send(method, uri, headers, withBody ? new BasicAsyncEntityProducer(body, null) : null);
  }

  /** As {@link #send(String, URI, Fields, byte[])}, the body streamed from {@code body} while it is written. */
  public CompletableFuture<OriginResponse> sendStreaming(String method, URI uri, Fields headers, RequestBody body) {
    return send(method, uri, headers, (org.apache.hc.core5.http.nio.AsyncEntityProducer) body);
  }

  private CompletableFuture<OriginResponse> send(String method, URI uri, Fields headers,
      org.apache.hc.core5.http.nio.AsyncEntityProducer body) {
    AsyncRequestBuilder request = AsyncRequestBuilder.create(method).setUri(uri);
    headers.forEach(request::addHeader);
    if (body != null) {
      request.setEntity(body);
    }
    CompletableFuture<OriginResponse> head = new CompletableFuture<>();
    long requestTime = System.currentTimeMillis();
    AtomicReference<java.util.concurrent.Future<?>> exchange = new AtomicReference<>();
    BodyPipe pipe = new BodyPipe(readTimeoutMillis, () -> {
      java.util.concurrent.Future<?> f = exchange.get();
      if (f != null) {
        f.cancel(true);
      }
    });
    Consumer consumer = new Consumer(head, pipe, requestTime);
    exchange.set(client.execute(request.build(), consumer, null, HttpClientContext.create(),
        new FutureCallback<Void>() {
          @Override
          public void completed(Void result) {
            pipe.end();
          }

          @Override
          public void failed(Exception ex) {
            head.completeExceptionally(ex);
            pipe.fail(ex);
          }

          @Override
          public void cancelled() {
            IOException ex = new IOException("cancelled");
            head.completeExceptionally(ex);
            pipe.fail(ex);
          }
        }));
    return head;
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  /** Streams one response into a pipe. */
  private static final class Consumer implements AsyncResponseConsumer<Void> {
    private final CompletableFuture<OriginResponse> head;
    private final BodyPipe pipe;
    private final long requestTime;
    private FutureCallback<Void> done;

    Consumer(CompletableFuture<OriginResponse> head, BodyPipe pipe, long requestTime) {
      this.head = head;
      this.pipe = pipe;
      this.requestTime = requestTime;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
        FutureCallback<Void> callback) {
      Fields.Builder fields = Fields.builder();
      for (Header h : response.getHeaders()) {
        fields.add(h.getName(), h.getValue());
      }
      long length = entity == null ? 0 : entity.getContentLength();
      head.complete(new OriginResponse(response.getCode(), response.getReasonPhrase(),
          fields.build(), length, pipe, requestTime, System.currentTimeMillis()));
      if (entity == null) {
        pipe.end();
        callback.completed(null);
      } else {
        this.done = callback;
      }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
      // 1xx responses are not relayed
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
      pipe.capacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) {
      pipe.offer(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
      pipe.end();
      if (done != null) {
        done.completed(null);
      }
    }

    @Override
    public void failed(Exception cause) {
      head.completeExceptionally(cause);
      pipe.fail(cause);
    }

    @Override
    public void releaseResources() {
      // the pipe is released by its reader
    }
  }

  /** Origin client settings. */
  public static final class Options {
    final CachingDnsResolver dns;
    final Duration connectTimeout;
    final Duration responseTimeout;
    final Duration idleTimeout;
    final int maxConnections;
    final int maxPerOrigin;

    public Options(CachingDnsResolver dns, Duration connectTimeout, Duration responseTimeout,
        Duration idleTimeout, int maxConnections, int maxPerOrigin) {
      this.dns = dns;
      this.connectTimeout = connectTimeout;
      this.responseTimeout = responseTimeout;
      this.idleTimeout = idleTimeout;
      this.maxConnections = maxConnections;
      this.maxPerOrigin = maxPerOrigin;
    }
  }
}
