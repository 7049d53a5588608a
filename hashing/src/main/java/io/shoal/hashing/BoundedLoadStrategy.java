package io.shoal.hashing;

import io.shoal.hashing.internal.Lookups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup and Zadimoghaddam, 2018) over any
 * strategy's candidate list. With {@code m} requests in flight over {@code N} members, a member
 * is full at {@code ceil((1 + ε) * (m + 1) / N)}; a key goes to its first candidate that is not
 * full, so no member exceeds that bound. In-flight counts are fed explicitly: {@link #acquire}
 * and {@link #release} around each request, or {@link #updateLoads} from cluster reports.
 */
public final class BoundedLoadStrategy implements Strategy, LoadAware, Stateful<Map<String, Long>> {
  private final double epsilon;
  private final Strategy ring;
  private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();

  BoundedLoadStrategy(double epsilon, Strategy ring) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("bounded-load epsilon: " + epsilon + " (expected: > 0)");
    }
    this.epsilon = epsilon;
    this.ring = Objects.requireNonNull(ring, "ring");
  }

  @Override
  public String name() {
    return "bounded-load(epsilon=" + epsilon + ",over=" + ring.name() + ")";
  }

  /** The bound on in-flight requests per member right now. */
  public long capacity(View view) {
    long total = 0;
    for (Member m : view.members()) {
      total += load(m.id());
    }
    return (long) Math.ceil((1 + epsilon) * (total + 1) / view.size());
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    long capacity = capacity(view);
    List<Member> open = new ArrayList<>(view.size());
    List<Member> full = new ArrayList<>();
    for (Member m : ring.candidates(key, view)) {
      (load(m.id()) < capacity ? open : full).add(m);
    }
    open.addAll(full);
    return List.copyOf(open);
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    Member first = ring.owner(key, view);
    if (load(first.id()) < capacity(view)) {
      return first;
    }
    return candidates(key, view).get(0);
  }

  /** Counts one more request in flight on {@code memberId}. */
  public void acquire(String memberId) {
    inFlight.computeIfAbsent(memberId, id -> new AtomicLong()).incrementAndGet();
  }

  /** Counts one request on {@code memberId} as finished. */
  public void release(String memberId) {
    AtomicLong count = inFlight.get(memberId);
    if (count == null || count.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      throw new IllegalStateException("bounded-load: release of " + memberId + " without acquire");
    }
  }

  /** Takes each member's reported load as its in-flight count. */
  @Override
  public boolean updateLoads(View view, long nowMillis) {
    boolean changed = false;
    for (Member m : view.members()) {
      if (m.hasLoad()) {
        long load = Math.round(m.load());
        changed |= inFlight.computeIfAbsent(m.id(), id -> new AtomicLong()).getAndSet(load) != load;
      }
    }
    return changed;
  }

  /** In-flight count per member id, sorted by id. */
  @Override
  public Map<String, Long> exportState() {
    Map<String, Long> out = new TreeMap<>();
    inFlight.forEach((id, n) -> out.put(id, n.get()));
    return out;
  }

  @Override
  public void importState(Map<String, Long> state) {
    Objects.requireNonNull(state, "state");
    inFlight.clear();
    state.forEach((id, n) -> inFlight.put(id, new AtomicLong(n)));
  }

  private long load(String id) {
    AtomicLong count = inFlight.get(id);
    return count == null ? 0 : count.get();
  }
}
