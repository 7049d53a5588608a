package io.shoal.node.internal.proxy;

import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The proxy's HTTP/1.1 listener: Undertow's own HTTP connection handling, with a
 * {@link HeadGuard} put under each accepted connection first (obs-fold -> 400, slow request
 * head -> 408). Undertow's builder offers no hook between accept and parse, so the listener is
 * opened here, on the worker of the node's Undertow server. With PROXY protocol on, a
 * {@link ProxyProtocolReader} reads the front's header before either.
 */
public final class ProxyListener implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ProxyListener.class.getName());
  private final AcceptingChannel<StreamConnection> channel;
  private final HttpOpenListener open;
  private final DefaultByteBufferPool buffers;

  private ProxyListener(AcceptingChannel<StreamConnection> channel, HttpOpenListener open,
      DefaultByteBufferPool buffers) {
    this.channel = channel;
    this.open = open;
    this.buffers = buffers;
  }

  /**
   * Listens on {@code address}; {@code serverOptions} are Undertow's; a request head not finished
   * within {@code requestTimeout} gets 408.
   */
  public static ProxyListener open(XnioWorker worker, InetSocketAddress address, HttpHandler root,
      OptionMap serverOptions, OptionMap socketOptions, Duration requestTimeout) throws IOException {
    return open(worker, address, root, serverOptions, socketOptions, requestTimeout, null);
  }

  /**
   * Listens on {@code address}; with {@code proxyProtocolFrom} not null, a connection from those
   * addresses may start with a PROXY protocol v2 header naming the real client.
   */
  public static ProxyListener open(XnioWorker worker, InetSocketAddress address, HttpHandler root,
      OptionMap serverOptions, OptionMap socketOptions, Duration requestTimeout,
      java.util.List<io.shoal.node.Cidr> proxyProtocolFrom) throws IOException {
    long timeoutMillis = requestTimeout.toMillis();
    // Undertow's own parse timeout (which closes without a reply) is only a backstop behind ours.
    OptionMap options = OptionMap.builder().addAll(serverOptions)
        .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE, timeoutMillis * 2 + 5_000))
        .getMap();
    DefaultByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
    HttpOpenListener open = new HttpOpenListener(buffers, options);
    open.setRootHandler(root);
    ChannelListener<AcceptingChannel<StreamConnection>> accept = server -> {
      try {
        StreamConnection c;
        while ((c = server.accept()) != null) {
          if (proxyProtocolFrom == null) {
            HeadGuard.install(c, timeoutMillis);
            open.handleEvent(c);
          } else {
            ProxyProtocolReader.start(c, proxyProtocolFrom, timeoutMillis, client -> {
              HeadGuard.install(client, timeoutMillis);
              open.handleEvent(client);
            });
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "accept failed", e);
      }
    };
    OptionMap socket = OptionMap.builder().set(Options.BACKLOG, 1000).set(Options.REUSE_ADDRESSES, true)
        .set(Options.TCP_NODELAY, true).addAll(socketOptions).getMap();
    AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(address, accept, socket);
    channel.resumeAccepts();
    return new ProxyListener(channel, open, buffers);
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return channel.getLocalAddress(InetSocketAddress.class);
  }

  /** Stops accepting and closes the open connections. */
  @Override
  public void close() {
    IoUtils.safeClose(channel);
    open.closeConnections();
    buffers.close();
  }
}
