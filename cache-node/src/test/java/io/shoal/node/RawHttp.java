package io.shoal.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tiny HTTP/1.1 client over a plain socket, for tests that must send exactly the bytes they
 * mean (malformed requests, pipelining, CONNECT) and read exactly what comes back.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(InetSocketAddress address) throws IOException {
    socket = new Socket();
    socket.connect(address, 5_000);
    socket.setSoTimeout(20_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends one request and reads one response. */
  static Response exchange(InetSocketAddress address, String request) throws IOException {
    try (RawHttp c = new RawHttp(address)) {
      c.send(request);
      return c.read(request.startsWith("HEAD "));
    }
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  Socket socket() {
    return socket;
  }

  InputStream input() {
    return in;
  }

  /** Reads one response (no body for HEAD, 1xx, 204, 304). */
  Response read(boolean head) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      return null;
    }
    List<String[]> headers = new ArrayList<>();
    String l;
    while ((l = line()) != null && !l.isEmpty()) {
      int c = l.indexOf(':');
      headers.add(new String[] {l.substring(0, c).strip(), l.substring(c + 1).strip()});
    }
    Response r = new Response(statusLine, headers);
    if (head || r.status / 100 == 1 || r.status == 204 || r.status == 304) {
      r.body = new byte[0];
      return r;
    }
    String length = r.header("Content-Length");
    String te = r.header("Transfer-Encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line();
        int n = Integer.parseInt(size.split(";")[0].strip(), 16);
        if (n == 0) {
          while (!line().isEmpty()) {
            // trailers
          }
          break;
        }
        body.write(in.readNBytes(n));
        line();
      }
      r.body = body.toByteArray();
    } else if (length != null) {
      r.body = in.readNBytes(Integer.parseInt(length));
    } else {
      r.body = in.readAllBytes();
    }
    return r;
  }

  /** Whether the server closed the connection (reads EOF within the socket timeout). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A response as received. */
  static final class Response {
    final String statusLine;
    final int status;
    final List<String[]> headers;
    byte[] body;

    Response(String statusLine, List<String[]> headers) {
      this.statusLine = statusLine;
      this.status = Integer.parseInt(statusLine.split(" ")[1]);
      this.headers = headers;
    }

    String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    List<String> headers(String name) {
      List<String> out = new ArrayList<>();
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          out.add(h[1]);
        }
      }
      return out;
    }

    String body() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return statusLine + " " + headers.stream().map(h -> h[0] + ": " + h[1]).toList();
    }
  }
}
