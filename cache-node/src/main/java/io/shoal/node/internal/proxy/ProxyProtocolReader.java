package io.shoal.node.internal.proxy;

import io.shoal.proxyprotocol.ProxyHeader;
import io.shoal.proxyprotocol.ProxyProtocolException;
import io.shoal.proxyprotocol.ProxyProtocolV2;
import io.shoal.node.Cidr;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.Pooled;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.PushBackStreamSourceConduit;

/**
 * Reads an optional PROXY protocol v2 header at the start of an accepted connection
 * ({@code proxy.proxy-protocol}), before anything parses HTTP. A connection that starts with the
 * v2 signature must come from {@code proxy.proxy-protocol-from} (the L4 fronts) and carry a valid
 * header: then the client it names becomes the connection's peer. Any other connection (a direct
 * client, a peer's forward) is plain HTTP. The bytes read past the header are pushed back for the
 * HTTP parser. An invalid or untrusted header, or one not complete within the request timeout,
 * closes the connection (nothing can be answered on a stream whose framing is unknown).
 */
final class ProxyProtocolReader implements ChannelListener<ConduitStreamSourceChannel> {
  private static final Logger LOG = Logger.getLogger("io.shoal.node.refused");
  private static final byte[] SIGNATURE = ProxyProtocolV2.signature();
  /** Signature, fixed part, IPv6 addresses and generous TLVs. */
  private static final int MAX_HEADER = 1024;

  private final StreamConnection connection;
  private final List<Cidr> trusted;
  private final Consumer<StreamConnection> then;
  private final ByteBuffer buffer = ByteBuffer.allocate(MAX_HEADER);
  private XnioExecutor.Key timeout;
  private boolean done;

  private ProxyProtocolReader(StreamConnection connection, List<Cidr> trusted, Consumer<StreamConnection> then) {
    this.connection = connection;
    this.trusted = trusted;
    this.then = then;
  }

  /** Reads the header (if any) of {@code connection}, then hands the connection to {@code then}. */
  static void start(StreamConnection connection, List<Cidr> trusted, long timeoutMillis,
      Consumer<StreamConnection> then) {
    ProxyProtocolReader reader = new ProxyProtocolReader(connection, trusted, then);
    reader.timeout = connection.getIoThread().executeAfter(() -> reader.refuse("no PROXY header or request within "
        + timeoutMillis + " ms"), timeoutMillis, TimeUnit.MILLISECONDS);
    connection.getSourceChannel().setReadListener(reader);
    connection.getSourceChannel().resumeReads();
  }

  @Override
  public void handleEvent(ConduitStreamSourceChannel channel) {
    try {
      while (!done) {
        int n = channel.read(buffer);
        if (n < 0) {
          finish();
          IoUtils.safeClose(connection);
          return;
        }
        if (n == 0) {
          return;
        }
        buffer.flip();
        if (!startsLikeSignature()) {
          handOver(connection);
          return;
        }
        if (buffer.remaining() < SIGNATURE.length) {
          buffer.compact();
          continue;
        }
        ProxyHeader header = ProxyProtocolV2.decode(buffer);
        if (header == null) {
          buffer.compact();
          if (!buffer.hasRemaining()) {
            refuse("PROXY v2 header longer than " + MAX_HEADER + " bytes");
            return;
          }
          continue;
        }
        InetAddress from = ((InetSocketAddress) connection.getPeerAddress()).getAddress();
        if (trusted.stream().noneMatch(c -> c.contains(from))) {
          refuse("PROXY header from " + from.getHostAddress() + ", which is not in proxy.proxy-protocol-from");
          return;
        }
        handOver(header.command() == ProxyHeader.Command.PROXY
            ? new ProxiedConnection(pushedBack(), header.source()) : pushedBack());
        return;
      }
    } catch (ProxyProtocolException e) {
      refuse(e.getMessage());
    } catch (IOException | RuntimeException e) {
      finish();
      IoUtils.safeClose(connection);
    }
  }

  /** Whether the bytes so far are a prefix of the v2 signature (or it is longer). */
  private boolean startsLikeSignature() {
    for (int i = 0; i < Math.min(buffer.remaining(), SIGNATURE.length); i++) {
      if (buffer.get(buffer.position() + i) != SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  private void handOver(StreamConnection c) {
    if (c == connection) {
      pushedBack();
    }
    finish();
    then.accept(c);
  }

  /** The connection with the bytes read past the header (if any) in front of its source. */
  private StreamConnection pushedBack() {
    if (buffer.hasRemaining()) {
      ByteBuffer rest = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
      buffer.clear().flip();
      PushBackStreamSourceConduit pushBack = new PushBackStreamSourceConduit(connection.getSourceChannel().getConduit());
      pushBack.pushBack(new Bytes(rest));
      connection.getSourceChannel().setConduit(pushBack);
    }
    return connection;
  }

  private void finish() {
    done = true;
    if (timeout != null) {
      timeout.remove();
    }
    connection.getSourceChannel().suspendReads();
    connection.getSourceChannel().setReadListener(null);
  }

  private void refuse(String why) {
    if (done) {
      return;
    }
    finish();
    LOG.info(() -> "refused connection from " + connection.getPeerAddress() + ": " + why);
    IoUtils.safeClose(connection);
  }

  /** A pushed-back byte buffer (XNIO's conduit takes a pooled one). */
  @SuppressWarnings("deprecation")
  private record Bytes(ByteBuffer resource) implements Pooled<ByteBuffer> {
    @Override
    public void discard() {}

    @Override
    public void free() {}

    @Override
    public ByteBuffer getResource() {
      return resource;
    }

    @Override
    public void close() {}
  }
}
