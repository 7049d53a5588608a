package io.shoal.node.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSourceConduit;

/**
 * The lazy read suspension of {@link HeadGuard} on a real XNIO loopback connection, with the one
 * interleaving that lost requests under load: the exchange ends on a worker thread, whose {@code
 * resumeReads()} lands between the I/O thread's "suspended?" check and its suspend of the socket.
 */
class HeadGuardRaceTest {
  @Test
  void aResumeFromAnotherThreadDuringTheLazySuspendStillReadsTheNextRequest() throws Exception {
    XnioWorker worker = Xnio.getInstance().createWorker(OptionMap.create(Options.WORKER_IO_THREADS, 1));
    CompletableFuture<StreamConnection> accepted = new CompletableFuture<>();
    AcceptingChannel<StreamConnection> server = worker.createStreamConnectionServer(
        new InetSocketAddress("127.0.0.1", 0), ch -> {
          try {
            StreamConnection c = ch.accept();
            if (c != null) {
              accepted.complete(c);
            }
          } catch (IOException e) {
            accepted.completeExceptionally(e);
          }
        }, OptionMap.EMPTY);
    server.resumeAccepts();
    try (Socket client = new Socket("127.0.0.1", server.getLocalAddress(InetSocketAddress.class).getPort())) {
      StreamConnection c = accepted.get(5, TimeUnit.SECONDS);
      CountDownLatch inSuspend = new CountDownLatch(1);
      CountDownLatch resumed = new CountDownLatch(1);
      // Below the guard, the socket's conduit: its first suspend waits until the "worker" has resumed.
      c.getSourceChannel().setConduit(new AbstractStreamSourceConduit<StreamSourceConduit>(
          c.getSourceChannel().getConduit()) {
        private boolean first = true;

        @Override
        public void suspendReads() {
          if (first) {
            first = false;
            inSuspend.countDown();
            try {
              resumed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          next.suspendReads();
        }
      });
      HeadGuard.install(c, 30_000);
      c.getSourceChannel().getConduit().setReadReadyHandler(
          new ReadReadyHandler.ChannelListenerHandler<>(c.getSourceChannel()));
      CountDownLatch read = new CountDownLatch(1);
      c.getSourceChannel().getReadSetter().set(ch -> {
        try {
          ch.read(ByteBuffer.allocate(1024));
        } catch (IOException e) {
          // counted as read: the listener ran
        }
        read.countDown();
      });
      // A response is under way: the reader above suspends reads, lazily (the socket stays registered).
      c.getIoThread().execute(() -> {
        c.getSourceChannel().resumeReads();
        c.getSourceChannel().suspendReads();
      });
      Thread.sleep(100);
      client.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(inSuspend.await(5, TimeUnit.SECONDS)).as("the early request reached the guard").isTrue();
      c.getSourceChannel().resumeReads(); // the exchange completes on this (worker) thread
      resumed.countDown();

      assertThat(read.await(5, TimeUnit.SECONDS)).as("the next request is read, not left in the socket").isTrue();
    } finally {
      server.close();
      worker.shutdownNow();
    }
  }
}
