package io.shoal.bench.paper;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The two architectures the paper compares. */
public enum Arch {
  /** One L7 switch (the paper's KTCPVS) routes every request to the caches and relays the answer. */
  CENTRALIZED("centralized", ""),
  /** An L4 front spreads connections over every node; each node routes (the paper's "AS-" columns). */
  DISTRIBUTED("distributed", "AS-");

  private final String id;
  private final String prefix;

  Arch(String id, String prefix) {
    this.id = id;
    this.prefix = prefix;
  }

  public String id() {
    return id;
  }

  /** The prefix of this architecture's columns in the paper's tables ({@code AS-} or none). */
  public String prefix() {
    return prefix;
  }

  /**
   * The architecture named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known ones
   */
  public static Arch named(String name) {
    for (Arch a : values()) {
      if (a.id.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("arch: \"" + name + "\" (expected: one of "
        + Arrays.stream(values()).map(Arch::id).collect(Collectors.joining(", ")) + ")");
  }
}
