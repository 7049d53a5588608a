package io.shoal.cli.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Shoal;
import io.shoal.front.FrontSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code shoal front} in process: bad input is a usage error naming the value; the generators print. */
class FrontCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Shoal.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--nodes=10.0.0.2:99999|--nodes: \"10.0.0.2:99999\" (expected: a list of host:port[*weight] such as 10.0.0.2:3128, 10.0.0.3:3128*2): node '10.0.0.2:99999': port 99999 (expected: 1..65535)",
      "--nodes=10.0.0.2|--nodes: \"10.0.0.2\" (expected: a list of host:port[*weight] such as 10.0.0.2:3128, 10.0.0.3:3128*2): node '10.0.0.2': missing port (expected: host:port)",
      "--nodes=10.0.0.2:3128,10.0.0.2:3128|nodes: 10.0.0.2:3128 twice (expected: each node once)",
      "--nodes=10.0.0.2:3128 --balancer=random|--balancer: \"random\" (expected one of: round-robin, weighted, least-connections)",
      "--nodes=10.0.0.2:3128 --listen=0.0.0.0:70000|--listen: \"0.0.0.0:70000\" (expected: host:port): node '0.0.0.0:70000': port 70000 (expected: 1..65535)",
      "--nodes=10.0.0.2:3128 --idle-timeout=5y|--idle-timeout: \"5y\" (expected: a duration > 0 such as 500ms, 30s, 5m, 1h or 1d)",
      "--nodes=10.0.0.2:3128 --health-interval=0s|--health-interval: \"0s\" (expected: a duration > 0 such as 500ms, 30s, 5m, 1h or 1d)",
      "--nodes=10.0.0.2:3128 --mode=kernel-dr --print --vip=127.0.0.1|vip: 127.0.0.1 (expected: a unicast IPv4 address, not loopback, wildcard or multicast)",
      "--nodes=10.0.0.2:3128 --mode=kernel-dr --print --vip=10.0.0.300|--vip: \"10.0.0.300\" (expected: an IPv4 address like 10.0.0.100)",
      "--nodes=10.0.0.2:8080 --mode=kernel-dr --print --vip=10.0.0.100|node 10.0.0.2:8080: port 8080 (expected: 3128, the VIP's port; direct routing does not rewrite ports)",
      "--nodes=10.0.0.2:3128 --mode=kernel-dr --vip=10.0.0.100|--mode kernel-dr: give --print, --apply or --teardown (expected: exactly one)",
      "--nodes=10.0.0.2:3128 --mode=dsr|--mode: \"dsr\" (expected: userspace or kernel-dr)",
      "--mode=userspace|--nodes: missing (expected: host:port[,host:port...], or --config FILE with front.nodes)",
  })
  void badInputIsAUsageErrorThatSaysWhatAndWhatWasExpected(String args, String message) {
    String[] argv = ("front " + args).split(" ");
    assertThat(run(argv)).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).contains("shoal front: " + message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "node: {id: a}|--nodes: missing (expected: host:port[,host:port...], or --config FILE with front.nodes)",
      "front: {listen: '127.0.0.1:0'}|--nodes: missing (expected: host:port[,host:port...], or --config FILE with front.nodes)",
      "front: {nodes: []}|--nodes: missing (expected: host:port[,host:port...], or --config FILE with front.nodes)",
      "front: {nodes: ['10.0.0.2:3128', '10.0.0.3']}|config {file}, line 1: front.nodes: \"10.0.0.2:3128,10.0.0.3\" (expected: a list of host:port[*weight] such as 10.0.0.2:3128, 10.0.0.3:3128*2): node '10.0.0.3': missing port (expected: host:port)",
      "front: {nodes: ['10.0.0.2:3128'], balancer: random}|config {file}, line 1: front.balancer: \"random\" (expected one of: round-robin, weighted, least-connections)",
      "front: {nodes: ['10.0.0.2:3128'], listen: '0.0.0.0:70000'}|config {file}, line 1: front.listen: \"0.0.0.0:70000\" (expected: host:port): node '0.0.0.0:70000': port 70000 (expected: 1..65535)",
      "'front:\n  nodes: [10.0.0.2:3128]\n  weights: 1'|config {file}, line 3: unknown setting front.weights (expected one of: node.id, node.role, proxy.host",
      "'node:\n  id: a\ncache:\n  size: lots\nfront: {nodes: [10.0.0.2:3128]}'|config {file}, line 4: cache.size: \"lots\" (expected: a size > 0",
      "front: [nodes|config {file}: not valid YAML:",
  })
  void aBadConfigFileIsRefusedNamingTheSettingAndWhatWasExpected(String yaml, String message, @TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("shoal.yaml"), yaml.replace("\\n", "\n"));
    assertThat(run("front", "--config", file.toString())).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).contains("shoal front: " + message.replace("{file}", file.toString()));
  }

  @Test
  void helpShowsTheDefaultsTheSettingsDeclare() {
    assertThat(run("front", "--help")).isEqualTo(Shoal.OK);
    assertThat(out.toString())
        .contains("(default: " + FrontSettings.IDLE_TIMEOUT.defaultText() + ")")
        .contains("(default: " + FrontSettings.LISTEN.defaultText() + ")")
        .contains("Health check interval (default: " + FrontSettings.HEALTH_INTERVAL.defaultText() + ")");
  }

  @Test
  void optionsGivenOnTheCommandLineWinOverTheFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("shoal.yaml"),
        "front:\n  nodes: [10.0.0.2:3129, 10.0.0.3:3129]\n  listen: 0.0.0.0:8080\n");
    assertThat(run("front", "--config", file.toString(), "--mode", "kernel-dr", "--print", "--vip", "10.0.0.100",
        "--listen", "0.0.0.0:3129")).isEqualTo(Shoal.OK);
    assertThat(out.toString()).contains("ip daddr 10.0.0.100 tcp dport 3129 fwd ip to jhash")
        .contains("map { 0 : 10.0.0.2, 1 : 10.0.0.3 }");
  }

  @Test
  void kernelDrPrintsTheRulesetNodeSettingsAndIpvsadm() {
    assertThat(run("front", "--mode", "kernel-dr", "--print", "--vip", "10.0.0.100", "--device", "eth1",
        "--nodes", "10.0.0.2:3128,10.0.0.3:3128")).isEqualTo(Shoal.OK);
    assertThat(out.toString())
        .contains("type filter hook ingress device \"eth1\" priority 0; policy accept;")
        .contains("ip daddr 10.0.0.100 tcp dport 3128 fwd ip to jhash ip saddr . tcp sport mod 2 map { 0 : 10.0.0.2, 1 : 10.0.0.3 } device \"eth1\"")
        .contains("ip addr replace 10.0.0.100/32 dev lo", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2")
        .contains("ipvsadm -A -t 10.0.0.100:3128 -s rr", "ipvsadm -a -t 10.0.0.100:3128 -r 10.0.0.3:3128 -g");
  }

  @Test
  void keepalivedPrintsAVrrpInstance() {
    assertThat(run("front", "--keepalived", "--backup", "--priority", "90", "--vip", "10.0.0.100/24", "--device", "eth0",
        "--nodes", "10.0.0.2:3128")).isEqualTo(Shoal.OK);
    assertThat(out.toString()).contains("state BACKUP", "interface eth0", "priority 90", "10.0.0.100/24 dev eth0",
        "virtual_router_id 51");
  }

  @Test
  void aListenAddressInUseIsARuntimeFailure() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(run("front", "--listen", "127.0.0.1:" + taken.getLocalPort(), "--nodes", "127.0.0.1:1"))
          .isEqualTo(Shoal.FAILURE);
      assertThat(err.toString()).contains("shoal front: cannot listen on").contains("in use");
    }
  }
}
