package io.shoal.cli.bench;

import io.shoal.base.config.Sizes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code shoal.yaml} of a node of the netns testbed: what a user deploys on a machine of its
 * own (see {@code docs/deploy.md}): listeners on every address, admin and cluster transport on the
 * host's, static discovery over every node's address, then the bench's own settings.
 */
final class NetnsConfig {
  private NetnsConfig() {}

  /**
   * The file of host {@code host} at {@code address}.
   *
   * @param peers every member's {@code address:port} of the cluster transport
   * @param set node settings given with {@code --set}, applied last
   */
  static String node(String host, String address, List<String> peers, String cluster, String strategy, boolean isSwitch,
      long cacheSize, Map<String, String> set) {
    Map<String, Map<String, String>> s = new LinkedHashMap<>();
    put(s, "node.id", quote(host));
    put(s, "node.role", quote(isSwitch ? "switch" : "cache"));
    put(s, "proxy.host", quote("0.0.0.0")); // the address and the VIP on lo (direct routing)
    put(s, "proxy.port", Integer.toString(NetnsTestbed.PROXY_PORT));
    put(s, "admin.host", quote(address));
    put(s, "admin.port", Integer.toString(NetnsTestbed.ADMIN_PORT));
    put(s, "cache.size", quote(Sizes.format(cacheSize)));
    put(s, "cluster.enabled", "true");
    put(s, "cluster.name", quote(cluster));
    put(s, "cluster.bind-address", quote(address));
    put(s, "cluster.bind-port", Integer.toString(NetnsTestbed.CLUSTER_PORT));
    put(s, "cluster.peers", peers.stream().map(NetnsConfig::quote).collect(Collectors.joining(", ", "[", "]")));
    put(s, "cluster.strategy", quote(strategy));
    put(s, "cluster.join-timeout", quote("1s"));
    // a SYN lost in a full link queue is sent again after 1 s: a connect timeout of 1 s would fail it
    put(s, "cluster.forward.connect-timeout", quote("3s"));
    put(s, "shutdown.timeout", quote("2s"));
    set.forEach((k, v) -> put(s, k, quote(v)));
    StringBuilder out = new StringBuilder("# shoal.yaml of " + host + " (" + address + "), written by shoal bench paper"
        + " --testbed netns\n");
    s.forEach((section, values) -> {
      out.append(section).append(":\n");
      values.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    });
    return out.toString();
  }

  private static void put(Map<String, Map<String, String>> s, String name, String value) {
    int dot = name.indexOf('.');
    s.computeIfAbsent(dot < 0 ? name : name.substring(0, dot), k -> new LinkedHashMap<>())
        .put(dot < 0 ? name : name.substring(dot + 1), value);
  }

  private static String quote(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
