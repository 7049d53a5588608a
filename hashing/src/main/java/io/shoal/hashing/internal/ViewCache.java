package io.shoal.hashing.internal;

import io.shoal.hashing.View;
import java.util.function.Function;

/**
 * Remembers what a strategy precomputed for the last view it saw (a ring, a table) and
 * recomputes only when the topology changes. Lock-free: a race builds the same value twice.
 */
public final class ViewCache<T> {
  private record Entry<T>(View view, T value) {}

  private final Function<View, T> builder;
  private volatile Entry<T> last;

  public ViewCache(Function<View, T> builder) {
    this.builder = builder;
  }

  public T get(View view) {
    Entry<T> entry = last;
    if (entry != null && entry.view.sameTopology(view)) {
      return entry.value;
    }
    T value = builder.apply(view);
    last = new Entry<>(view, value);
    return value;
  }

  /** Forgets the cached value, so the next {@link #get} rebuilds it. */
  public void invalidate() {
    last = null;
  }
}
