package io.shoal.bench.simulate.internal;

import io.shoal.bench.simulate.Calibration;
import io.shoal.bench.simulate.KeyedTrace;
import java.util.List;

/**
 * What a window of a walked trace asks of each host: CPU seconds, and bytes on each link in each
 * direction. A link carries an HTTP message as its head ({@code head} bytes) plus its body, and
 * the acknowledgements of what it receives ({@code ack} bytes per byte) the other way.
 *
 * <p>Per request of body {@code b}, response {@code r = head + b}, miss {@code m} (0 or 1):
 * <ul>
 *   <li>distributed, served where received (node {@code i}): {@code i} in {@code head + m r},
 *       out {@code r + m head}; CPU of {@code i}: hit or miss;
 *   <li>distributed, forwarded from {@code i} to the owner {@code o}: {@code i} in and out
 *       {@code head + r} each (request in, to {@code o}; body from {@code o}, to the client);
 *       {@code o} in {@code head + m r}, out {@code r + m head}; CPU: {@code i} forward.sender,
 *       {@code o} hit or miss plus forward.owner;
 *   <li>distributed, the front: in and out {@code head + ack r} each (the request, and the
 *       client's acknowledgements of the reply, which goes back directly);
 *   <li>centralized, the switch: in and out {@code head + r} each, CPU switch; the owner as a
 *       forwarded request's owner above.
 * </ul>
 */
public final class Demand {
  /** What a resource is: CPU (seconds) or one direction of a link (bytes). */
  public enum Kind { CPU, LINK }

  /** Receives one resource's name, kind and total demand over the window. */
  public interface Visitor {
    void resource(String name, Kind kind, double total);
  }

  private final List<String> ids;
  private final double[] cpu;
  private final double[] in;
  private final double[] out;
  private final double[] owned;
  private final boolean distributed;
  private int requests;
  private int hits;
  private int forwarded;
  private double bodyBytes;

  private Demand(List<String> ids, boolean distributed) {
    int n = ids.size();
    this.ids = ids;
    this.distributed = distributed;
    this.cpu = new double[n + 1];
    this.in = new double[n + 2];
    this.out = new double[n + 2];
    this.owned = new double[n];
  }

  /** The demand of requests {@code [from, to)} of {@code walk}, whose nodes are {@code ids}. */
  public static Demand of(KeyedTrace trace, Walk walk, List<String> ids, int from, int to, double head, double ack,
      Calibration.Cpu costs) {
    int n = ids.size();
    Demand d = new Demand(ids, walk.receiver(from) != Walk.SWITCH);
    for (int j = from; j < to; j++) {
      long b = trace.size(trace.object(j));
      double r = head + b;
      int m = walk.miss(j) ? 1 : 0;
      int i = walk.receiver(j);
      int o = walk.owner(j);
      d.requests++;
      d.hits += 1 - m;
      d.bodyBytes += b;
      d.owned[o] += b;
      d.in[o] += head + m * r;
      d.out[o] += r + m * head;
      d.cpu[o] += m == 1 ? costs.miss() : costs.hit();
      if (i == Walk.SWITCH) {
        d.in[n] += head + r;
        d.out[n] += head + r;
        d.cpu[n] += costs.relay();
        d.cpu[o] += costs.forwardOwner();
        continue;
      }
      d.in[n + 1] += head + ack * r;
      d.out[n + 1] += head + ack * r;
      if (i != o) {
        d.forwarded++;
        d.in[i] += head + r;
        d.out[i] += head + r;
        d.cpu[i] += costs.forwardSender();
        d.cpu[o] += costs.forwardOwner();
      }
    }
    for (int k = 0; k <= n; k++) {
      double received = d.in[k];
      d.in[k] += ack * d.out[k];
      d.out[k] += ack * received;
    }
    return d;
  }

  /**
   * Every resource the window uses: the switch's or the front's, then each node's CPU and link (a
   * bound tied between two goes to the first).
   */
  public void forEach(Visitor v) {
    int n = ids.size();
    if (distributed) {
      v.resource("link:front:ingress", Kind.LINK, in[n + 1]);
      v.resource("link:front:egress", Kind.LINK, out[n + 1]);
    } else {
      v.resource("cpu:switch", Kind.CPU, cpu[n]);
      v.resource("link:switch:egress", Kind.LINK, out[n]);
      v.resource("link:switch:ingress", Kind.LINK, in[n]);
    }
    for (int k = 0; k < n; k++) {
      v.resource("cpu:" + ids.get(k), Kind.CPU, cpu[k]);
      v.resource("link:" + ids.get(k) + ":egress", Kind.LINK, out[k]);
      v.resource("link:" + ids.get(k) + ":ingress", Kind.LINK, in[k]);
    }
  }

  /** CPU seconds of every node and the switch together. */
  public double cpuSeconds() {
    double sum = 0;
    for (double c : cpu) {
      sum += c;
    }
    return sum;
  }

  public int requests() {
    return requests;
  }

  public int hits() {
    return hits;
  }

  /** Requests a node forwarded to another (distributed). */
  public int forwarded() {
    return forwarded;
  }

  /** Body bytes delivered to clients. */
  public double bodyBytes() {
    return bodyBytes;
  }

  /** The share of body bytes requested from objects node {@code k} owns (looks up in its cache). */
  public double ownedShare(int k) {
    return bodyBytes > 0 ? owned[k] / bodyBytes : 0;
  }
}
