package io.shoal.hashing;

import io.shoal.hashing.internal.CarpStrategy;
import io.shoal.hashing.internal.JumpStrategy;
import io.shoal.hashing.internal.KetamaStrategy;
import io.shoal.hashing.internal.LocalStrategy;
import io.shoal.hashing.internal.MaglevStrategy;
import io.shoal.hashing.internal.Md5Strategy;
import io.shoal.hashing.internal.MultiProbeStrategy;
import io.shoal.hashing.internal.RendezvousStrategy;
import io.shoal.hashing.internal.RoundRobinStrategy;
import java.util.List;

/**
 * Decides which member of a view owns a key, and who takes over when it is down.
 *
 * <p>Placement is a contract: once a strategy ships under a name, the owner it returns for a key
 * over a view never changes; a different placement is a different name. Lookups are thread-safe.
 * Built-ins are the static factories below, registered by name in {@link Strategies}.
 */
public interface Strategy {

  /** The canonical spec of this strategy, as {@link Strategies#create(String)} accepts it. */
  String name();

  /**
   * Every member of {@code view}, each once, in failover order: the owner of {@code key} first,
   * then the members that take over when the ones before them are down.
   *
   * @throws NullPointerException if key or view is null
   */
  List<Member> candidates(CacheKey key, View view);

  /**
   * The order a request for {@code key} would get now, without being one: strategies that keep
   * state per request (round-robin's turn, ht-rr's hot window and bucket table) leave it as it is.
   * For status pages, invalidation and tools; requests use {@link #candidates}. By default the
   * same as {@link #candidates}, for strategies without such state.
   *
   * @throws NullPointerException if key or view is null
   */
  default List<Member> peek(CacheKey key, View view) {
    return candidates(key, view);
  }

  /** The owner of {@code key}: the first of {@link #candidates}, often computed faster. */
  default Member owner(CacheKey key, View view) {
    return candidates(key, view).get(0);
  }

  /** The paper's RR: each request goes to the next member, so every member caches everything. */
  static Strategy roundRobin() {
    return new RoundRobinStrategy();
  }

  /**
   * Always the member {@code selfId} (then the others in view order); a view without it is
   * placed in view order.
   */
  static Strategy local(String selfId) {
    return new LocalStrategy(selfId);
  }

  /** {@code ketama_hashi(key) mod N} over the view in order: not consistent, the paper's MD5. */
  static Strategy md5() {
    return new Md5Strategy();
  }

  /** libketama-compatible consistent hashing (Karger et al.), the paper's MIT_CH. */
  static Strategy ketama() {
    return new KetamaStrategy();
  }

  /** CARP v1.0 with load-factor multipliers, as Squid computes it. */
  static Strategy carp() {
    return new CarpStrategy();
  }

  /** Weighted rendezvous (highest random weight) hashing. */
  static Strategy rendezvous() {
    return new RendezvousStrategy();
  }

  /** Lamping and Veach's jump consistent hash over the view's indices (equal weights only). */
  static Strategy jump() {
    return new JumpStrategy();
  }

  /** Maglev hashing (Eisenbud et al.) with a prime lookup table of {@code tableSize} entries. */
  static Strategy maglev(int tableSize) {
    return new MaglevStrategy(tableSize);
  }

  /** Multi-probe consistent hashing (Appleton and O'Reilly) with {@code probes} probes. */
  static Strategy multiProbe(int probes) {
    return new MultiProbeStrategy(probes);
  }

  /** The paper's MOD_CH: a ketama ring re-weighted from reported load at most once a period. */
  static ModChStrategy modCh(long intervalMillis) {
    return new ModChStrategy(intervalMillis);
  }

  /** The paper's HT_RR: a bucket table filled round-robin at run time, hot keys sprayed. */
  static HtRrStrategy htRr(int buckets, int window, double hotShare) {
    return new HtRrStrategy(buckets, window, hotShare);
  }

  /** Consistent hashing with bounded loads over {@code ring}: nobody above (1+ε)·average. */
  static BoundedLoadStrategy boundedLoad(double epsilon, Strategy ring) {
    return new BoundedLoadStrategy(epsilon, ring);
  }
}
