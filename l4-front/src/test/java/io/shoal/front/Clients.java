package io.shoal.front;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(10);
    }
  }

  static FrontConfig.Builder config(TestNode... nodes) {
    FrontConfig.Builder b = FrontConfig.builder()
        .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .healthInterval(java.time.Duration.ofMillis(50))
        .connectTimeout(java.time.Duration.ofSeconds(2));
    for (TestNode n : nodes) {
      b.node(n.address());
    }
    return b;
  }
}
