package io.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.base.config.Reference;
import io.shoal.base.config.Setting;
import io.shoal.router.ForwardSettings;
import io.shoal.router.MembershipSettings;
import io.shoal.router.RouterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

class NodeConfigTest {
  @TempDir
  Path dir;

  @Test
  void defaultsAreProxy3128AdminLoopback9090Cache256MbConnect443() {
    NodeConfig c = NodeConfig.defaults();
    assertThat(c.get(ProxySettings.PORT)).isEqualTo(3128);
    assertThat(c.get(AdminSettings.PORT)).isEqualTo(9090);
    assertThat(c.get(AdminSettings.HOST)).isEqualTo("127.0.0.1");
    assertThat(c.get(CacheSettings.SIZE)).isEqualTo(256L * 1024 * 1024);
    assertThat(c.get(ProxySettings.CONNECT_PORTS)).containsExactly(443);
  }

  @Test
  void referenceFileListsEverySettingOnceAndLoadsToExactlyTheDefaults() throws Exception {
    String reference = Reference.yaml(NodeConfig.SCHEMA, List.of("reference"));
    List<String> names = new ArrayList<>();
    leaves("", new Yaml().load(reference), names);
    assertThat(names).containsExactlyElementsOf(NodeConfig.SCHEMA.settings().stream().map(Setting::name).toList());
    Path file = Files.writeString(dir.resolve("shoal.yaml"), reference);
    NodeConfig loaded = NodeConfig.load(file, Map.of());
    for (Setting<?> s : NodeConfig.SCHEMA.settings()) {
      assertThat((Object) loaded.get(s)).as(s.name()).isEqualTo(NodeConfig.defaults().get(s));
    }
  }

  private static void leaves(String prefix, Map<?, ?> yaml, List<String> out) {
    yaml.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m) {
        leaves(prefix + k + ".", m, out);
      } else {
        out.add(prefix + k);
      }
    });
  }

  @Test
  void aValueChangedInTheReferenceFileIsTakenAndTheOthersKeepTheirDefaults() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, Reference.yaml(NodeConfig.SCHEMA, List.of()).replace("port: 3128", "port: 3999"));
    NodeConfig loaded = NodeConfig.load(file, Map.of());
    assertThat(loaded.get(ProxySettings.PORT)).isEqualTo(3999);
    for (Setting<?> s : NodeConfig.SCHEMA.settings()) {
      if (s != ProxySettings.PORT) {
        assertThat((Object) loaded.get(s)).as(s.name()).isEqualTo(s.defaultValue());
      }
    }
  }

  @Test
  void fileThenCommandLine() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "proxy:\n  port: 8000\n  connect-ports: [443, 8443]\ncache:\n  size: 1GB\n");
    NodeConfig c = NodeConfig.load(file, Map.of("proxy.port", "8001"));
    assertThat(c.get(ProxySettings.PORT)).isEqualTo(8001);
    assertThat(c.get(ProxySettings.CONNECT_PORTS)).containsExactly(443, 8443);
    assertThat(c.get(CacheSettings.SIZE)).isEqualTo(1L << 30);
    assertThat(c.get(ProxySettings.REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "proxy.port|70000|proxy.port: \"70000\" (expected: a port 0-65535)",
      "cache.size|lots|cache.size: \"lots\" (expected: a size > 0 such as 512KB, 256MB or 1GB)",
      "cache.size|0|cache.size: \"0\" (expected: a size > 0",
      "proxy.request-timeout|30|proxy.request-timeout: \"30\" (expected: a duration > 0",
      "proxy.client-acl|10.0.0.0/33|proxy.client-acl: \"10.0.0.0/33\" (expected: a list of CIDRs such as 10.0.0.0/8): prefix length: 33 (expected: 0-32)",
      "proxy.reverse-origin|ftp://x|proxy.reverse-origin: \"ftp://x\" (expected: http(s)://host[:port] with no path, or empty)",
      "proxy.reverse-origin|http://x/path|proxy.reverse-origin: \"http://x/path\" (expected: http(s)://host[:port] with no path, or empty)",
      "cache.heuristic-fraction|2|cache.heuristic-fraction: \"2\" (expected: a number from 0 to 1)",
      "cache.key.query|yes|cache.key.query: \"yes\" (expected: true or false)",
  })
  void badValuesAreRefusedNamingTheSetting(String name, String value, String message) {
    assertThatThrownBy(() -> NodeConfig.of(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void unknownSettingIsRefused() {
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cache.szie", "1GB")))
        .hasMessageStartingWith("unknown setting cache.szie (expected one of: node.id, node.role, proxy.host");
  }

  @Test
  void badClusterSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cluster.bind-port", "0")))
        .hasMessageStartingWith("cluster.bind-port: \"0\" (expected: a port 1-65435)");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cluster.strategy", "nope")))
        .hasMessageStartingWith("cluster.strategy: \"nope\" (expected one of: ");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cluster.peers", "127.0.0.1:7800,host-without-port")))
        .hasMessageStartingWith("cluster.peers: \"127.0.0.1:7800,host-without-port\" (expected: a list of host:port)");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cluster.load-policy", "next(-1)")))
        .hasMessageStartingWith("cluster.load-policy: \"next(-1)\"");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cluster.node-id", "a;b")))
        .hasMessageStartingWith("cluster.node-id: \"a;b\"");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cluster.heartbeat", "10s", "cluster.failure-timeout", "5s")))
        .hasMessage("cluster.heartbeat: \"10s\" (expected: below cluster.failure-timeout 5s)");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("node.role", "switch")))
        .hasMessageStartingWith("node.role: \"switch\" needs cluster.enabled: true");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("node.role", "router")))
        .hasMessageStartingWith("node.role: \"router\" (expected: cache or switch)");
    assertThatThrownBy(() -> NodeConfig.of(Map.of("cluster.peers", "a:1", "cluster.dns-query", "shoal.svc")))
        .hasMessageStartingWith("cluster.dns-query: \"shoal.svc\" and cluster.peers both set");
  }

  @Test
  void clusterSettingsLoadFromYaml() throws Exception {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, "cluster:\n  enabled: true\n  peers: [10.0.0.1:7800, 10.0.0.2:7800]\n"
        + "  load-report: {interval: 250ms, threshold: 0.2}\n  forward: {max-per-peer: 8}\n");
    NodeConfig c = NodeConfig.load(file, Map.of("cluster.strategy", "carp", "node.id", "n1"));
    assertThat(c.get(MembershipSettings.ENABLED)).isTrue();
    assertThat(c.get(MembershipSettings.PEERS)).containsExactly("10.0.0.1:7800", "10.0.0.2:7800");
    assertThat(c.get(MembershipSettings.LOAD_INTERVAL)).isEqualTo(java.time.Duration.ofMillis(250));
    assertThat(c.get(MembershipSettings.LOAD_THRESHOLD)).isEqualTo(0.2);
    assertThat(c.get(ForwardSettings.MAX_PER_PEER)).isEqualTo(8);
    assertThat(c.get(RouterSettings.STRATEGY)).isEqualTo("carp");
    assertThat(c.clusterNodeId()).isEqualTo("n1");
  }

  @Test
  void badYamlNamesTheFile() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "proxy: [unclosed\n");
    assertThatThrownBy(() -> NodeConfig.load(file, Map.of()))
        .hasMessageStartingWith("config " + file + ": not valid YAML");
    Files.writeString(file, "- a\n- b\n");
    assertThatThrownBy(() -> NodeConfig.load(file, Map.of()))
        .hasMessage("config " + file + ": expected a mapping of settings at the top level");
    Files.writeString(file, "proxy:\n  port: -1\n");
    assertThatThrownBy(() -> NodeConfig.load(file, Map.of()))
        .hasMessage("config " + file + ", line 2: proxy.port: \"-1\" (expected: a port 0-65535)");
    assertThatThrownBy(() -> NodeConfig.load(dir.resolve("missing.yaml"), Map.of()))
        .hasMessageContaining("missing.yaml: cannot read");
  }

  @Test
  void yamlBooleansAndNumbersReadAsAYamlLoaderReadsThem() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "distill:\n  enabled: no\nproxy:\n  port: 0x0C38\n  proxy-protocol: True\n"
        + "cache:\n  heuristic-fraction: .5\n");
    NodeConfig c = NodeConfig.load(file, Map.of());
    assertThat(c.get(io.shoal.distiller.DistillSettings.ENABLED)).isFalse();
    assertThat(c.get(ProxySettings.PORT)).isEqualTo(3128);
    assertThat(c.get(ProxySettings.PROXY_PROTOCOL)).isTrue();
    assertThat(c.get(CacheSettings.HEURISTIC_FRACTION)).isEqualTo(0.5);
  }

  @Test
  void settingsFromAFileThatDoNotGoTogetherNameTheFile() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "cluster:\n  heartbeat: 20s\n");
    assertThatThrownBy(() -> NodeConfig.load(file, Map.of()))
        .hasMessage("config " + file + ": cluster.heartbeat: \"20s\" (expected: below cluster.failure-timeout 10s)");
  }

  @Test
  void cidrsMatchTheirRanges() throws Exception {
    Cidr ten = Cidr.parse("10.0.0.0/8");
    assertThat(ten.contains(java.net.InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(ten.contains(java.net.InetAddress.getByName("11.0.0.1"))).isFalse();
    assertThat(ten.contains(java.net.InetAddress.getByName("::ffff:10.1.1.1"))).isTrue();
    assertThat(Cidr.parse("fc00::/7").contains(java.net.InetAddress.getByName("fd12::1"))).isTrue();
    assertThatThrownBy(() -> Cidr.parse("example.com")).hasMessage("not an IP address: \"example.com\"");
    assertThat(List.of(Cidr.parse("::1"))).hasSize(1);
  }
}
