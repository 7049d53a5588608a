package io.shoal.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.testsupport.Ports;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of l7-router/README.md, as written there (between the markers). */
class ReadmeExampleTest {

  @Test
  void theReadmeShowsThisTestsCode() throws java.io.IOException {
    String test = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/io/shoal/router/ReadmeExampleTest.java"));
    String example = test.substring(test.lastIndexOf("// README example begins") + 24, test.lastIndexOf("    // README example ends"));
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    assertThat(strip(readme)).contains(strip(example));
  }

  private static String strip(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(java.util.stream.Collectors.joining("\n"));
  }

  @Test
  void theReadmeExampleRuns() throws Exception {
    int clusterPort = Ports.cluster();
    int proxyPort = Ports.free();
    // README example begins
    JGroupsMembership cluster = Membership.jgroups()
        .clusterName("shoal")
        .nodeId("node-1")
        .proxyAddress("127.0.0.1:" + proxyPort)      // where peers forward to
        .bindPort(clusterPort)
        .peers(List.of("127.0.0.1:" + clusterPort))  // every node's cluster address
        .invalidator(key -> false)                   // your cache's remove(key)
        .join();
    Router router = Router.builder()
        .membership(cluster)
        .strategy("ketama")
        .build();
    PeerForwarder forwarder = PeerForwarder.builder().build();
    HttpHandler cache = exchange -> exchange.getResponseSender().send("served here");
    Undertow server = Undertow.builder()
        .addHttpListener(proxyPort, "127.0.0.1", new RouterHandler(router, forwarder, cache))
        .build();
    server.start();
    // README example ends
    try {
      HttpResponse<String> r = HttpClient.newBuilder()
          .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort))).build()
          .send(HttpRequest.newBuilder(URI.create("http://example.com/")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("served here");
    } finally {
      server.stop();
      forwarder.close();
      cluster.close();
    }
  }
}
