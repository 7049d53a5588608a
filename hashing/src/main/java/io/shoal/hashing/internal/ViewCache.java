package io.shoal.hashing.internal;

import io.shoal.hashing.View;
import java.util.function.Function;

/**
 * Remembers what a strategy precomputed (a ring, a table) for the last few views it saw, so
 * lookups that alternate between an old and a new view during a membership change do not
 * rebuild. Lock-free: a race may build the same value twice.
 */
public final class ViewCache<T> {
  private static final int SIZE = 4;

  private record Entry<T>(View view, T value) {}

  private final Function<View, T> builder;
  private volatile Entry<T>[] recent = newArray(0);

  public ViewCache(Function<View, T> builder) {
    this.builder = builder;
  }

  public T get(View view) {
    Entry<T>[] entries = recent;
    for (Entry<T> entry : entries) {
      if (entry.view.sameTopology(view)) {
        return entry.value;
      }
    }
    T value = builder.apply(view);
    Entry<T>[] updated = newArray(Math.min(SIZE, entries.length + 1));
    updated[0] = new Entry<>(view, value);
    System.arraycopy(entries, 0, updated, 1, updated.length - 1);
    recent = updated;
    return value;
  }

  @SuppressWarnings("unchecked")
  private static <T> Entry<T>[] newArray(int size) {
    return (Entry<T>[]) new Entry<?>[size];
  }
}
