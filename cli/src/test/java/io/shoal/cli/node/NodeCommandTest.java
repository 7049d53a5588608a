package io.shoal.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.shoal.cli.InProcessCommand;
import io.shoal.cli.Shoal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code shoal node} in process: started on ephemeral ports, used as a forward proxy the way
 * {@code curl -x} uses it against a real origin on loopback, then stopped; bad settings exit 2.
 */
class NodeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("proxy on http://127\\.0\\.0\\.1:(\\d+) .*admin on http://127\\.0\\.0\\.1:(\\d+)");

  @Test
  void servesAsAForwardProxyCacheUntilStopped() throws Exception {
    HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger originRequests = new AtomicInteger();
    origin.createContext("/a.txt", exchange -> {
      originRequests.incrementAndGet();
      byte[] body = "hello through shoal".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    origin.start();
    try {
      InProcessCommand node = InProcessCommand.start("shoal-node-under-test",
          "node", "--port", "0", "--admin-port", "0", "--id", "cli-node", "--set", "proxy.host=127.0.0.1",
          "--set", "proxy.allowed-destinations=127.0.0.0/8", "--cache-size", "16MB");
      Matcher m = node.await(LISTENING);
      int proxyPort = Integer.parseInt(m.group(1));
      assertThat(node.out()).startsWith("shoal node cli-node: proxy on http://127.0.0.1:").contains("cache 16MB");

      HttpClient curl = HttpClient.newBuilder()
          .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort)))
          .connectTimeout(Duration.ofSeconds(10)).build();
      URI target = URI.create("http://127.0.0.1:" + origin.getAddress().getPort() + "/a.txt");
      HttpResponse<String> miss = curl.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> hit = curl.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(miss.statusCode()).isEqualTo(200);
      assertThat(miss.body()).isEqualTo("hello through shoal");
      assertThat(miss.headers().firstValue("X-Cache")).hasValue("MISS from cli-node");
      assertThat(hit.body()).isEqualTo("hello through shoal");
      assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT from cli-node");
      assertThat(originRequests).hasValue(1);

      node.stopAndCheck("shoal node cli-node: stopped", proxyPort);
    } finally {
      origin.stop(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--set cache.size=lots|cache.size: \"lots\" (expected: a size > 0",
      "--port 70000|--port: \"70000\" (expected: a port 0-65535)",
      "--set proxy.port=70000|proxy.port: \"70000\" (expected: a port 0-65535)",
      "--set proxy.no-such-setting=1|proxy.no-such-setting",
      "--set cluster.secret=too-short|cluster.secret: \"too-short\" (expected: empty, or at least 16 characters)",
  })
  void badSettingExits2NamingIt(String args, String message) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = ("node " + args + " --check").split(" ");
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), argv);
    assertThat(code).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).contains(message);
    assertThat(out.toString()).doesNotContain("configuration ok");
  }

}
