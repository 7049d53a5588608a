package io.shoal.bench.origin.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.bench.origin.ObjectUrls;
import io.shoal.bench.origin.OriginStats;
import io.undertow.io.IoCallback;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.DateUtils;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Answers every object path (see {@link ObjectUrls}) with its deterministic body, validators and
 * {@code Cache-Control}, after the configured latency and at the configured rate; {@code GET
 * /_origin/stats} (add {@code ?urls=1} for per-URL counts) and {@code POST /_origin/reset}.
 */
public final class OriginHandler implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpString X_ORIGIN_SIZE = new HttpString("X-Origin-Size");

  /**
   * @param maxAgeSeconds {@code Cache-Control: max-age}, or -1 for {@code no-store}
   * @param latencyMillis delay before each response, 0 for none
   * @param bytesPerSecond body rate per response, 0 for no cap
   * @param defaultSize the size of a path that does not say it and is not in {@code sizes}
   * @param sizes sizes by object name (from a loaded trace), may be empty
   * @param lastModifiedMillis the {@code Last-Modified} of every object
   */
  public record Options(long maxAgeSeconds, long latencyMillis, long bytesPerSecond,
      long defaultSize, Map<String, Long> sizes, long lastModifiedMillis) {}

  private final Options options;
  private final Counters counters;
  private final Jpegs jpegs;
  private final String cacheControl;
  private final String lastModified;

  public OriginHandler(Options options, Counters counters, Jpegs jpegs) {
    this.options = options;
    this.counters = counters;
    this.jpegs = jpegs;
    this.cacheControl = options.maxAgeSeconds() < 0 ? "no-store" : "max-age=" + options.maxAgeSeconds();
    this.lastModified = DateUtils.toDateString(new Date(options.lastModifiedMillis()));
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRequestPath();
    if (path.startsWith("/_origin/")) {
      admin(exchange, path);
      return;
    }
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (!head && !exchange.getRequestMethod().equals(Methods.GET)) {
      text(exchange, 405, "405 the benchmark origin serves GET and HEAD only\n");
      return;
    }
    String name = ObjectUrls.nameOf(path);
    long size = size(exchange, path, name);
    String extension = ObjectUrls.extension(name);
    boolean image = ContentTypes.isImage(extension);
    if (image && size > 0 && exchange.isInIoThread() && !head) {
      exchange.dispatch(this); // drawing a JPEG takes milliseconds: not on the I/O thread
      return;
    }
    counters.request(path);
    HeaderMap h = exchange.getResponseHeaders();
    String etag = "\"" + Long.toHexString(name.hashCode() * 31L + size & 0xFFFFFFFFFFFFL) + "\"";
    h.put(Headers.CACHE_CONTROL, cacheControl);
    h.put(Headers.LAST_MODIFIED, lastModified);
    h.put(Headers.ETAG, etag);
    h.put(Headers.CONTENT_TYPE, ContentTypes.of(extension));
    if (notModified(exchange, etag)) {
      counters.notModified();
      exchange.setStatusCode(304);
      respond(exchange, null);
      return;
    }
    ByteBuffer[] body = image && size > 0 ? new ByteBuffer[] {ByteBuffer.wrap(jpegs.of(name, size))}
        : Bodies.of(name, size);
    long length = 0;
    for (ByteBuffer b : body) {
      length += b.remaining();
    }
    h.put(Headers.CONTENT_LENGTH, length);
    h.put(X_ORIGIN_SIZE, size);
    if (head) {
      respond(exchange, null);
      return;
    }
    counters.body(length);
    respond(exchange, body);
  }

  private long size(HttpServerExchange exchange, String path, String name) {
    long size = ObjectUrls.size(path);
    if (size >= 0) {
      return size;
    }
    Deque<String> q = exchange.getQueryParameters().get("size");
    if (q != null && !q.isEmpty()) {
      try {
        long s = Long.parseLong(q.getFirst());
        if (s >= 0) {
          return s;
        }
      } catch (NumberFormatException e) {
        // not a size: fall through to the trace and the default
      }
    }
    Long known = options.sizes().get(name);
    return known != null ? known : options.defaultSize();
  }

  private boolean notModified(HttpServerExchange exchange, String etag) {
    String inm = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
    if (inm != null) {
      for (String tag : inm.split(",")) {
        String t = tag.strip();
        if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
          return true;
        }
      }
      return false;
    }
    String ims = exchange.getRequestHeaders().getFirst(Headers.IF_MODIFIED_SINCE);
    if (ims == null) {
      return false;
    }
    Date since = DateUtils.parseDate(ims);
    return since != null && since.getTime() / 1000 >= options.lastModifiedMillis() / 1000;
  }

  private void respond(HttpServerExchange exchange, ByteBuffer[] body) {
    if (options.latencyMillis() > 0) {
      exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
          () -> send(exchange, body), options.latencyMillis(), TimeUnit.MILLISECONDS));
    } else {
      send(exchange, body);
    }
  }

  private void send(HttpServerExchange exchange, ByteBuffer[] body) {
    if (body == null) {
      exchange.endExchange();
    } else if (options.bytesPerSecond() > 0) {
      new Paced(body, options.bytesPerSecond()).start(exchange);
    } else {
      exchange.getResponseSender().send(body, IoCallback.END_EXCHANGE);
    }
  }

  private void admin(HttpServerExchange exchange, String path) throws Exception {
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    if (path.equals("/_origin/stats")) {
      OriginStats s = counters.snapshot();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("requests", s.requests());
      m.put("notModified", s.notModified());
      m.put("bodyBytes", s.bodyBytes());
      m.put("urls", s.urls());
      if (exchange.getQueryParameters().containsKey("urls")) {
        m.put("byUrl", s.byUrl());
      }
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseSender().send(JSON.writeValueAsString(m) + "\n");
    } else if (path.equals("/_origin/reset") && exchange.getRequestMethod().equals(Methods.POST)) {
      counters.reset();
      text(exchange, 200, "reset\n");
    } else {
      text(exchange, 404, "404 no such origin resource: " + path
          + " (expected: GET /_origin/stats[?urls=1], POST /_origin/reset)\n");
    }
  }

  private static void text(HttpServerExchange exchange, int status, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
  }
}
