package io.shoal.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.testsupport.Await;
import io.shoal.testsupport.Ports;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real Undertow nodes on loopback, each a RouterHandler in front of a local handler. */
class ForwardingTest {
  static final String SECRET = "forwarding-test-secret";
  final List<Undertow> servers = new ArrayList<>();
  final List<PeerForwarder> forwarders = new ArrayList<>();
  /** Requests each node's local handler served. */
  final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  /** Hop headers the local handlers saw (must stay empty). */
  final List<String> leakedHops = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(Undertow::stop);
    forwarders.forEach(PeerForwarder::close);
  }

  /** The local handler of node {@code id}: says who served, echoes the body size, streams big bodies. */
  HttpHandler local(String id) {
    return exchange -> {
      exchange.startBlocking();
      served.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      String hop = exchange.getRequestHeaders().getFirst(Router.HOP_HEADER);
      if (hop != null) {
        synchronized (leakedHops) {
          leakedHops.add(hop);
        }
      }
      byte[] body = exchange.getInputStream().readAllBytes();
      RouteInfo info = RouteInfo.of(exchange);
      exchange.getResponseHeaders().put(HttpString.tryFromString("X-Cache"), "MISS from " + id);
      exchange.getResponseHeaders().put(HttpString.tryFromString("X-Why"), info.route() instanceof Route.Local l ? l.why().name() : "?");
      exchange.getResponseHeaders().put(HttpString.tryFromString("X-Saw-Via"), String.valueOf(exchange.getRequestHeaders().get(Headers.VIA)));
      String size = exchange.getQueryParameters().containsKey("size") ? exchange.getQueryParameters().get("size").getFirst() : null;
      if (size != null) {
        int n = Integer.parseInt(size);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, n);
        byte[] chunk = new byte[8192];
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = (byte) (i * 31);
        }
        for (int sent = 0; sent < n; sent += chunk.length) {
          exchange.getOutputStream().write(chunk, 0, Math.min(chunk.length, n - sent));
        }
        exchange.getOutputStream().close();
        return;
      }
      exchange.getOutputStream().write((id + " " + exchange.getRequestMethod() + " " + body.length)
          .getBytes(StandardCharsets.UTF_8));
      exchange.getOutputStream().close();
    };
  }

  Router start(String id, int port, StaticMembership membership, String strategy) {
    return start(id, port, membership, strategy, PeerForwarder.builder().connectTimeout(Duration.ofMillis(500)).build());
  }

  Router start(String id, int port, StaticMembership membership, String strategy, PeerForwarder forwarder) {
    Router router = Router.builder().membership(membership).strategy(strategy).build();
    forwarders.add(forwarder);
    Undertow server = Undertow.builder()
        .setServerOption(UndertowOptions.DECODE_URL, false)
        .addHttpListener(port, "127.0.0.1", new RouterHandler(router, forwarder, local(id)))
        .build();
    server.start();
    servers.add(server);
    return router;
  }

  static StaticMembership membership(String self, Map<String, Integer> ports) {
    StaticMembership.Builder b = Membership.fixed().self(self).secret(SECRET);
    ports.forEach((id, port) -> b.peer(id, "127.0.0.1:" + port));
    return b.build();
  }

  static HttpClient proxyClient(int port) {
    return HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", port)))
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  static HttpResponse<String> get(int proxyPort, String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return proxyClient(proxyPort).send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, Integer> ports(String... ids) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    for (String id : ids) {
      int p;
      do {
        p = Ports.free();
      } while (out.containsValue(p));
      out.put(id, p);
    }
    return out;
  }

  @Test
  void everyNodeAnswersFromTheOwnerAndTheOwnerNeverForwardsAgain() throws Exception {
    Map<String, Integer> ports = ports("n1", "n2", "n3");
    List<Router> routers = new ArrayList<>();
    ports.forEach((id, port) -> routers.add(start(id, port, membership(id, ports), "ketama")));
    for (int i = 0; i < 60; i++) {
      String url = "http://origin.example/object/" + i;
      String owner = routers.get(0).candidates(routers.get(0).key(url)).get(0).id();
      for (int port : ports.values()) {
        HttpResponse<String> r = get(port, url);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(owner + " GET 0");
        assertThat(r.headers().firstValue("X-Cache")).contains("MISS from " + owner);
        boolean receivedByOwner = port == ports.get(owner);
        assertThat(r.headers().firstValue("X-Why")).contains(receivedByOwner ? "OWNER" : "FROM_PEER");
        String receiver = ports.entrySet().stream().filter(e -> e.getValue() == port).findFirst().orElseThrow().getKey();
        if (!receivedByOwner) {
          assertThat(r.headers().firstValue("X-Saw-Via")).as("the owner sees the hop").contains("[1.1 " + receiver + "]");
          assertThat(r.headers().allValues("Via")).as("so does the client").containsExactly("1.1 " + receiver);
        } else {
          assertThat(r.headers().allValues("Via")).isEmpty();
        }
      }
    }
    assertThat(served.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(180);
    assertThat(leakedHops).isEmpty();
  }

  @Test
  void concurrentGetsAndHeadsOfEverySizeShareConnectionsAndEachGetsItsOwnAnswer() throws Exception {
    Map<String, Integer> ports = ports("n1", "n2");
    PeerForwarder f1 = PeerForwarder.builder().build();
    start("n1", ports.get("n1"), membership("n1", ports), "local(self=n2)", f1);
    start("n2", ports.get("n2"), membership("n2", ports), "local(self=n2)");
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      clients.add(proxyClient(ports.get("n1")));
    }
    int[] sizes = {0, 1, 1024, 8191, 300_000, 2_000_000};
    List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int size = sizes[i % sizes.length];
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://origin.example/s" + i + "?size=" + size))
          .timeout(Duration.ofSeconds(30));
      answers.add(clients.get(i % clients.size()).sendAsync(i % 7 == 3 ? b.method("HEAD", HttpRequest.BodyPublishers.noBody()).build()
          : b.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }
    for (int i = 0; i < answers.size(); i++) {
      HttpResponse<byte[]> r = answers.get(i).get();
      int size = sizes[i % sizes.length];
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Length")).contains(Integer.toString(size));
      assertThat(r.headers().allValues("Via")).containsExactly("1.1 n1");
      byte[] body = r.body();
      assertThat(body).as("answer %d", i).hasSize(i % 7 == 3 ? 0 : size);
      for (int k = 0; k < body.length; k++) {
        if (body[k] != (byte) ((k % 8192) * 31)) {
          throw new AssertionError("answer " + i + ": byte " + k + " is not the peer's");
        }
      }
    }
    assertThat(f1.openConnections()).as("no more connections than requests at once").isBetween(1, 60);
  }

  @Test
  void aForwardedRequestIsNeverForwardedAgainEvenWhenViewsDisagree() throws Exception {
    Map<String, Integer> ports = ports("n1", "n2");
    start("n1", ports.get("n1"), membership("n1", ports), "local(self=n2)");
    start("n2", ports.get("n2"), membership("n2", ports), "local(self=n1)");
    HttpResponse<String> r = get(ports.get("n1"), "http://origin.example/loop");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("n2 GET 0");
    assertThat(r.headers().firstValue("X-Why")).contains("FROM_PEER");
    assertThat(served).containsOnlyKeys("n2");
  }

  @Test
  void aForgedHopHeaderFromAClientIsStrippedAndTheRequestRouted() throws Exception {
    Map<String, Integer> ports = ports("n1", "n2");
    start("n1", ports.get("n1"), membership("n1", ports), "local(self=n2)");
    start("n2", ports.get("n2"), membership("n2", ports), "local(self=n2)");
    HttpResponse<String> r = get(ports.get("n1"), "http://origin.example/forged",
        Router.HOP_HEADER, "n2; token=guessed-guessed-guessed-guessed");
    assertThat(r.body()).isEqualTo("n2 GET 0");
    assertThat(r.headers().firstValue("X-Why")).contains("FROM_PEER");
    HttpResponse<String> direct = get(ports.get("n2"), "http://origin.example/forged",
        Router.HOP_HEADER, "n1; token=guessed-guessed-guessed-guessed");
    assertThat(direct.headers().firstValue("X-Why")).as("a forged header does not make it a peer request").contains("OWNER");
    assertThat(leakedHops).isEmpty();
  }

  @Test
  void aDeadOwnerIsMarkedSuspectAndTheNextCandidateAnswersAtOnce() throws Exception {
    Map<String, Integer> ports = ports("dead", "n1", "n2");
    Router r1 = start("n1", ports.get("n1"), membership("n1", ports), "local(self=dead)");
    start("n2", ports.get("n2"), membership("n2", ports), "local(self=dead)");
    // "dead" listens nowhere: connects are refused. Candidates: dead, then view order (n1, n2).
    HttpResponse<String> viaN2 = get(ports.get("n2"), "http://origin.example/a");
    assertThat(viaN2.statusCode()).isEqualTo(200);
    assertThat(viaN2.body()).isEqualTo("n1 GET 0");
    HttpResponse<String> viaN1 = get(ports.get("n1"), "http://origin.example/a");
    assertThat(viaN1.body()).as("n1 is the next candidate itself").isEqualTo("n1 GET 0");
    assertThat(r1.suspects()).containsExactly("dead");
    // A POST whose body never left (connect refused) fails over too.
    HttpResponse<String> post = proxyClient(ports.get("n2")).send(HttpRequest.newBuilder(URI.create("http://origin.example/p"))
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.body()).isEqualTo("n1 POST 100000");
  }

  @Test
  void bodiesStreamBothWays() throws Exception {
    Map<String, Integer> ports = ports("n1", "n2");
    start("n1", ports.get("n1"), membership("n1", ports), "local(self=n2)");
    start("n2", ports.get("n2"), membership("n2", ports), "local(self=n2)");
    int size = 8 * 1024 * 1024 + 17;
    HttpResponse<InputStream> r = proxyClient(ports.get("n1")).send(HttpRequest.newBuilder(
        URI.create("http://origin.example/big?size=" + size)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Length")).contains(Integer.toString(size));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (InputStream in = r.body()) {
      in.transferTo(got);
    }
    byte[] bytes = got.toByteArray();
    assertThat(bytes).hasSize(size);
    for (int i = 0; i < bytes.length; i += 4099) {
      assertThat(bytes[i]).isEqualTo((byte) ((i % 8192) * 31));
    }
    HttpResponse<String> put = proxyClient(ports.get("n1")).send(HttpRequest.newBuilder(URI.create("http://origin.example/up"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3_000_000])).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.body()).isEqualTo("n2 PUT 3000000");
    HttpResponse<String> head = proxyClient(ports.get("n1")).send(HttpRequest.newBuilder(URI.create("http://origin.example/h"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("X-Cache")).contains("MISS from n2");
  }

  /** A hand-made peer on a raw socket: {@code conversation} gets each accepted connection, in order. */
  final class RawPeer implements AutoCloseable {
    interface Conversation {
      void talk(int connection, java.net.Socket socket) throws Exception;
    }

    final java.net.ServerSocket server;
    final AtomicInteger accepted = new AtomicInteger();
    final List<java.net.Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

    RawPeer(int port, Conversation conversation) throws java.io.IOException {
      server = new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            java.net.Socket s = server.accept();
            sockets.add(s);
            int n = accepted.incrementAndGet();
            Thread c = new Thread(() -> {
              try {
                conversation.talk(n, s);
              } catch (Exception e) {
                // the conversation ends
              }
            });
            c.setDaemon(true);
            c.start();
          } catch (java.io.IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws java.io.IOException {
      server.close();
      for (java.net.Socket s : sockets) {
        s.close();
      }
    }
  }

  /** Reads one request head (up to the blank line) and returns it. */
  static String readHead(java.net.Socket s) throws java.io.IOException {
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new java.io.EOFException("closed after " + head.length() + " bytes");
      }
      head.append((char) c);
    }
    return head.toString();
  }

  static void answer(java.net.Socket s, String body) throws java.io.IOException {
    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nX-Cache: HIT from raw\r\n\r\n"
        + body).getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
  }

  static String send(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  PeerForwarder forwarder(Duration responseTimeout) {
    return PeerForwarder.builder().connectTimeout(Duration.ofMillis(500)).responseTimeout(responseTimeout).build();
  }

  @Test
  void aPeerThatNeverAnswersIsSuspectAfterTheResponseTimeoutAndTheNextCandidateAnswers() throws Exception {
    Map<String, Integer> ports = ports("mute", "n1");
    try (RawPeer mute = new RawPeer(ports.get("mute"), (n, s) -> {
      readHead(s);
      Thread.sleep(60_000);
    })) {
      Router r1 = start("n1", ports.get("n1"), membership("n1", ports), "local(self=mute)", forwarder(Duration.ofMillis(300)));
      long t0 = System.nanoTime();
      HttpResponse<String> r = get(ports.get("n1"), "http://origin.example/a");
      assertThat(r.body()).isEqualTo("n1 GET 0");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(r1.suspects()).containsExactly("mute");
      assertThat(mute.accepted.get()).isEqualTo(1);
    }
  }

  @Test
  void aBodyThatStallsCutsTheClientAndMakesThePeerSuspect() throws Exception {
    Map<String, Integer> ports = ports("stall", "n1");
    try (RawPeer stall = new RawPeer(ports.get("stall"), (n, s) -> {
      readHead(s);
      s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n0123456789".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      Thread.sleep(60_000);
    })) {
      Router r1 = start("n1", ports.get("n1"), membership("n1", ports), "local(self=stall)", forwarder(Duration.ofMillis(300)));
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://origin.example/a")).timeout(Duration.ofSeconds(20)).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> proxyClient(ports.get("n1")).send(req, HttpResponse.BodyHandlers.ofString()))
          .as("the client sees its connection cut, not a short 200").isInstanceOf(java.io.IOException.class);
      assertThat(r1.suspects()).containsExactly("stall");
    }
  }

  @Test
  void aPooledConnectionThePeerClosedIsRetriedOnANewOneWithoutSuspicion() throws Exception {
    Map<String, Integer> ports = ports("raw", "n1");
    try (RawPeer raw = new RawPeer(ports.get("raw"), (n, s) -> {
      readHead(s);
      answer(s, "first on connection " + n);
      if (n == 1) {
        readHead(s);
        s.close();  // the keep-alive race: the peer drops the connection as the next request arrives
        return;
      }
      while (true) {
        readHead(s);
        answer(s, "again on connection " + n);
      }
    })) {
      Router r1 = start("n1", ports.get("n1"), membership("n1", ports), "local(self=raw)");
      // One client connection: every request reaches the same I/O thread of n1, so the same pool.
      HttpClient client = proxyClient(ports.get("n1"));
      assertThat(send(client, "http://origin.example/a")).isEqualTo("first on connection 1");
      assertThat(send(client, "http://origin.example/b")).isEqualTo("first on connection 2");
      assertThat(r1.suspects()).isEmpty();
      assertThat(raw.accepted.get()).isEqualTo(2);
      assertThat(send(client, "http://origin.example/c"))
          .as("the new connection is pooled and reused").isEqualTo("again on connection 2");
    }
  }

  @Test
  void idleConnectionsAreReusedThenClosedAfterTheIdleTimeout() throws Exception {
    Map<String, Integer> ports = ports("n1", "n2");
    PeerForwarder f1 = PeerForwarder.builder().idleTimeout(Duration.ofMillis(300)).build();
    start("n1", ports.get("n1"), membership("n1", ports), "local(self=n2)", f1);
    start("n2", ports.get("n2"), membership("n2", ports), "local(self=n2)");
    HttpClient client = proxyClient(ports.get("n1"));
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://origin.example/" + i)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("n2 GET 0");
    }
    assertThat(f1.openConnections()).as("one client connection in turn: one pooled peer connection").isEqualTo(1);
    Await.await("the idle connection to close", Duration.ofSeconds(5), () -> f1.openConnections() == 0);
    assertThat(get(ports.get("n1"), "http://origin.example/after").body()).isEqualTo("n2 GET 0");
  }

  @Test
  void aPeerAtItsConnectionLimitIsPassedOverForTheNextCandidate() throws Exception {
    Map<String, Integer> ports = ports("slow", "n1");
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (RawPeer slow = new RawPeer(ports.get("slow"), (n, s) -> {
      readHead(s);
      release.await();
      answer(s, "slow");
    })) {
      PeerForwarder f1 = PeerForwarder.builder().maxConnections(1, 1).build();
      Router r1 = start("n1", ports.get("n1"), membership("n1", ports), "local(self=slow)", f1);
      var first = proxyClient(ports.get("n1")).sendAsync(HttpRequest.newBuilder(URI.create("http://origin.example/1")).build(),
          HttpResponse.BodyHandlers.ofString());
      Await.await("the first request to hold the only connection", Duration.ofSeconds(5), () -> f1.openConnections() == 1);
      assertThat(get(ports.get("n1"), "http://origin.example/2").body()).as("served by the next candidate").isEqualTo("n1 GET 0");
      release.countDown();
      assertThat(first.get().body()).isEqualTo("slow");
      assertThat(r1.suspects()).as("a full peer is not a failed one").isEmpty();
    }
  }

  @Test
  void aPeerThatFailsAfterTakingPartOfTheBodyGives502() throws Exception {
    Map<String, Integer> ports = ports("greedy", "n1");
    try (RawPeer greedy = new RawPeer(ports.get("greedy"), (n, s) -> {
      readHead(s);
      s.getInputStream().readNBytes(100_000);
      s.setSoLinger(true, 0);
      s.close();
    })) {
      Router r1 = start("n1", ports.get("n1"), membership("n1", ports), "local(self=greedy)");
      HttpResponse<String> r = proxyClient(ports.get("n1")).send(HttpRequest.newBuilder(URI.create("http://origin.example/up"))
          .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3_000_000])).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.body()).contains("peer greedy failed after part of the request body was sent");
      assertThat(served.get("n1")).as("a half-sent body is never replayed elsewhere").isNull();
      assertThat(r1.suspects()).containsExactly("greedy");
    }
  }
}
