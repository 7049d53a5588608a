package io.shoal.bench.memory;

import com.sun.management.ThreadMXBean;
import io.shoal.bench.origin.BenchOrigin;
import io.shoal.node.CacheNode;
import io.shoal.node.NodeConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What one 1 KB cache hit costs a node, counted rather than timed: the bytes its threads allocate
 * and the CPU time they use per hit, over N hits of one stored object sent one after the other on
 * one keep-alive connection by a client in this process (its own thread is not counted). Unlike a
 * throughput run it barely moves when other processes share the cores, so it compares two builds
 * of the hit path on a busy machine.
 *
 * <pre>{@code
 * java -cp cli/target/shoal.jar io.shoal.bench.memory.HitCost 200000
 * }</pre>
 */
public final class HitCost {
  private HitCost() {}

  /** Arguments: {@code [hits, default 200000]}; a quarter as many go first, unmeasured. */
  public static void main(String[] args) throws Exception {
    int hits = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000;
    try (BenchOrigin origin = BenchOrigin.builder().ioThreads(1).start();
        CacheNode node = CacheNode.start(NodeConfig.of(Map.of("node.id", "cost", "proxy.host", "127.0.0.1",
            "proxy.port", "0", "admin.port", "0", "proxy.allowed-destinations", "127.0.0.0/8")));
        Socket socket = new Socket("127.0.0.1", node.proxyAddress().getPort())) {
      socket.setTcpNoDelay(true);
      byte[] request = ("GET " + origin.uri() + "/o/1024/hit.html HTTP/1.1\r\nHost: " + origin.uri().getAuthority()
          + "\r\nUser-Agent: HitCost\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      for (int i = 0; i <= hits / 4; i++) {
        exchange(out, in, request); // the first is the miss that stores it
      }
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long[] before = nodeThreads(threads);
      String head = "";
      for (int i = 0; i < hits; i++) {
        head = exchange(out, in, request);
      }
      long[] after = nodeThreads(threads);
      if (!head.contains("X-Cache: HIT")) {
        throw new IllegalStateException("not a hit: " + head);
      }
      System.out.printf(Locale.ROOT, "%,d hits: the node's threads allocate %,.0f B and use %.2f us of CPU per hit%n",
          hits, (double) (after[0] - before[0]) / hits, (after[1] - before[1]) / 1000.0 / hits);
    }
  }

  /** Bytes allocated and CPU nanoseconds used so far by every thread but this one. */
  private static long[] nodeThreads(ThreadMXBean threads) {
    long self = Thread.currentThread().getId();
    long bytes = 0;
    long cpu = 0;
    for (long id : threads.getAllThreadIds()) {
      if (id != self) {
        bytes += Math.max(0, threads.getThreadAllocatedBytes(id));
        cpu += Math.max(0, threads.getThreadCpuTime(id));
      }
    }
    return new long[] {bytes, cpu};
  }

  /** Sends the request, reads the response; returns its head. */
  private static String exchange(OutputStream out, InputStream in, byte[] request) throws IOException {
    out.write(request);
    out.flush();
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (c == '\n' && head.length() >= 4 && head.charAt(head.length() - 3) == '\n') {
        break;
      }
    }
    String h = head.toString();
    int at = h.toLowerCase(Locale.ROOT).indexOf("\ncontent-length:");
    if (at < 0) {
      throw new IOException("no Content-Length in " + h);
    }
    in.readNBytes(Integer.parseInt(h.substring(at + 16, h.indexOf('\r', at)).strip()));
    return h;
  }
}
