package io.shoal.front;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP server on loopback standing in for a cache node: for each connection it runs a
 * behaviour on a thread of its own. The default greets with its name and a newline, then echoes
 * until the client's FIN, then closes.
 */
final class TestNode implements AutoCloseable {
  interface Behaviour {
    void serve(TestNode node, Socket s) throws IOException;
  }

  static final Behaviour GREET_AND_ECHO = (node, s) -> {
    OutputStream out = s.getOutputStream();
    out.write((node.name + "\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    s.getInputStream().transferTo(out);
    s.close();
  };

  final String name;
  private final Behaviour behaviour;
  private final ServerSocket server;
  final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** What a behaviour heard, for tests that check the client-to-node direction. */
  final java.util.concurrent.CompletableFuture<String> heard = new java.util.concurrent.CompletableFuture<>();

  TestNode(String name) throws IOException {
    this(name, 0, GREET_AND_ECHO);
  }

  TestNode(String name, int port, Behaviour behaviour) throws IOException {
    this.name = name;
    this.behaviour = behaviour;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    Thread t = new Thread(this::acceptLoop, "test-node-" + name);
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  NodeAddress address() {
    return NodeAddress.parse("127.0.0.1:" + port());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        Thread t = new Thread(() -> {
          try {
            behaviour.serve(this, s);
          } catch (IOException e) {
            // the peer went away; that is what several tests do on purpose
          }
        }, "test-node-" + name + "-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Resets every open connection (as a crashed node's kernel would), then stops listening. */
  void kill() throws IOException {
    server.close();
    for (Socket s : sockets) {
      if (s.isClosed()) {
        continue;
      }
      s.setSoLinger(true, 0);
      s.close();
    }
  }

  @Override
  public void close() throws IOException {
    kill();
  }

  /** A port on loopback where nothing listens (bound once, then released). */
  static int deadPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one line (up to and without the newline) from a client socket. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("EOF after '" + b + "'");
      }
      b.append((char) c);
    }
    return b.toString();
  }
}
