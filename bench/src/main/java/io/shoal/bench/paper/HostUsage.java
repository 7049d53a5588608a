package io.shoal.bench.paper;

/**
 * What one host of an emulated testbed used during a run's replay: CPU, the bytes its link
 * carried, and, for a cache node or the switch, what it did (from its {@code /status}).
 *
 * @param host the host's name ({@code client}, {@code origin}, {@code front}, {@code switch}, {@code n1} ...)
 * @param seconds how long the counting ran
 * @param cpuSeconds CPU time its processes used ({@code NaN} when not counted, e.g. the front's kernel forwarding)
 * @param cpuCores its CPU quota in cores, {@code 0} when unlimited
 * @param rxBytes bytes its link carried into it
 * @param txBytes bytes its link carried out of it
 * @param linkBitsPerSecond its link's rate in each direction, {@code 0} when unshaped
 * @param requests requests it answered itself (hits and misses, forwarded-in included), or 0
 * @param hits of those, hits
 * @param forwarded requests it sent on to another node (a relay, for the switch), or 0
 * @param forwardedIn requests other nodes (or the switch) sent on to it, or 0
 */
public record HostUsage(String host, double seconds, double cpuSeconds, double cpuCores, long rxBytes, long txBytes,
    long linkBitsPerSecond, long requests, long hits, long forwarded, long forwardedIn) {

  /** CPU used over the quota (over one core when unlimited). */
  public double cpuUtilisation() {
    return cpuSeconds / seconds / (cpuCores > 0 ? cpuCores : 1);
  }

  /** The busier direction of the link over its rate; {@code NaN} when unshaped. */
  public double linkUtilisation() {
    return linkBitsPerSecond > 0 ? Math.max(rxBytes, txBytes) * 8.0 / seconds / linkBitsPerSecond : Double.NaN;
  }

  /** Which direction of the link is busier: {@code tx} (out of the host) or {@code rx}. */
  public String busierDirection() {
    return txBytes >= rxBytes ? "tx" : "rx";
  }
}
