package io.shoal.bench.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoal.bench.origin.ObjectUrls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a cluster stores after a run, from each cache node's {@code /status?keys=10000}: entries,
 * and the storage duplication = bytes cached in the cluster / unique bytes cached, where an
 * object's bytes are the size in its URL ({@code /o/SIZE/NAME}). When a node holds more keys than
 * {@code /status} lists, the duplication falls back to entries / distinct URLs the origin served
 * ({@code basis} says which).
 *
 * @param entries responses stored, summed over the nodes
 * @param bytes bytes the nodes hold as they weigh them (bodies, headers, bookkeeping)
 * @param duplication the storage duplication, {@code NaN} when nothing is stored or unknown
 * @param basis {@code "keys"} (exact, by size) or {@code "entries"} (estimate)
 */
public record Storage(long entries, long bytes, double duplication, String basis) {
  static final int MAX_KEYS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Reads every node's status.
   *
   * @param originUrls distinct URLs the origin served during the run (the fallback's divisor)
   * @throws IllegalStateException when a node does not answer
   */
  static Storage of(List<URI> statusUris, long originUrls) throws InterruptedException {
    long entries = 0;
    long bytes = 0;
    long cachedBytes = 0;
    boolean complete = true;
    Set<String> unique = new HashSet<>();
    long uniqueBytes = 0;
    for (URI u : statusUris) {
      JsonNode cache = status(u).path("cache");
      long n = cache.path("entries").asLong();
      entries += n;
      bytes += cache.path("bytes").asLong();
      JsonNode keys = cache.path("keys");
      complete &= keys.size() >= n;
      for (JsonNode k : keys) {
        long size = size(k.asText());
        cachedBytes += size;
        if (unique.add(k.asText())) {
          uniqueBytes += size;
        }
      }
    }
    if (complete) {
      return new Storage(entries, bytes, uniqueBytes == 0 ? Double.NaN : (double) cachedBytes / uniqueBytes, "keys");
    }
    return new Storage(entries, bytes, originUrls <= 0 ? Double.NaN : (double) entries / originUrls, "entries");
  }

  private static long size(String key) {
    try {
      String path = URI.create(key).getRawPath();
      return Math.max(0, ObjectUrls.size(path == null ? "" : path));
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  private static JsonNode status(URI u) throws InterruptedException {
    URI withKeys = URI.create(u + (u.getRawQuery() == null ? "?" : "&") + "keys=" + MAX_KEYS);
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(withKeys).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(withKeys + ": HTTP " + r.statusCode());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + withKeys + ": " + e.getMessage(), e);
    }
  }
}
