package io.shoal.front;

import io.shoal.testsupport.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Client-side helpers: connect with generous timeouts, await a condition without sleeping a fixed time. */
final class Clients {
  static final int TIMEOUT_MS = 20_000;

  private Clients() {}

  static Socket connect(Front front) throws IOException {
    return connect(front, InetAddress.getLoopbackAddress());
  }

  static Socket connect(Front front, InetAddress from) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(from, 0));
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), front.address().getPort()), TIMEOUT_MS);
    s.setSoTimeout(TIMEOUT_MS);
    return s;
  }

  /** Connects and expects a TCP reset, which may already come during connect. */
  static void assertReset(Front front, InetAddress from) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      try (Socket s = connect(front, from)) {
        s.getInputStream().read();
      }
    }).isInstanceOf(java.net.SocketException.class).hasMessageContaining("reset");
  }

  static void assertReset(Front front) {
    assertReset(front, InetAddress.getLoopbackAddress());
  }

  /** Polls until the condition holds; fails after a generous timeout (never a timed assertion). */
  static void await(String what, Await.Condition condition) {
    Await.await(what, Duration.ofMillis(TIMEOUT_MS), condition);
  }

  static FrontConfig.Builder config(TestNode... nodes) {
    FrontConfig.Builder b = FrontConfig.builder()
        .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .healthInterval(Duration.ofMillis(50))
        .connectTimeout(Duration.ofSeconds(2));
    for (TestNode n : nodes) {
      b.node(n.address());
    }
    return b;
  }
}
