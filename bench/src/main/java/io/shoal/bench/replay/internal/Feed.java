package io.shoal.bench.replay.internal;

import io.shoal.bench.origin.ObjectUrls;
import io.shoal.traces.TraceRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The trace as request targets for the client: each GET becomes the absolute URI of its object on
 * the origin ({@link ObjectUrls}), as the ASCII bytes the request line carries; other methods are
 * skipped (the origin is read-only). The targets of the first {@value #CACHED} distinct keys are
 * kept, so a key seen again costs a map lookup rather than building its URL again. Thread-safe;
 * ends at the end of the trace, after {@code limit} requests, or at the first trace error (kept
 * for {@link #failure()}).
 */
public final class Feed {
  static final int CACHED = 1 << 16;
  private final Iterator<TraceRequest> requests;
  private final String origin;
  private final Map<String, Target> targets = new HashMap<>();
  private final double imageShare;
  private final long defaultSize;
  private final long limit;
  private long sent;
  private long skipped;
  private boolean ended;
  private RuntimeException failure;

  /**
   * @param origin {@code http://host:port} of the origin
   * @param limit most requests to hand out, 0 for no limit
   */
  public Feed(Iterator<TraceRequest> requests, String origin, double imageShare, long defaultSize, long limit) {
    this.requests = requests;
    this.origin = origin;
    this.imageShare = imageShare;
    this.defaultSize = defaultSize;
    this.limit = limit;
  }

  /** The next absolute URI (ASCII), or null at the end. */
  public synchronized byte[] next() {
    if (ended) {
      return null;
    }
    try {
      while (requests.hasNext() && (limit == 0 || sent < limit)) {
        TraceRequest r = requests.next();
        if (!r.method().equals("GET")) {
          skipped++;
          continue;
        }
        sent++;
        return target(r.key(), r.hasSize() ? r.size() : defaultSize);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    ended = true;
    return null;
  }

  private byte[] target(String key, long size) {
    Target t = targets.get(key);
    if (t != null && t.size == size) {
      return t.uri;
    }
    byte[] uri = (origin + ObjectUrls.path(key, size, imageShare)).getBytes(StandardCharsets.US_ASCII);
    if (t != null || targets.size() < CACHED) {
      targets.put(key, new Target(size, uri));
    }
    return uri;
  }

  /** A key's size and the URI of that object (an id whose size changes is another object). */
  private record Target(long size, byte[] uri) {}

  /** Stops handing out requests. */
  public synchronized void end() {
    ended = true;
  }

  public synchronized long sent() {
    return sent;
  }

  public synchronized long skipped() {
    return skipped;
  }

  /** Whether the trace has been read to its end (or limit), rather than stopped. */
  public synchronized boolean exhausted() {
    return ended && failure == null && (limit > 0 && sent >= limit || !requests.hasNext());
  }

  /** The error that ended the trace early, or null. */
  public synchronized RuntimeException failure() {
    return failure;
  }
}
