package io.shoal.node.internal.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shoal.node.internal.cache.HttpCache;
import io.shoal.node.internal.cluster.NodeCluster;
import io.shoal.node.internal.proxy.ProxyMetrics;
import io.shoal.router.InvalidUrlException;
import io.shoal.router.UrlNormalizer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The admin listener: {@code GET /health}, {@code GET /status} (JSON), {@code GET /metrics}
 * (Prometheus text format) and {@code PURGE} or {@code POST /purge?url=URL} with
 * {@code Authorization: Bearer TOKEN}, which removes every stored response for the URL.
 */
public final class AdminHandler implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(AdminHandler.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String nodeId;
  private final long startMillis = System.currentTimeMillis();
  private final HttpCache cache;
  private final long cacheMaxBytes;
  private final ProxyMetrics metrics;
  private final PrometheusMeterRegistry registry;
  private final UrlNormalizer normalizer;
  private final byte[] token;
  private final BooleanSupplier serving;
  private final NodeCluster cluster;

  public AdminHandler(String nodeId, HttpCache cache, long cacheMaxBytes, ProxyMetrics metrics,
      PrometheusMeterRegistry registry, UrlNormalizer normalizer, String token, BooleanSupplier serving) {
    this(nodeId, cache, cacheMaxBytes, metrics, registry, normalizer, token, serving, null);
  }

  /** The admin handler of a cluster node ({@code cluster} null: a single node). */
  public AdminHandler(String nodeId, HttpCache cache, long cacheMaxBytes, ProxyMetrics metrics,
      PrometheusMeterRegistry registry, UrlNormalizer normalizer, String token, BooleanSupplier serving,
      NodeCluster cluster) {
    this.cluster = cluster;
    this.nodeId = nodeId;
    this.cache = cache;
    this.cacheMaxBytes = cacheMaxBytes;
    this.metrics = metrics;
    this.registry = registry;
    this.normalizer = normalizer;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.serving = serving;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRequestPath();
    String method = exchange.getRequestMethod().toString();
    if (path.equals("/purge") && (method.equals("PURGE") || method.equals("POST"))) {
      if (exchange.isInIoThread()) {
        exchange.dispatch(this);
        return;
      }
      purge(exchange);
      return;
    }
    if (path.equals("/strategy") && method.equals("POST")) {
      if (exchange.isInIoThread()) {
        exchange.dispatch(this);
        return;
      }
      switchStrategy(exchange);
      return;
    }
    if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
      reply(exchange, 405, "text/plain", "405 method " + method + " not allowed on " + path + "\n");
      return;
    }
    switch (path) {
      case "/health" -> {
        boolean up = serving.getAsBoolean();
        reply(exchange, up ? 200 : 503, "text/plain", up ? "ok\n" : "shutting down\n");
      }
      case "/status" -> reply(exchange, 200, "application/json",
          JSON.writeValueAsString(status(keysWanted(exchange))) + "\n");
      case "/proxy.pac" -> {
        if (cluster == null) {
          reply(exchange, 404, "text/plain", "404 /proxy.pac needs cluster.enabled: true\n");
        } else {
          reply(exchange, 200, "application/x-ns-proxy-autoconfig", cluster.pac());
        }
      }
      case "/metrics" -> reply(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
      case "/" -> reply(exchange, 200, "text/html; charset=utf-8", Page.html(nodeId, status(0)));
      default -> reply(exchange, 404, "text/plain", "404 no such admin resource: " + path
          + " (expected: /health, /status, /metrics, /purge, /proxy.pac, POST /strategy)\n");
    }
  }

  /** {@code /status?keys=N}: list up to N cached keys (at most 10,000); default none. */
  private static int keysWanted(HttpServerExchange exchange) {
    Deque<String> keys = exchange.getQueryParameters().get("keys");
    if (keys == null || keys.isEmpty()) {
      return 0;
    }
    try {
      return Math.max(0, Math.min(10_000, Integer.parseInt(keys.peekFirst().strip())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  Map<String, Object> status() {
    return status(0);
  }

  Map<String, Object> status(int keys) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("nodeId", nodeId);
    s.put("uptimeSeconds", (System.currentTimeMillis() - startMillis) / 1000);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("entries", cache.entries());
    c.put("bytes", cache.bytes());
    c.put("maxBytes", cacheMaxBytes);
    long requests = metrics.requests();
    c.put("hitRatio", requests == 0 ? 0.0 : (double) metrics.hits() / requests);
    c.put("evictions", cache.responses().stats().evictionCount());
    if (keys > 0) {
      c.put("keys", cache.keys(keys));
    }
    s.put("cache", c);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("total", requests);
    r.put("hits", metrics.hits());
    r.put("inFlight", metrics.inFlight());
    s.put("requests", r);
    if (cluster != null) {
      s.put("cluster", cluster.status());
    }
    return s;
  }

  /** Whether the request carries the admin token; replies 403/401 when not. */
  private boolean authorized(HttpServerExchange exchange, String what) {
    if (token.length == 0) {
      reply(exchange, 403, "text/plain", "403 " + what + " is disabled: admin.token is empty\n");
      return false;
    }
    String auth = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    byte[] given = auth != null && auth.startsWith("Bearer ")
        ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      LOG.info(() -> what + " refused from " + exchange.getSourceAddress() + ": bad or missing token");
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
      reply(exchange, 401, "text/plain", "401 " + what + " needs Authorization: Bearer <admin.token>\n");
      return false;
    }
    return true;
  }

  /** {@code POST /strategy?spec=carp}: switches the whole cluster's placement (through the coordinator). */
  private void switchStrategy(HttpServerExchange exchange) throws Exception {
    if (!authorized(exchange, "strategy switch")) {
      return;
    }
    if (cluster == null || cluster.controlPlane() == null) {
      reply(exchange, 404, "text/plain", "404 /strategy needs cluster.enabled: true\n");
      return;
    }
    Deque<String> spec = exchange.getQueryParameters().get("spec");
    if (spec == null || spec.isEmpty() || spec.peekFirst().isBlank()) {
      reply(exchange, 400, "text/plain", "400 missing spec parameter (expected: /strategy?spec=carp)\n");
      return;
    }
    String wanted = java.net.URLDecoder.decode(spec.peekFirst(), StandardCharsets.UTF_8).strip();
    long generation;
    try {
      generation = cluster.controlPlane().switchStrategy(wanted).get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IllegalArgumentException e) {
      reply(exchange, 400, "text/plain", "400 spec: " + e.getMessage() + "\n");
      return;
    } catch (java.util.concurrent.TimeoutException e) {
      reply(exchange, 504, "text/plain", "504 the coordinator did not switch to " + wanted + " within 10 s\n");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("strategy", wanted);
    body.put("generation", generation);
    reply(exchange, 200, "application/json", JSON.writeValueAsString(body) + "\n");
  }

  private void purge(HttpServerExchange exchange) throws Exception {
    if (!authorized(exchange, "purge")) {
      return;
    }
    Deque<String> url = exchange.getQueryParameters().get("url");
    if (url == null || url.isEmpty() || url.peekFirst().isBlank()) {
      reply(exchange, 400, "text/plain", "400 missing url parameter (expected: /purge?url=http://host/path)\n");
      return;
    }
    String key;
    try {
      key = normalizer.normalize(java.net.URLDecoder.decode(url.peekFirst(), StandardCharsets.UTF_8));
    } catch (InvalidUrlException e) {
      reply(exchange, 400, "text/plain", "400 " + e.getMessage() + "\n");
      return;
    }
    int removed = cache.invalidate(key);
    if (cluster != null && cluster.router() != null && removed == 0) {
      removed = cluster.invalidateOnOwner(key) ? 1 : 0;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("purged", removed);
    reply(exchange, removed > 0 ? 200 : 404, "application/json", JSON.writeValueAsString(body) + "\n");
  }

  private static void reply(HttpServerExchange exchange, int status, String type, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
  }
}
