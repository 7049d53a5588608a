package io.shoal.hashing;

import io.shoal.hashing.internal.ContinuumStrategy;
import io.shoal.hashing.internal.KetamaStrategy;
import io.shoal.hashing.internal.Ring;
import io.shoal.hashing.internal.ViewCache;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The paper's MOD_CH, as defined here (the published definition is not available): the
 * {@code ketama} continuum with each member's weight scaled by a multiplier that follows its
 * reported load. At most once per interval, {@code m_i <- m_i * clamp(mean_load / load_i, 0.9,
 * 1.1)}, then the multipliers are renormalized to average 1; the ring is rebuilt from
 * {@code weight_i * m_i}. An overloaded member loses a few points, so it sheds the keys next to
 * them and nothing else moves. Until the first load report it places exactly like {@code ketama}.
 */
public final class ModChStrategy extends ContinuumStrategy implements LoadAware, Stateful<ModChStrategy.State> {
  private static final double MIN_STEP = 0.9;
  private static final double MAX_STEP = 1.1;

  /**
   * The replicated state: the multiplier of each member id (absent = 1) and when they were last
   * changed ({@link Long#MIN_VALUE} = never).
   */
  public record State(Map<String, Double> multipliers, long updatedAtMillis) {
    public State {
      multipliers = Map.copyOf(multipliers);
    }
  }

  private final long intervalMillis;
  private volatile State state;
  private volatile ViewCache<Ring> rings;

  ModChStrategy(long intervalMillis) {
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("mod-ch interval: " + intervalMillis + " ms (expected: >= 0)");
    }
    this.intervalMillis = intervalMillis;
    setState(new State(Map.of(), Long.MIN_VALUE));
  }

  @Override
  public String name() {
    return "mod-ch(interval=" + intervalMillis + ")";
  }

  @Override
  protected Ring ring(View view) {
    return rings.get(view);
  }

  @Override
  public synchronized boolean updateLoads(View view, long nowMillis) {
    State current = state;
    if (current.updatedAtMillis != Long.MIN_VALUE
        && nowMillis - current.updatedAtMillis < intervalMillis) {
      return false;
    }
    double sum = 0;
    int reported = 0;
    for (Member m : view.members()) {
      if (m.hasLoad()) {
        sum += m.load();
        reported++;
      }
    }
    if (reported < 2 || sum == 0) {
      return false;
    }
    double mean = sum / reported;
    Map<String, Double> next = new HashMap<>();
    double total = 0;
    for (Member m : view.members()) {
      double multiplier = current.multipliers.getOrDefault(m.id(), 1.0);
      if (m.hasLoad()) {
        double step = m.load() == 0 ? MAX_STEP : mean / m.load();
        multiplier *= Math.max(MIN_STEP, Math.min(MAX_STEP, step));
      }
      next.put(m.id(), multiplier);
      total += multiplier;
    }
    double scale = view.size() / total;
    next.replaceAll((id, m) -> m * scale);
    setState(new State(next, nowMillis));
    return true;
  }

  @Override
  public State exportState() {
    return state;
  }

  @Override
  public void importState(State imported) {
    setState(Objects.requireNonNull(imported, "state"));
  }

  /** Installs {@code next} with a fresh ring cache built from its multipliers. */
  private synchronized void setState(State next) {
    rings = new ViewCache<>(view -> ring(view, next));
    state = next;
  }

  private static Ring ring(View view, State state) {
    double[] weights = new double[view.size()];
    for (int i = 0; i < weights.length; i++) {
      Member m = view.get(i);
      weights[i] = m.weight() * state.multipliers.getOrDefault(m.id(), 1.0);
    }
    return KetamaStrategy.ring(view, weights);
  }
}
