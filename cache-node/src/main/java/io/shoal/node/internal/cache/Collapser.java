package io.shoal.node.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Collapsed forwarding: of concurrent requests for one key (misses, revalidations of a stale
 * response, or a distilled variant's key: one fetch and one distillation), the first (the leader)
 * goes to the origin and the others wait for it. When the leader's response turns out not
 * storable, the key is marked "not storable" for a while so the next burst goes straight to the
 * origin.
 */
public final class Collapser {
  private final ConcurrentMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
  private final Cache<String, Boolean> notStorable;

  public Collapser(Duration notStorableTtl) {
    this.notStorable = Caffeine.newBuilder().expireAfterWrite(notStorableTtl).maximumSize(100_000).build();
  }

  /** Joins the fetch of {@code key}: a leader ticket, or one to wait on. */
  public Ticket join(String key) {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> existing = inFlight.putIfAbsent(key, mine);
    return existing == null ? new Ticket(key, mine, true) : new Ticket(key, existing, false);
  }

  /** The fetch of {@code key} in flight (true when it stored a response), or null when there is none. */
  public CompletableFuture<Boolean> pending(String key) {
    return inFlight.get(key);
  }

  /** Whether {@code key} was recently found not storable (requests for it are not collapsed). */
  public boolean isNotStorable(String key) {
    return notStorable.getIfPresent(key) != null;
  }

  /** Number of keys being fetched now. */
  public int inFlight() {
    return inFlight.size();
  }

  /** One request's part in a collapsed fetch. */
  public final class Ticket {
    private final String key;
    private final CompletableFuture<Boolean> result;
    private final boolean leader;

    private Ticket(String key, CompletableFuture<Boolean> result, boolean leader) {
      this.key = key;
      this.result = result;
      this.leader = leader;
    }

    public boolean leader() {
      return leader;
    }

    /** Leader only: ends the fetch; {@code stored} tells the waiters whether to look in the cache. */
    public void complete(boolean stored) {
      if (!leader || result.isDone()) {
        return;
      }
      if (!stored) {
        notStorable.put(key, Boolean.TRUE);
      } else {
        notStorable.invalidate(key);
      }
      inFlight.remove(key, result);
      result.complete(stored);
    }

    /** Follower only: waits up to {@code timeout}; true when the leader stored a response. */
    public boolean await(Duration timeout) {
      try {
        return result.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return false;
      }
    }
  }
}
