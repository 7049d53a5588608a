package io.shoal.node.internal.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.xnio.IoUtils;
import org.xnio.Option;
import org.xnio.StreamConnection;

/**
 * An accepted connection whose peer is the client named by a PROXY protocol header (the L4 front
 * connected on its behalf): the same channels, the client's address as the peer address, so the
 * access list, {@code X-Forwarded-For} and the access log see the real client.
 */
final class ProxiedConnection extends StreamConnection {
  private final StreamConnection delegate;
  private final InetSocketAddress client;

  ProxiedConnection(StreamConnection delegate, InetSocketAddress client) {
    super(delegate.getIoThread());
    this.delegate = delegate;
    this.client = client;
    setSinkConduit(delegate.getSinkChannel().getConduit());
    setSourceConduit(delegate.getSourceChannel().getConduit());
  }

  @Override
  protected void notifyWriteClosed() {
    IoUtils.safeClose(delegate.getSinkChannel());
  }

  @Override
  protected void notifyReadClosed() {
    IoUtils.safeClose(delegate.getSourceChannel());
  }

  @Override
  public SocketAddress getPeerAddress() {
    return client;
  }

  @Override
  public SocketAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public boolean supportsOption(Option<?> option) {
    return delegate.supportsOption(option);
  }

  @Override
  public <T> T getOption(Option<T> option) throws IOException {
    return delegate.getOption(option);
  }

  @Override
  public <T> T setOption(Option<T> option, T value) throws IOException {
    return delegate.setOption(option, value);
  }
}
