package io.shoal.node.internal.cache;

import io.shoal.node.internal.http.CacheControl;
import io.shoal.node.internal.http.Fields;
import io.shoal.node.internal.http.HttpDates;
import java.time.Duration;
import java.util.Set;

/**
 * The rules of RFC 9111 for a shared cache: whether a response may be stored (§3) and for how
 * long it is fresh (§4.2.1, with heuristic freshness per §4.2.2).
 *
 * <p>Set-Cookie policy: a response carrying {@code Set-Cookie} is never stored, whatever its
 * cache directives, so one client's cookie can never reach another.
 */
public final class CachePolicy {
  /** Status codes heuristically cacheable (RFC 9110 §15.1); 206 is left out: we store only full responses. */
  static final Set<Integer> CACHEABLE_BY_DEFAULT = Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501);
  /** Status codes we can store at all, with explicit freshness. */
  private static final Set<Integer> UNDERSTOOD = Set.of(200, 203, 204, 300, 301, 302, 303, 307, 308,
      400, 403, 404, 405, 410, 414, 500, 501, 502, 503, 504);

  private final double heuristicFraction;
  private final long heuristicMaxMillis;

  public CachePolicy(double heuristicFraction, Duration heuristicMax) {
    this.heuristicFraction = heuristicFraction;
    this.heuristicMaxMillis = heuristicMax.toMillis();
  }

  /**
   * Why a response to a GET may not be stored, or null when it may. {@code request} are the
   * request's fields, {@code status} and {@code response} the response's.
   */
  public String notStorableReason(Fields request, int status, Fields response) {
    CacheControl req = CacheControl.parse(request.getAll("Cache-Control"));
    CacheControl res = CacheControl.parse(response.getAll("Cache-Control"));
    if (!UNDERSTOOD.contains(status)) {
      return "status " + status;
    }
    if (req.has("no-store") || res.has("no-store")) {
      return "no-store";
    }
    if (res.has("private")) {
      return "private";
    }
    if (request.contains("Authorization")
        && !res.has("public") && !res.has("s-maxage") && !res.has("must-revalidate")) {
      return "Authorization";
    }
    if (response.contains("Set-Cookie")) {
      return "Set-Cookie";
    }
    if ("*".equals(varyValue(response))) {
      return "Vary: *";
    }
    boolean explicit = res.has("public") || res.seconds("s-maxage", 0) >= 0
        || res.seconds("max-age", 0) >= 0 || response.contains("Expires");
    if (!explicit && !CACHEABLE_BY_DEFAULT.contains(status)) {
      return "status " + status + " without explicit freshness";
    }
    return null;
  }

  /** The freshness lifetime in milliseconds of a response received at {@code responseTime}. */
  public long freshnessLifetime(int status, Fields response, long responseTime) {
    CacheControl res = CacheControl.parse(response.getAll("Cache-Control"));
    long sMaxAge = res.seconds("s-maxage", 0);
    if (sMaxAge >= 0) {
      return sMaxAge * 1000;
    }
    long maxAge = res.seconds("max-age", 0);
    if (maxAge >= 0) {
      return maxAge * 1000;
    }
    String expiresText = response.get("Expires");
    long date = HttpDates.parse(response.get("Date"));
    if (date < 0) {
      date = responseTime;
    }
    if (expiresText != null) {
      long expires = HttpDates.parse(expiresText);
      return expires < 0 ? 0 : Math.max(0, expires - date);
    }
    long lastModified = HttpDates.parse(response.get("Last-Modified"));
    if (lastModified >= 0 && CACHEABLE_BY_DEFAULT.contains(status) && heuristicFraction > 0) {
      long h = (long) ((date - lastModified) * heuristicFraction);
      return Math.max(0, Math.min(h, heuristicMaxMillis));
    }
    return 0;
  }

  static String varyValue(Fields response) {
    java.util.List<String> all = response.getAll("Vary");
    return all.isEmpty() ? null : String.join(",", all).strip();
  }
}
