package io.shoal.it.front;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A small real server run inside a node namespace: {@code NameServer NAME PORT BYTES}. For each
 * connection it reads one line, answers with its name, a newline and BYTES bytes, and closes.
 * The name {@code @peer} answers with the connecting peer's address instead.
 */
public final class NameServer {
  private NameServer() {}

  public static void main(String[] args) throws IOException {
    String name = args[0];
    int port = Integer.parseInt(args[1]);
    byte[] payload = new byte[Integer.parseInt(args[2])];
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(port));
      System.out.println("ready");
      System.out.flush();
      while (true) {
        try (Socket s = server.accept()) {
          int c = s.getInputStream().read();
          while (c != '\n' && c >= 0) {
            c = s.getInputStream().read(); // the request line
          }
          if (c < 0) {
            continue; // a health check: connected and closed without a request
          }
          OutputStream out = s.getOutputStream();
          String reply = name.equals("@peer") ? s.getInetAddress().getHostAddress() : name;
          out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
          out.write(payload);
          out.flush();
        } catch (IOException e) {
          System.err.println("connection failed: " + e);
        }
      }
    }
  }
}
