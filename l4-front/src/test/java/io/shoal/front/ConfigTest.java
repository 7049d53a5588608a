package io.shoal.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad node lists and settings are refused at once, with what, where and what was expected. */
class ConfigTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.2|node '10.0.0.2': missing port (expected: host:port)",
      "10.0.0.2:|node '10.0.0.2:': missing port (expected: host:port)",
      "10.0.0.2:http|node '10.0.0.2:http': port 'http' (expected: a number)",
      "10.0.0.2:70000|node '10.0.0.2:70000': port 70000 (expected: 1..65535)",
      "10.0.0.2:0|node '10.0.0.2:0': port 0 (expected: 1..65535)",
      "10.0.0.2:3128*0|node '10.0.0.2:3128*0': weight 0 (expected: >= 1)",
      "10.0.0.2:3128*x|node '10.0.0.2:3128*x': weight 'x' (expected: a number)",
      "::1:3128|node '::1:3128': IPv6 address without brackets (expected: [addr]:port)",
      "no-such-host.invalid:3128|node 'no-such-host.invalid:3128': unknown host 'no-such-host.invalid'",
  })
  void badNodesAreRefusedWithAPreciseMessage(String spec, String message) {
    assertThatThrownBy(() -> NodeAddress.parse(spec)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void goodNodesParse() {
    assertThat(NodeAddress.parse("10.0.0.2:3128").toString()).isEqualTo("10.0.0.2:3128");
    assertThat(NodeAddress.parse("[::1]:3128*3")).satisfies(n -> {
      assertThat(n.toString()).isEqualTo("[0:0:0:0:0:0:0:1]:3128");
      assertThat(n.weight()).isEqualTo(3);
    });
  }

  @Test
  void builderFailsFast() {
    FrontConfig.Builder b = FrontConfig.builder();
    assertThatThrownBy(b::build).hasMessage("nodes: 0 (expected: at least one node)");
    b.node(NodeAddress.parse("10.0.0.2:3128"));
    assertThatThrownBy(() -> b.node(NodeAddress.parse("10.0.0.2:3128*2")))
        .hasMessage("nodes: 10.0.0.2:3128 twice (expected: each node once)");
    assertThatThrownBy(() -> b.maxConnections(0)).hasMessage("maxConnections: 0 (expected: > 0)");
    assertThatThrownBy(() -> b.rise(0)).hasMessage("rise: 0 (expected: > 0)");
    assertThatThrownBy(() -> b.idleTimeout(Duration.ZERO)).hasMessage("idleTimeout: \"0s\" (expected: > 0)");
    assertThatThrownBy(() -> b.healthPath("health")).hasMessageStartingWith("front.health.path: \"health\" (expected: an absolute path");
    assertThatThrownBy(() -> b.balancer("random"))
        .hasMessage("balancer: \"random\" (expected one of: round-robin, weighted, least-connections)");
    assertThatThrownBy(() -> b.transport("dpdk")).hasMessage("front.transport: \"dpdk\" (expected: auto, epoll or nio)");
    b.drain(NodeAddress.parse("10.0.0.9:3128"));
    assertThatThrownBy(b::build).hasMessage("drain: 10.0.0.9:3128 (expected: one of the nodes)");
  }

  @Test
  void aListenAddressInUseFailsWithTheAddress() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      FrontConfig config = FrontConfig.builder().node(NodeAddress.parse("127.0.0.1:1"))
          .listen(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), taken.getLocalPort())).build();
      assertThatThrownBy(() -> Front.start(config)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen on ").hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + ": ").hasMessageContaining("in use");
    }
  }
}
