package io.shoal.bench.replay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Small side requests of a replay: is the proxy there, what do the origin and the nodes count.
 * Over {@link HttpURLConnection} and Jackson's streaming parser: the JDK's {@code HttpClient}
 * loads its TLS stack and Jackson's {@code ObjectMapper} some 400 classes, together about 0.6 s
 * of CPU at start that the client's own measurement counts.
 */
public final class Probes {
  private static final JsonFactory JSON = new JsonFactory();

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
    Map<String, String> n = json(URI.create(origin + "/_origin/stats"));
    Long requests = number(n, "requests");
    Long urls = number(n, "urls");
    return requests == null || urls == null ? null : new long[] {requests, urls};
  }

  /** {@code [nodeId, requests.total]} from a Shoal node's admin {@code /status}, or null. */
  public static Object[] nodeRequests(URI status) {
    Map<String, String> n = json(status);
    Long total = number(n, "requests.total");
    return total == null || !n.containsKey("nodeId") ? null : new Object[] {n.get("nodeId"), total};
  }

  private static Long number(Map<String, String> fields, String name) {
    try {
      return fields.containsKey(name) ? Long.valueOf(fields.get(name)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The scalar fields of the JSON object at {@code uri}, nested ones named {@code outer.inner};
   * empty on any failure.
   */
  private static Map<String, String> json(URI uri) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
      c.setConnectTimeout(5_000);
      c.setReadTimeout(10_000);
      Map<String, String> fields = new HashMap<>();
      if (c.getResponseCode() == 200) {
        try (InputStream in = c.getInputStream(); JsonParser p = JSON.createParser(in)) {
          if (p.nextToken() == JsonToken.START_OBJECT) {
            fields(p, "", fields);
          }
        }
      }
      return fields;
    } catch (IOException | IllegalArgumentException e) {
      return Map.of();
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }

  private static void fields(JsonParser p, String prefix, Map<String, String> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = prefix + p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.START_OBJECT) {
        fields(p, name + ".", out);
      } else if (value == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else {
        out.put(name, p.getText());
      }
    }
  }
}
