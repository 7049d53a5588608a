package io.shoal.base.config;

/** Whether a setting may differ between the nodes of one cluster. */
public enum Scope {
  /** Each node has its own value (addresses, ports, memory, thread counts). */
  NODE("per node"),
  /** Every node of a cluster must have the same value (placement, cache keys, timeouts they agree on). */
  CLUSTER("cluster-wide");

  private final String text;

  Scope(String text) {
    this.text = text;
  }

  /** How the reference file says it: {@code per node} or {@code cluster-wide}. */
  public String text() {
    return text;
  }
}
