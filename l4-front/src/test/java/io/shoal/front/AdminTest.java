package io.shoal.front;

import static io.shoal.front.Clients.connect;
import static io.shoal.front.TestNode.readLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code /status}, {@code /metrics} and drain over real HTTP. */
class AdminTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(Front front, String method, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + front.adminAddress().getPort() + path);
    return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesStatusMetricsAndDrain() throws Exception {
    try (TestNode a = new TestNode("a"); TestNode b = new TestNode("b");
         Front front = Front.start(Clients.config(a, b).healthInterval(Duration.ofMinutes(1))
             .admin(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build())) {
      try (Socket s = connect(front)) {
        assertThat(readLine(s.getInputStream())).isEqualTo("a");
      }
      HttpResponse<String> status = send(front, "GET", "/status");
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"address\":\"" + a.address() + "\"", "\"state\":\"up\"", "\"connections\":1");
      String metrics = send(front, "GET", "/metrics").body();
      assertThat(metrics).contains("shoal_front_node_connections_total{node=\"" + a.address() + "\"} 1.0")
          .contains("shoal_front_node_up{node=\"" + b.address() + "\"} 1.0")
          .contains("shoal_front_connections_refused_total{reason=\"no-node\"} 0.0");
      assertThat(send(front, "POST", "/drain?node=" + a.address()).statusCode()).isEqualTo(200);
      assertThat(front.status().node(a.address().toString()).draining()).isTrue();
      HttpResponse<String> missing = send(front, "POST", "/drain?node=10.9.9.9:1");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("no node 10.9.9.9:1");
      assertThat(send(front, "POST", "/drain").statusCode()).isEqualTo(400);
      assertThat(send(front, "GET", "/nope").statusCode()).isEqualTo(404);
    }
  }
}
