package io.shoal.bench.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {
  @TempDir
  Path dir;

  @Test
  void everyHostHasItsOwnAddressOnTheBridge() {
    Topology t = new Topology("123", 64, 20_000_000, Duration.ZERO, 0.25);
    assertThat(t.hosts()).startsWith("client", "origin", "front", "switch", "n1").hasSize(68).doesNotHaveDuplicates();
    assertThat(t.hosts().stream().map(t::address)).doesNotHaveDuplicates().doesNotContain(t.vip());
    assertThat(t.address("n1")).isEqualTo("10.81.1.1");
    assertThat(t.address("n64")).isEqualTo("10.81.1.64");
    assertThat(t.prefix()).isEqualTo("stb123");
    assertThat(t.shaped("client")).isFalse();
    assertThat(t.shaped("origin")).isFalse();
    assertThat(t.shaped("front")).isTrue();
    assertThat(t.shaped("n7")).isTrue();
  }

  @Test
  void roundTripsThroughItsFile() throws Exception {
    Topology t = new Topology("4242", 8, 5_000_000, Duration.ofMillis(3), 0.3);
    Path f = dir.resolve("topology.properties");
    t.write(f);
    assertThat(Topology.read(f)).isEqualTo(t);
  }

  @Test
  void refusesMoreNodesThanTheBridgeHoldsAndAnUnreadableFile() throws Exception {
    assertThatThrownBy(() -> new Topology("1", 65, 1, Duration.ZERO, 0.25))
        .hasMessage("--nodes: 65 (expected: 1-64 on the netns testbed)");
    Path f = Files.writeString(dir.resolve("bad.properties"), "run=1\nnodes=x\n");
    assertThatThrownBy(() -> Topology.read(f)).hasMessageStartingWith("cannot read the testbed topology " + f);
  }
}
