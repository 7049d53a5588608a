package io.shoal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void portsAreBelowTheEphemeralRangeAndBindable() throws IOException {
    for (int i = 0; i < 20; i++) {
      int p = Ports.free();
      assertThat(p).isBetween(20_000, 31_999);
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        assertThat(s.getLocalPort()).isEqualTo(p);
      }
    }
  }

  @Test
  void clusterPortsAreDistinctAndNoneIsAnothersFdSockPort() throws IOException {
    List<Integer> ports = Ports.cluster(8);
    assertThat(ports).hasSize(8).doesNotHaveDuplicates();
    for (int p : ports) {
      assertThat(ports).doesNotContain(p + 100);
      try (ServerSocket s = new ServerSocket(p + 100, 1, InetAddress.getLoopbackAddress())) {
        assertThat(s.getLocalPort()).isEqualTo(p + 100);
      }
    }
  }

  @Test
  void awaitReturnsOnceTheConditionHoldsAndOtherwiseNamesWhatItWaitedFor() {
    AtomicInteger checks = new AtomicInteger();
    Await.await("three checks", Duration.ofSeconds(5), () -> checks.incrementAndGet() >= 3);
    assertThat(checks).hasValue(3);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Await.await("never", Duration.ofMillis(50), () -> false))
        .isInstanceOf(AssertionError.class).hasMessage("timed out after PT0.05S waiting for never");
  }
}
