package io.shoal.node.internal.cache;

import java.util.Objects;

/**
 * A key to look a {@link StoredResponse} up with: the cache's keys are the responses themselves
 * (each holds its key's bytes), and a probe equals the one stored under its key.
 */
record KeyProbe(String key) {
  KeyProbe {
    Objects.requireNonNull(key, "key");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyProbe p ? p.key.equals(key) : o instanceof StoredResponse r && r.hasKey(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }
}
