package io.shoal.front.internal;

import io.shoal.front.Balancer;
import io.shoal.front.FrontConfig;
import java.net.InetAddress;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What every relayed connection shares: the nodes, the balancer, the admission limits and counters. */
public final class Dispatcher {
  /** Why a client connection was refused. */
  public enum Refusal { NO_NODE, MAX_CONNECTIONS, MAX_PER_CLIENT }

  final FrontConfig config;
  final Transport transport;
  private final List<NodeState> nodes;
  private final Balancer balancer;
  private final AtomicInteger active = new AtomicInteger();
  private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
  final LongAdder accepted = new LongAdder();
  private final Map<Refusal, LongAdder> refused = new ConcurrentHashMap<>();

  public Dispatcher(FrontConfig config, Transport transport, List<NodeState> nodes, Balancer balancer) {
    this.config = config;
    this.transport = transport;
    this.nodes = List.copyOf(nodes);
    this.balancer = balancer;
    for (Refusal r : Refusal.values()) {
      refused.put(r, new LongAdder());
    }
  }

  public List<NodeState> nodes() { return nodes; }
  public int active() { return active.get(); }
  public long accepted() { return accepted.sum(); }
  public long refused(Refusal why) { return refused.get(why).sum(); }

  /** Admits a new client connection, or says why not; an admitted one must be {@link #release released}. */
  Refusal admit(InetAddress client) {
    if (active.incrementAndGet() > config.maxConnections()) {
      active.decrementAndGet();
      return refuse(Refusal.MAX_CONNECTIONS);
    }
    AtomicInteger mine = perClient.computeIfAbsent(client, c -> new AtomicInteger());
    if (mine.incrementAndGet() > config.maxConnectionsPerClient()) {
      release(client);
      return refuse(Refusal.MAX_PER_CLIENT);
    }
    accepted.increment();
    return null;
  }

  void release(InetAddress client) {
    active.decrementAndGet();
    perClient.computeIfPresent(client, (c, n) -> n.decrementAndGet() == 0 ? null : n);
  }

  Refusal refuse(Refusal why) {
    refused.get(why).increment();
    return why;
  }

  /** The next node for a connection that has tried the nodes whose flag is set, or null if none is left. */
  NodeState pick(boolean[] tried) {
    int i = balancer.pick(new AbstractList<Balancer.Candidate>() {
      @Override public Balancer.Candidate get(int index) { return nodes.get(index).candidate(tried[index]); }
      @Override public int size() { return nodes.size(); }
    });
    if (i >= 0) {
      tried[i] = true;
    }
    return i < 0 ? null : nodes.get(i);
  }
}
