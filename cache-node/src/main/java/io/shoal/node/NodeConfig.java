package io.shoal.node;

import io.shoal.base.config.Config;
import io.shoal.base.config.Schema;
import io.shoal.base.config.Setting;
import io.shoal.distiller.DistillSettings;
import io.shoal.router.ForwardSettings;
import io.shoal.router.MembershipSettings;
import io.shoal.router.RouterSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A node's whole configuration: every setting of the node's components ({@link #SCHEMA}) with its
 * value from, in order of precedence, the command line, {@code shoal.yaml}, the default. Invalid
 * values are refused when the config is built, with a message naming the setting and what was
 * expected (and the file and line when the value came from a file).
 */
public final class NodeConfig {
  /** The sections of a node, in reference-file order. */
  public static final Schema SCHEMA = Schema.of(NodeSettings.SECTION, ProxySettings.SECTION,
      OriginSettings.SECTION, CacheSettings.SECTION, AdminSettings.SECTION, MembershipSettings.SECTION,
      RouterSettings.SECTION, ForwardSettings.SECTION, DistillSettings.SECTION, NodeSettings.SHUTDOWN);

  private final Config config;

  private NodeConfig(Config config) {
    this.config = config;
  }

  /**
   * The node's view of {@code config}, which may hold other programs' sections too (the front's).
   *
   * @throws IllegalArgumentException when {@code config} lacks a node setting
   */
  public static NodeConfig from(Config config) {
    Objects.requireNonNull(config, "config");
    SCHEMA.settings().forEach(config::get);
    return new NodeConfig(config);
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
    return new NodeConfig(Config.of(SCHEMA, byName));
  }

  /**
   * Loads {@code file} (may be null: defaults only), then applies {@code overrides}.
   *
   * @throws IllegalArgumentException for unreadable or invalid config, naming file, line and setting
   */
  public static NodeConfig load(Path file, Map<String, String> overrides) {
    return new NodeConfig(Config.load(SCHEMA, file, overrides));
  }

  /** The whole configuration this node's view was taken from. */
  public Config config() {
    return config;
  }

  /** The value of {@code setting}. */
  public <T> T get(Setting<T> setting) {
    return config.get(setting);
  }

  /** The id this node has in the cluster: {@code cluster.node-id}, else {@link #nodeId()}. */
  public String clusterNodeId() {
    String id = get(MembershipSettings.NODE_ID);
    return id.isEmpty() ? nodeId() : id;
  }

  /** The node id: {@code node.id}, or {@code shoal-<hostname>} when that is empty. */
  public String nodeId() {
    String id = get(NodeSettings.ID);
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
