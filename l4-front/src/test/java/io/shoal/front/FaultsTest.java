package io.shoal.front;

import static io.shoal.front.Clients.await;
import static io.shoal.front.Clients.connect;
import static io.shoal.front.TestNode.readLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fault the front meets, on real sockets: it refuses or closes precisely and keeps serving. */
class FaultsTest {

  @Test
  void allNodesDownResetsNewConnectionsAtOnceAndCountsThem() throws Exception {
    FrontConfig config = FrontConfig.builder().listen(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .node(NodeAddress.parse("127.0.0.1:" + TestNode.deadPort()))
        .node(NodeAddress.parse("127.0.0.1:" + TestNode.deadPort())).build();
    try (Front front = Front.start(config)) {
      for (int i = 0; i < 3; i++) {
        Clients.assertReset(front);
      }
      assertThat(front.status().refused()).containsEntry("no-node", 3L);
      assertThat(front.status().nodes()).allSatisfy(n -> assertThat(n.up()).isFalse());
    }
  }

  @Test
  void aRefusingNodeIsSkippedAtOnceAndMarkedDown() throws Exception {
    int dead = TestNode.deadPort();
    try (TestNode live = new TestNode("live");
         Front front = Front.start(Clients.config(live).node(NodeAddress.parse("127.0.0.1:" + dead))
             .healthInterval(Duration.ofMinutes(1)).build())) {
      for (int i = 0; i < 6; i++) {
        try (Socket s = connect(front)) {
          assertThat(readLine(s.getInputStream())).isEqualTo("live");
        }
      }
      FrontStatus.Node down = front.status().node("127.0.0.1:" + dead);
      assertThat(down.up()).isFalse();
      assertThat(down.connectFailures()).isEqualTo(1);
      assertThat(front.status().refused()).containsEntry("no-node", 0L);
    }
  }

  @Test
  void aNodeDyingMidConnectionClosesOnlyItsClients() throws Exception {
    try (TestNode a = new TestNode("a"); TestNode b = new TestNode("b");
         Front front = Front.start(Clients.config(a, b).healthInterval(Duration.ofMinutes(1)).build());
         Socket first = connect(front); Socket second = connect(front)) {
      // Round-robin puts the two connections on different nodes, in either order.
      String firstGreeting = readLine(first.getInputStream());
      String secondGreeting = readLine(second.getInputStream());
      assertThat(List.of(firstGreeting, secondGreeting)).containsExactlyInAnyOrder("a", "b");
      Socket onA = firstGreeting.equals("a") ? first : second;
      Socket onB = onA == first ? second : first;
      a.kill();
      assertThat(onA.getInputStream().read()).as("the client of the dead node sees a clean end").isEqualTo(-1);
      onB.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readLine(onB.getInputStream())).isEqualTo("ping");
    }
  }

  @Test
  void maxConnectionsPerFrontRefusesTheExcessAndServesTheRest() throws Exception {
    try (TestNode node = new TestNode("n");
         Front front = Front.start(Clients.config(node).maxConnections(2).build())) {
      Socket one = connect(front);
      Socket two = connect(front);
      assertThat(readLine(one.getInputStream())).isEqualTo("n");
      assertThat(readLine(two.getInputStream())).isEqualTo("n");
      Clients.assertReset(front);
      assertThat(front.status().refused()).containsEntry("max-connections", 1L);
      one.close();
      await("the slot is free again", () -> front.status().activeConnections() == 1);
      try (Socket four = connect(front)) {
        assertThat(readLine(four.getInputStream())).isEqualTo("n");
      }
      two.close();
    }
  }

  @Test
  void maxConnectionsPerClientAddressRefusesOnlyThatClient() throws Exception {
    InetAddress other = InetAddress.getByName("127.0.0.2");
    try (TestNode node = new TestNode("n");
         Front front = Front.start(Clients.config(node).maxConnectionsPerClient(2).build())) {
      List<Socket> mine = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        mine.add(connect(front));
        assertThat(readLine(mine.get(i).getInputStream())).isEqualTo("n");
      }
      Clients.assertReset(front);
      try (Socket fromOther = connect(front, other)) {
        assertThat(readLine(fromOther.getInputStream())).isEqualTo("n");
      }
      assertThat(front.status().refused()).containsEntry("max-per-client", 1L);
      for (Socket s : mine) {
        s.close();
      }
    }
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    try (TestNode node = new TestNode("n");
         Front front = Front.start(Clients.config(node).idleTimeout(Duration.ofMillis(300)).build());
         Socket s = connect(front)) {
      InputStream in = s.getInputStream();
      assertThat(readLine(in)).isEqualTo("n");
      assertThat(in.read()).as("closed by the idle timeout").isEqualTo(-1);
    }
  }

  @Test
  void roundRobinSpreadsConnectionsEvenlyInTurn() throws Exception {
    try (TestNode a = new TestNode("a"); TestNode b = new TestNode("b"); TestNode c = new TestNode("c");
         Front front = Front.start(Clients.config(a, b, c).healthInterval(Duration.ofMinutes(1)).build())) {
      List<String> order = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        try (Socket s = connect(front)) {
          order.add(readLine(s.getInputStream()));
        }
      }
      assertThat(order).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
    }
  }

  @Test
  void drainedNodesKeepTheirConnectionsButGetNoNewOnes() throws Exception {
    try (TestNode a = new TestNode("a"); TestNode b = new TestNode("b");
         Front front = Front.start(Clients.config(a, b).healthInterval(Duration.ofMinutes(1)).build());
         Socket first = connect(front)) {
      assertThat(readLine(first.getInputStream())).isEqualTo("a");
      assertThat(front.drain(a.address().toString(), true)).isTrue();
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < 4; i++) {
        try (Socket s = connect(front)) {
          seen.merge(readLine(s.getInputStream()), 1, Integer::sum);
        }
      }
      assertThat(seen).containsExactly(Map.entry("b", 4));
      first.getOutputStream().write("still\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readLine(first.getInputStream())).isEqualTo("still");
      assertThat(front.status().node(a.address().toString()).draining()).isTrue();
    }
  }

  @Test
  void healthChecksTakeANodeDownAfterFallAndBackAfterRise() throws Exception {
    TestNode a = new TestNode("a");
    int port = a.port();
    try (TestNode b = new TestNode("b");
         Front front = Front.start(Clients.config(a, b).rise(2).fall(2).build())) {
      String key = a.address().toString();
      a.kill();
      await("a is down", () -> !front.status().node(key).up());
      try (Socket s = connect(front)) {
        assertThat(readLine(s.getInputStream())).isEqualTo("b");
      }
      try (TestNode back = new TestNode("a", port, TestNode.GREET_AND_ECHO)) {
        await("a is up again", () -> front.status().node(key).up());
        assertThat(front.status().node(key).connectFailures()).isZero();
      }
    }
  }

  @Test
  void httpHealthChecksJudgeTheStatusLine() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean healthy = new java.util.concurrent.atomic.AtomicBoolean();
    TestNode.Behaviour health = (n, sock) -> {
      readLine(sock.getInputStream());
      String status = healthy.get() ? "200 OK" : "503 Service Unavailable";
      sock.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      sock.close();
    };
    try (TestNode node = new TestNode("h", 0, health);
         Front front = Front.start(Clients.config(node).healthPath("/health").rise(1).fall(1).build())) {
      String key = node.address().toString();
      await("503 takes it down", () -> !front.status().node(key).up());
      healthy.set(true);
      await("200 brings it back", () -> front.status().node(key).up());
    }
  }

  static void close(Socket s) throws IOException {
    s.close();
  }
}
