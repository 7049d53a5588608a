package io.shoal.front;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code front:} section of {@code shoal.yaml}; the nodes' sections of the same file are
 * left to them. Every key is optional but {@code front.nodes}; an unknown key or a bad value is
 * refused naming the setting and what was expected.
 *
 * <pre>
 * front:
 *   nodes: ["10.0.0.2:3128", "10.0.0.3:3128*2"]   # host:port[*weight]
 *   listen: "0.0.0.0:3128"
 *   admin: "127.0.0.1:9091"                        # /status and /metrics; absent: off
 *   balancer: round-robin                          # round-robin, weighted, least-connections
 * </pre>
 *
 * @param nodes never empty
 * @param listen null when not set
 * @param admin null when not set
 * @param balancer null when not set
 */
public record FrontFile(List<NodeAddress> nodes, InetSocketAddress listen, InetSocketAddress admin, String balancer) {
  private static final Set<String> KEYS = Set.of("nodes", "listen", "admin", "balancer");

  /**
   * Reads the {@code front:} section of {@code file}.
   *
   * @throws IllegalArgumentException {@code config FILE: front.SETTING: ... (expected: ...)}
   */
  public static FrontFile load(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("config " + file + ": cannot read (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("config " + file + ": " + e.getMessage(), e);
    }
  }

  static FrontFile parse(Reader yaml) {
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (!(doc instanceof Map<?, ?> top) || !(top.get("front") instanceof Map<?, ?> front)) {
      throw new IllegalArgumentException("front: missing (expected: a 'front:' section with 'nodes: [host:port, ...]')");
    }
    for (Object key : front.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw new IllegalArgumentException("front." + key + ": unknown setting (expected one of: front.nodes, front.listen, "
            + "front.admin, front.balancer)");
      }
    }
    return new FrontFile(nodes(front.get("nodes")), address("listen", front.get("listen")),
        address("admin", front.get("admin")), balancer(front.get("balancer")));
  }

  private static List<NodeAddress> nodes(Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalArgumentException("front.nodes: " + (value == null ? "missing" : "'" + value + "'")
          + " (expected: a non-empty list of host:port[*weight], e.g. [\"10.0.0.2:3128\", \"10.0.0.3:3128\"])");
    }
    List<NodeAddress> nodes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        nodes.add(NodeAddress.parse(String.valueOf(list.get(i))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("front.nodes[" + i + "]: " + e.getMessage(), e);
      }
    }
    FrontConfig.builder().nodes(nodes); // each node once
    return List.copyOf(nodes);
  }

  private static InetSocketAddress address(String key, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return NodeAddress.listen(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("front." + key + ": " + e.getMessage().replaceFirst("^node ", ""), e);
    }
  }

  private static String balancer(Object value) {
    if (value == null) {
      return null;
    }
    try {
      Balancers.create(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("front." + e.getMessage(), e);
    }
    return String.valueOf(value);
  }
}
