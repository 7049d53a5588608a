package io.shoal.node.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * An immutable ordered list of header fields with case-insensitive lookup: the compact form in
 * which stored responses keep their headers.
 */
public final class Fields {
  private static final Fields EMPTY = new Fields(new String[0]);
  private final String[] pairs;

  private Fields(String[] pairs) {
    this.pairs = pairs;
  }

  public static Fields empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first value of {@code name}, or null. */
  public String get(String name) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equalsIgnoreCase(name)) {
        return pairs[i + 1];
      }
    }
    return null;
  }

  /** All values of {@code name}, in order; an unmodifiable list (nothing allocated when there is none or one). */
  public List<String> getAll(String name) {
    String first = null;
    List<String> more = null;
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equalsIgnoreCase(name)) {
        if (first == null) {
          first = pairs[i + 1];
        } else {
          more = more == null ? new ArrayList<>(List.of(first)) : more;
          more.add(pairs[i + 1]);
        }
      }
    }
    if (more != null) {
      return java.util.Collections.unmodifiableList(more);
    }
    return first == null ? List.of() : List.of(first);
  }

  public boolean contains(String name) {
    return get(name) != null;
  }

  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < pairs.length; i += 2) {
      action.accept(pairs[i], pairs[i + 1]);
    }
  }

  /** These fields with every field named in {@code replacement} replaced by its values there (RFC 9111 §3.2). */
  public Fields updatedWith(Fields replacement, java.util.Set<String> keep) {
    Builder b = builder();
    java.util.Set<String> replaced = new java.util.HashSet<>();
    replacement.forEach((n, v) -> {
      String lower = n.toLowerCase(Locale.ROOT);
      if (!keep.contains(lower)) {
        replaced.add(lower);
      }
    });
    forEach((n, v) -> {
      if (!replaced.contains(n.toLowerCase(Locale.ROOT))) {
        b.add(n, v);
      }
    });
    replacement.forEach((n, v) -> {
      if (replaced.contains(n.toLowerCase(Locale.ROOT))) {
        b.add(n, v);
      }
    });
    return b.build();
  }

  /** Approximate bytes held, for cache weighing. */
  public int weight() {
    int w = 16 + pairs.length * 8;
    for (String s : pairs) {
      w += 40 + s.length();
    }
    return w;
  }

  public int size() {
    return pairs.length / 2;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    forEach((n, v) -> b.append(n).append(": ").append(v).append('\n'));
    return b.toString();
  }

  /** Builds {@link Fields}. */
  public static final class Builder {
    private final List<String> pairs = new ArrayList<>();

    private Builder() {}

    public Builder add(String name, String value) {
      pairs.add(name);
      pairs.add(value);
      return this;
    }

    public Builder remove(String name) {
      for (int i = pairs.size() - 2; i >= 0; i -= 2) {
        if (pairs.get(i).equalsIgnoreCase(name)) {
          pairs.remove(i + 1);
          pairs.remove(i);
        }
      }
      return this;
    }

    public Fields build() {
      return new Fields(pairs.toArray(new String[0]));
    }
  }
}
