package io.shoal.cli.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.InProcessCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-running {@code shoal front} (userspace relay) in process, with its node list from a
 * config file: two real backend servers on loopback, real connections through the front, then
 * the command is stopped.
 */
class FrontRunTest {
  private static final Pattern RELAYING = Pattern.compile("relaying /127\\.0\\.0\\.1:(\\d+) ");

  @Test
  void relaysConnectionsRoundRobinOverTheNodesOfTheConfigFileUntilStopped(@TempDir Path dir) throws Exception {
    try (Backend a = new Backend("a"); Backend b = new Backend("b")) {
      Path config = Files.writeString(dir.resolve("shoal.yaml"), "node:\n  id: ignored-by-the-front\nfront:\n"
          + "  nodes: [\"127.0.0.1:" + a.port() + "\", \"127.0.0.1:" + b.port() + "\"]\n  balancer: round-robin\n");
      InProcessCommand front = InProcessCommand.start("shoal-front-under-test",
          "front", "--config", config.toString(), "--listen", "127.0.0.1:0");
      int port = Integer.parseInt(front.await(RELAYING).group(1));

      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < 6; i++) {
        seen.merge(ask(port), 1, Integer::sum);
      }
      assertThat(seen).as("connections per backend").containsEntry("a", 3).containsEntry("b", 3);

      front.stopAndCheck("shoal front: stopped", port);
    }
  }

  private static String ask(int port) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(30_000);
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** A real backend: answers every connection with its name and closes. */
  private static final class Backend implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    Backend(String name) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            s.getOutputStream().write(name.getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            // closed, or a health check that went away first
          }
        }
      }, "backend-" + name);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
