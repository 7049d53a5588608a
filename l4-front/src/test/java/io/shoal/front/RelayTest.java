package io.shoal.front;

import static io.shoal.front.Clients.await;
import static io.shoal.front.Clients.connect;
import static io.shoal.front.TestNode.readLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The relay itself on both transports: bytes intact both ways, back-pressure, half-close. */
class RelayTest {

  private static Front start(String transport, FrontConfig.Builder b) {
    if (transport.equals("epoll")) {
      Assumptions.assumeTrue(Epoll.isAvailable(), "native epoll not available here: " + Epoll.unavailabilityCause());
    }
    return Front.start(b.transport(transport).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nio", "epoll"})
  void relaysManyMegabytesBothWaysIntact(String transport) throws Exception {
    try (TestNode node = new TestNode("a"); Front front = start(transport, Clients.config(node));
         Socket s = connect(front)) {
      assertThat(front.transport()).isEqualTo(transport);
      assertThat(readLine(s.getInputStream())).isEqualTo("a");
      byte[] data = new byte[8 << 20];
      new Random(7).nextBytes(data);
      CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> readAll(s));
      s.getOutputStream().write(data);
      s.shutdownOutput();
      assertThat(Arrays.equals(echoed.get(), data)).as("8 MB echoed intact").isTrue();
      await("counters", () -> front.status().node(node.address().toString()).bytesOut() == data.length + 2);
      assertThat(front.status().node(node.address().toString()).bytesIn()).isEqualTo(data.length);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nio", "epoll"})
  void readsFromTheNodeOnlyAsFastAsTheClientTakes(String transport) throws Exception {
    int total = 64 << 20;
    AtomicLong written = new AtomicLong();
    TestNode.Behaviour firehose = (n, sock) -> {
      OutputStream out = sock.getOutputStream();
      byte[] chunk = new byte[64 << 10];
      for (int sent = 0; sent < total; sent += chunk.length) {
        out.write(chunk);
        written.addAndGet(chunk.length);
      }
      sock.close();
    };
    try (TestNode node = new TestNode("hose", 0, firehose); Front front = start(transport, Clients.config(node));
         Socket s = connect(front)) {
      String key = node.address().toString();
      // The client reads nothing: once socket buffers are full the front must stop reading the node.
      awaitStable(() -> front.status().node(key).bytesOut());
      long relayed = front.status().node(key).bytesOut();
      assertThat(relayed).as("bytes the front took from the node while the client read nothing")
          .isLessThan(total / 2);
      assertThat(written.get()).isLessThan(total);
      assertThat(readAll(s)).hasSize(total);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nio", "epoll"})
  void clientHalfCloseReachesTheNodeAndTheReplyStillComes(String transport) throws Exception {
    TestNode.Behaviour countThenReply = (n, sock) -> {
      long count = sock.getInputStream().transferTo(OutputStream.nullOutputStream());
      sock.getOutputStream().write(("got " + count + "\n").getBytes(StandardCharsets.US_ASCII));
      sock.close();
    };
    try (TestNode node = new TestNode("count", 0, countThenReply);
         Front front = start(transport, Clients.config(node).healthInterval(java.time.Duration.ofMinutes(1)));
         Socket s = connect(front)) {
      s.getOutputStream().write(new byte[100_000]);
      s.shutdownOutput();
      assertThat(new String(readAll(s), StandardCharsets.US_ASCII)).isEqualTo("got 100000\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nio", "epoll"})
  void nodeHalfCloseReachesTheClientWhichCanStillSend(String transport) throws Exception {
    TestNode.Behaviour greetThenListen = (n, sock) -> {
      sock.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
      sock.shutdownOutput();
      String heard = readLine(sock.getInputStream());
      n.sockets.remove(sock);
      n.heard.complete(heard);
      sock.close();
    };
    try (TestNode node = new TestNode("fin", 0, greetThenListen);
         Front front = start(transport, Clients.config(node).healthInterval(java.time.Duration.ofMinutes(1)));
         Socket s = connect(front)) {
      InputStream in = s.getInputStream();
      assertThat(readLine(in)).isEqualTo("hello");
      assertThat(in.read()).as("the node's FIN reaches the client").isEqualTo(-1);
      s.getOutputStream().write("still here\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(node.heard.get()).isEqualTo("still here");
    }
  }

  static byte[] readAll(Socket s) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.getInputStream().transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Waits until a counter stops moving over a few polls (a condition, not a timed assertion). */
  static void awaitStable(java.util.function.LongSupplier counter) throws InterruptedException {
    long last = -1;
    int same = 0;
    while (same < 5) {
      Thread.sleep(100);
      long now = counter.getAsLong();
      same = now == last && now > 0 ? same + 1 : 0;
      last = now;
    }
  }
}
