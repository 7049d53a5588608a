package io.shoal.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A node's whole configuration: every {@link Settings setting} with its value from, in order of
 * precedence, the command line, {@code shoal.yaml}, the default. Invalid values are refused when
 * the config is built, with a message naming the setting and what was expected.
 */
public final class NodeConfig {
  private final Map<Setting<?>, Object> values;

  private NodeConfig(Map<Setting<?>, Object> values) {
    this.values = values;
  }

  /** Every setting at its default. */
  public static NodeConfig defaults() {
    return of(Map.of());
  }

  /**
   * The config from settings given by name ({@code proxy.port -> 3129}).
   *
   * @throws IllegalArgumentException naming an unknown setting or a bad value
   */
  public static NodeConfig of(Map<String, String> byName) {
    Map<String, String> merged = Settings.defaults();
    StringBuilder profiles = new StringBuilder();
    for (Map.Entry<String, String> e : byName.entrySet()) {
      if (e.getKey().startsWith(DistillProfiles.PREFIX)) {
        // distill.profiles.<name>.<field>: one entry of the distill.profiles setting
        profiles.append(e.getKey().substring(DistillProfiles.PREFIX.length())).append('=')
            .append(Objects.requireNonNull(e.getValue(), e.getKey())).append(';');
        continue;
      }
      if (Settings.byName(e.getKey()) == null) {
        throw new IllegalArgumentException("unknown setting " + e.getKey()
            + " (expected one of: " + String.join(", ", Settings.defaults().keySet()) + ")");
      }
      merged.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    if (profiles.length() > 0) {
      merged.merge(Settings.DISTILL_PROFILES.name(), profiles.toString(), (a, b) -> a + ";" + b);
    }
    Map<Setting<?>, Object> values = new HashMap<>();
    for (Setting<?> s : Settings.all()) {
      values.put(s, s.parse(merged.get(s.name())));
    }
    NodeConfig config = new NodeConfig(values);
    config.checkTogether();
    return config;
  }

  /** Settings that are valid alone but not together; the message names them. */
  private void checkTogether() {
    if (get(Settings.NODE_ROLE).equals("switch") && !get(Settings.CLUSTER_ENABLED)) {
      throw new IllegalArgumentException("node.role: \"switch\" needs cluster.enabled: true (expected: cache for a single node)");
    }
    if (get(Settings.CLUSTER_HEARTBEAT).compareTo(get(Settings.CLUSTER_FAILURE_TIMEOUT)) >= 0) {
      throw new IllegalArgumentException("cluster.heartbeat: " + get(Settings.CLUSTER_HEARTBEAT)
          + " (expected: below cluster.failure-timeout " + get(Settings.CLUSTER_FAILURE_TIMEOUT) + ")");
    }
    if (get(Settings.CLUSTER_MERGE_MAX).compareTo(get(Settings.CLUSTER_MERGE_MIN)) <= 0) {
      throw new IllegalArgumentException("cluster.merge-max: " + get(Settings.CLUSTER_MERGE_MAX)
          + " (expected: above cluster.merge-min " + get(Settings.CLUSTER_MERGE_MIN) + ")");
    }
    if (get(Settings.FORWARD_MAX_PER_PEER) > get(Settings.FORWARD_MAX_CONNECTIONS)) {
      throw new IllegalArgumentException("cluster.forward.max-per-peer: " + get(Settings.FORWARD_MAX_PER_PEER)
          + " (expected: at most cluster.forward.max-connections " + get(Settings.FORWARD_MAX_CONNECTIONS) + ")");
    }
    checkDistillProfiles();
    if (!get(Settings.CLUSTER_DNS_QUERY).isEmpty() && !get(Settings.CLUSTER_PEERS).isEmpty()) {
      throw new IllegalArgumentException("cluster.dns-query: \"" + get(Settings.CLUSTER_DNS_QUERY)
          + "\" and cluster.peers both set (expected: one way to discover peers)");
    }
  }

  private void checkDistillProfiles() {
    for (Setting<String> s : List.of(Settings.DISTILL_DEFAULT_PROFILE, Settings.DISTILL_SAVE_DATA_PROFILE)) {
      String name = get(s);
      if (!name.isEmpty() && !name.equals(io.shoal.distiller.Profile.SAVE_DATA)
          && !get(Settings.DISTILL_PROFILES).containsKey(name)) {
        throw new IllegalArgumentException(s.name() + ": \"" + name + "\" (expected: save-data or a profile of distill.profiles: "
            + String.join(", ", get(Settings.DISTILL_PROFILES).keySet()) + ")");
      }
    }
  }

  /** The id this node has in the cluster: {@code cluster.node-id}, else {@link #nodeId()}. */
  public String clusterNodeId() {
    String id = get(Settings.CLUSTER_NODE_ID);
    return id.isEmpty() ? nodeId() : id;
  }

  /**
   * Loads {@code file} (may be null: defaults only), then applies {@code overrides}.
   *
   * @throws IllegalArgumentException for unreadable or invalid config, naming file and setting
   */
  public static NodeConfig load(Path file, Map<String, String> overrides) {
    Map<String, String> byName = new LinkedHashMap<>();
    if (file != null) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        byName.putAll(flatten(in, file.toString()));
        of(byName);
      } catch (IOException e) {
        throw new IllegalArgumentException("config " + file + ": cannot read (" + e.getMessage() + ")", e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("config " + file + ": " + e.getMessage(), e);
      }
    }
    byName.putAll(overrides);
    return of(byName);
  }

  /** The settings of a YAML document, by dotted name. */
  static Map<String, String> flatten(Reader yaml, String source) {
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (doc == null) {
      return out;
    }
    if (!(doc instanceof Map)) {
      throw new IllegalArgumentException("expected a mapping of settings at the top level");
    }
    flatten("", (Map<?, ?>) doc, out);
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = prefix + e.getKey();
      Object v = e.getValue();
      if (v instanceof Map && (Settings.byName(name) == null || name.equals(Settings.DISTILL_PROFILES.name()))) {
        flatten(name + ".", (Map<?, ?>) v, out);
      } else if (v instanceof List) {
        out.put(name, String.join(",", ((List<?>) v).stream().map(String::valueOf).toList()));
      } else {
        out.put(name, v == null ? "" : String.valueOf(v));
      }
    }
  }

  /** The reference file listing every default, as shipped in the jar. */
  public static InputStream reference() {
    return NodeConfig.class.getResourceAsStream("/shoal-reference.yaml");
  }

  /** The value of {@code setting}. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting);
  }

  /** The node id: {@code node.id}, or {@code shoal-<hostname>} when that is empty. */
  public String nodeId() {
    String id = get(Settings.NODE_ID);
    if (!id.isEmpty()) {
      return id;
    }
    try {
      return "shoal-" + InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "shoal-node";
    }
  }
}
