package io.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Request bodies stream to the origin: a 64 MB upload through a node whose origin reads slowly
 * arrives whole, and at no point has the client got far ahead of the origin (the node never held
 * the body; what is in between is socket buffers and the node's small window).
 */
class RequestBodyStreamingTest {
  private static final long SIZE = 64L * 1024 * 1024;
  /** Socket buffers on both sides of the node (autotuned) plus its window stay far below this. */
  private static final long MAX_LEAD = 48L * 1024 * 1024;

  @Test
  void largeUploadStreamsThroughWithBoundedBuffering() throws Exception {
    try (SlowOrigin origin = new SlowOrigin();
        CacheNode node = TestNodes.start("proxy.max-request-body", "128MB", "origin.response-timeout", "60s")) {
      long maxLead = 0;
      try (Socket client = new Socket()) {
        client.setSendBufferSize(64 * 1024);
        client.connect(node.proxyAddress(), 5_000);
        client.setSoTimeout(60_000);
        OutputStream out = client.getOutputStream();
        out.write(("PUT http://127.0.0.1:" + origin.port() + "/upload HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: " + SIZE + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = (byte) i;
        }
        long sent = 0;
        while (sent < SIZE) {
          maxLead = Math.max(maxLead, sent - origin.received.get());
          out.write(chunk);
          sent += chunk.length;
        }
        out.flush();
        String response = new String(client.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
        assertThat(response).isEqualTo("HTTP/1.1 200");
      }
      assertThat(origin.received.get()).as("body bytes the origin received").isEqualTo(SIZE);
      assertThat(origin.checksumOk).as("bytes arrived in order").isTrue();
      assertThat(maxLead).as("most the client was ever ahead of the origin").isLessThan(MAX_LEAD);
    }
  }

  /** A one-connection origin that reads the body in small pieces with pauses, then answers 200. */
  private static final class SlowOrigin implements AutoCloseable {
    final AtomicLong received = new AtomicLong();
    volatile boolean checksumOk = true;
    private final ServerSocket server;
    private final Thread thread;

    SlowOrigin() throws IOException {
      server = new ServerSocket();
      server.setReceiveBufferSize(64 * 1024);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      thread = new Thread(this::serve, "slow-origin");
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void serve() {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        long length = -1;
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Long.parseLong(line.substring(15).strip());
          }
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < length) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - total));
          if (n < 0) {
            break;
          }
          for (int i = 0; i < n; i++) {
            if (buffer[i] != (byte) ((total + i) % (64 * 1024))) {
              checksumOk = false;
            }
          }
          total += n;
          received.set(total);
          Thread.sleep(1);
        }
        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        s.getInputStream().read();
      } catch (IOException | InterruptedException e) {
        // the test fails on what it saw
      }
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        b.write(c);
      }
      return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1).strip();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
