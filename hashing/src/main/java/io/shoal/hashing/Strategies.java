package io.shoal.hashing;

import io.shoal.base.registry.Parameter;
import io.shoal.base.registry.Registry;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one registry of strategies, by name: what the command line, the config file and the tests
 * read. A spec is a name with optional parameters, {@code name} or
 * {@code name(key=value,...)}; the first parameters may be given without their keys
 * ({@code bounded-load(0.25)}). Adding a strategy is one {@code add} in {@link #REGISTRY}.
 */
public final class Strategies {
  private static final Registry<Strategy> REGISTRY = Registry.<Strategy>builder("strategy")
      .add("round-robin", "the paper's RR: every member in turn, every member caches all",
          Strategy::roundRobin)
      .add("local", "always this node (self); the others in view order",
          List.of(Parameter.text("self", "a member id, or empty for the first member", "")),
          args -> Strategy.local(args.string("self")))
      .add("md5", "ketama_hashi(key) mod N: the paper's MD5, not consistent", Strategy::md5)
      .add("ketama", "libketama consistent hashing: the paper's MIT_CH", Strategy::ketama)
      .add("carp", "CARP v1.0 with load-factor multipliers, as Squid", Strategy::carp)
      .add("mod-ch", "ketama re-weighted from reported load once per interval (ms): the paper's MOD_CH",
          List.of(Parameter.longInteger("interval", 10_000)),
          args -> Strategy.modCh(args.longValue("interval")))
      .add("ht-rr", "bucket table filled round-robin at run time, hot keys sprayed: the paper's HT_RR",
          List.of(Parameter.integer("buckets", 4096), Parameter.integer("window", 1000),
              Parameter.number("hot", 0.01)),
          args -> Strategy.htRr(args.intValue("buckets"), args.intValue("window"), args.doubleValue("hot")))
      .add("rendezvous", "weighted highest-random-weight hashing", Strategy::rendezvous)
      .add("jump", "Lamping-Veach jump consistent hash (equal weights)", Strategy::jump)
      .add("maglev", "Maglev lookup table of a prime size",
          List.of(Parameter.integer("size", 65537)), args -> Strategy.maglev(args.intValue("size")))
      .add("multi-probe", "multi-probe consistent hashing",
          List.of(Parameter.integer("probes", 21)), args -> Strategy.multiProbe(args.intValue("probes")))
      .add("bounded-load", "consistent hashing with bounded loads over another strategy",
          List.of(Parameter.number("epsilon", 0.25), Parameter.text("over", "a strategy spec", "ketama")),
          args -> Strategy.boundedLoad(args.doubleValue("epsilon"), create(args.string("over"))))
      .build();

  private Strategies() {}

  /** The registry itself: every strategy's name, summary and parameters. */
  public static Registry<Strategy> registry() {
    return REGISTRY;
  }

  /** Every registered name, in registration order. */
  public static List<String> names() {
    return REGISTRY.names();
  }

  /**
   * A new strategy from a spec such as {@code ketama}, {@code maglev(size=251)} or
   * {@code bounded-load(0.1,over=carp)}.
   *
   * @throws IllegalArgumentException naming what is wrong with the spec
   */
  public static Strategy create(String spec) {
    return REGISTRY.create(spec);
  }

  /**
   * Like {@link #create(String)}, with {@code self} as the default {@code self} parameter of
   * strategies that have one: how a node instantiates its configured strategy.
   */
  public static Strategy create(String spec, String self) {
    Objects.requireNonNull(self, "self");
    return REGISTRY.create(spec, Map.of("self", self));
  }
}
