package io.shoal.hashing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one registry of strategies, by name: what the command line, the config file and the tests
 * read. A spec is a name with optional parameters, {@code name} or
 * {@code name(key=value,...)}; the first parameter may be given without its key
 * ({@code bounded-load(0.25)}). Adding a strategy is one line in {@link #ENTRIES}.
 */
public final class Strategies {

  /** A registered strategy: its name, what it is, its parameters with defaults, its factory. */
  public record Entry(String name, String summary, Map<String, String> defaults,
      Function<StrategySpec, Strategy> factory) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add("round-robin", "the paper's RR: every member in turn, every member caches all",
        Map.of(), spec -> Strategy.roundRobin());
    add("local", "always this node (self); the others in view order",
        params("self", ""), spec -> Strategy.local(spec.string("self")));
    add("md5", "ketama_hashi(key) mod N: the paper's MD5, not consistent",
        Map.of(), spec -> Strategy.md5());
    add("ketama", "libketama consistent hashing: the paper's MIT_CH",
        Map.of(), spec -> Strategy.ketama());
    add("carp", "CARP v1.0 with load-factor multipliers, as Squid",
        Map.of(), spec -> Strategy.carp());
    add("mod-ch", "ketama re-weighted from reported load once per interval (ms): the paper's MOD_CH",
        params("interval", "10000"), spec -> Strategy.modCh(spec.longValue("interval")));
    add("ht-rr", "bucket table filled round-robin at run time, hot keys sprayed: the paper's HT_RR",
        params("buckets", "4096", "window", "1000", "hot", "0.01"),
        spec -> Strategy.htRr(spec.intValue("buckets"), spec.intValue("window"), spec.doubleValue("hot")));
    add("rendezvous", "weighted highest-random-weight hashing",
        Map.of(), spec -> Strategy.rendezvous());
    add("jump", "Lamping-Veach jump consistent hash (equal weights)",
        Map.of(), spec -> Strategy.jump());
    add("maglev", "Maglev lookup table of a prime size",
        params("size", "65537"), spec -> Strategy.maglev(spec.intValue("size")));
    add("multi-probe", "multi-probe consistent hashing",
        params("probes", "21"), spec -> Strategy.multiProbe(spec.intValue("probes")));
    add("bounded-load", "consistent hashing with bounded loads over another strategy",
        params("epsilon", "0.25", "over", "ketama"),
        spec -> Strategy.boundedLoad(spec.doubleValue("epsilon"), create(spec.string("over"))));
  }

  private Strategies() {}

  private static void add(String name, String summary, Map<String, String> defaults,
      Function<StrategySpec, Strategy> factory) {
    ENTRIES.put(name, new Entry(name, summary, defaults, factory));
  }

  private static Map<String, String> params(String... keysAndDefaults) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndDefaults.length; i += 2) {
      out.put(keysAndDefaults[i], keysAndDefaults[i + 1]);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Every registered strategy, in registration order. */
  public static List<Entry> entries() {
    return List.copyOf(ENTRIES.values());
  }

  /** Every registered name, in registration order. */
  public static List<String> names() {
    return List.copyOf(ENTRIES.keySet());
  }

  /**
   * A new strategy from a spec such as {@code ketama}, {@code maglev(size=251)} or
   * {@code bounded-load(0.1,over=carp)}.
   *
   * @throws IllegalArgumentException naming what is wrong with the spec
   */
  public static Strategy create(String spec) {
    Objects.requireNonNull(spec, "spec");
    StrategySpec parsed = StrategySpec.parse(spec);
    Entry entry = ENTRIES.get(parsed.name());
    if (entry == null) {
      throw new IllegalArgumentException("strategy '" + parsed.name()
          + "': unknown (expected one of: " + String.join(", ", ENTRIES.keySet()) + ")");
    }
    return entry.factory.apply(parsed.withDefaults(entry.defaults));
  }

  /**
   * Like {@link #create(String)}, with {@code self} as the default {@code self} parameter of
   * strategies that have one: how a node instantiates its configured strategy.
   */
  public static Strategy create(String spec, String self) {
    Objects.requireNonNull(self, "self");
    StrategySpec parsed = StrategySpec.parse(spec);
    Entry entry = ENTRIES.get(parsed.name());
    if (entry != null && entry.defaults.containsKey("self") && !parsed.has("self")) {
      return entry.factory.apply(parsed.with("self", self).withDefaults(entry.defaults));
    }
    return create(spec);
  }
}
