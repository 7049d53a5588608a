package io.shoal.bench.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small side requests of a replay: is the proxy there, what do the origin and the nodes count. */
public final class Probes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();

  private Probes() {}

  /**
   * Opens and closes one connection to the proxy.
   *
   * @throws IllegalStateException "cannot connect to proxy URI: why"
   */
  public static void reachable(URI proxy, InetSocketAddress address) {
    try (Socket s = new Socket()) {
      s.connect(address, 5_000);
    } catch (IOException e) {
      throw new IllegalStateException("cannot connect to proxy " + proxy + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** {@code [requests, urls]} from a benchmark origin's {@code /_origin/stats}, or null. */
  public static long[] originCounts(URI origin) {
    JsonNode n = json(URI.create(origin + "/_origin/stats"));
    if (n == null || !n.has("requests") || !n.has("urls")) {
      return null;
    }
    return new long[] {n.get("requests").asLong(), n.get("urls").asLong()};
  }

  /** {@code [nodeId, requests.total]} from a Shoal node's admin {@code /status}, or null. */
  public static Object[] nodeRequests(URI status) {
    JsonNode n = json(status);
    if (n == null || !n.has("nodeId") || !n.path("requests").has("total")) {
      return null;
    }
    return new Object[] {n.get("nodeId").asText(), n.path("requests").get("total").asLong()};
  }

  private static JsonNode json(URI uri) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
