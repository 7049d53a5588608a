package io.shoal.front.internal;

import io.shoal.front.Balancer;
import io.shoal.front.NodeAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** One node as the front sees it: health (with rise/fall counts), draining, and traffic counters. */
public final class NodeState {
  private final NodeAddress address;
  private final int rise;
  private final int fall;
  private volatile boolean up = true;
  private volatile boolean draining;
  private int goodInARow;
  private int badInARow;
  final AtomicInteger active = new AtomicInteger();
  final LongAdder connections = new LongAdder();
  final LongAdder bytesToNode = new LongAdder();
  final LongAdder bytesToClient = new LongAdder();
  final LongAdder connectFailures = new LongAdder();

  public NodeState(NodeAddress address, int rise, int fall) {
    this.address = address;
    this.rise = rise;
    this.fall = fall;
  }

  public NodeAddress address() { return address; }
  public boolean up() { return up; }
  public boolean draining() { return draining; }
  public int active() { return active.get(); }
  public long connections() { return connections.sum(); }
  public long bytesToNode() { return bytesToNode.sum(); }
  public long bytesToClient() { return bytesToClient.sum(); }
  public long connectFailures() { return connectFailures.sum(); }

  /** Takes new connections. */
  boolean serving() {
    return up && !draining;
  }

  public void draining(boolean on) {
    draining = on;
  }

  /** A health check passed; {@code rise} in a row bring a down node back. */
  synchronized void checkPassed() {
    badInARow = 0;
    if (!up && ++goodInARow >= rise) {
      up = true;
      goodInARow = 0;
    }
  }

  /** A health check failed; {@code fall} in a row take the node down. */
  synchronized void checkFailed() {
    goodInARow = 0;
    if (up && ++badInARow >= fall) {
      up = false;
      badInARow = 0;
    }
  }

  /** The data plane could not connect: down at once, health checks bring it back. */
  synchronized void connectFailed() {
    connectFailures.increment();
    up = false;
    goodInARow = 0;
    badInARow = 0;
  }

  /** This node as a candidate for one connection that has already tried some nodes. */
  Balancer.Candidate candidate(boolean tried) {
    return new Balancer.Candidate() {
      @Override public NodeAddress address() { return address; }
      @Override public boolean available() { return !tried && serving(); }
      @Override public int activeConnections() { return active.get(); }
    };
  }
}
