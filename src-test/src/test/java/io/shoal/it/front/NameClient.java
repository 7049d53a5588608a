package io.shoal.it.front;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client run inside the client namespace: {@code NameClient HOST PORT N}. Opens N
 * connections one after another and prints, per server name, the connections and bytes received.
 */
public final class NameClient {
  private NameClient() {}

  public static void main(String[] args) throws IOException {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    Map<String, long[]> seen = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setSoTimeout(20_000);
        s.getOutputStream().write("hi\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder name = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
          if (c < 0) {
            throw new IOException("connection " + i + ": EOF before the server's name");
          }
          name.append((char) c);
        }
        long bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        long[] tally = seen.computeIfAbsent(name.toString(), k -> new long[2]);
        tally[0]++;
        tally[1] += bytes;
      }
    }
    seen.forEach((name, t) -> System.out.println(name + " " + t[0] + " " + t[1]));
  }
}
