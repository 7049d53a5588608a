package io.shoal.front.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.shoal.proxyprotocol.ProxyHeader;
import io.shoal.proxyprotocol.ProxyProtocolV2;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client side of one relayed connection (the hot path). Admits the client, connects to the
 * next available node (skipping at once any that refuses), then relays with back-pressure: a
 * side is read again only after what it sent has been flushed to the other side. A FIN from
 * either side is passed on as a half-close; the connection closes when both sides have finished.
 */
public final class ClientHandler extends ChannelInboundHandlerAdapter {
  private final Dispatcher dispatcher;
  private final boolean[] tried;
  private SocketChannel client;
  private SocketChannel node;
  private NodeState nodeState;
  private boolean admitted;
  private boolean clientDone;
  private boolean nodeDone;
  /** What the client sent before the node connection was up (epoll may read once unasked). */
  private ByteBuf early;

  public ClientHandler(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
    this.tried = new boolean[dispatcher.nodes().size()];
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    client = (SocketChannel) ctx.channel();
    if (dispatcher.admit(client.remoteAddress().getAddress()) != null) {
      reset(client);
      return;
    }
    admitted = true;
    connectNext();
  }

  private void connectNext() {
    if (!client.isActive()) {
      return;
    }
    NodeState next = dispatcher.pick(tried);
    if (next == null) {
      dispatcher.refuse(Dispatcher.Refusal.NO_NODE);
      reset(client);
      return;
    }
    Bootstrap b = new Bootstrap()
        .group(client.eventLoop())
        .channel(dispatcher.transport.channel())
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) dispatcher.config.connectTimeout().toMillis())
        .handler(new NodeHandler(this));
    b.connect(next.address().address()).addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        next.connectFailed();
        connectNext();
        return;
      }
      node = (SocketChannel) f.channel();
      nodeState = next;
      next.active.incrementAndGet();
      next.connections.increment();
      node.closeFuture().addListener(c -> next.active.decrementAndGet());
      if (!client.isActive()) {
        node.close();
        return;
      }
      if (dispatcher.config.proxyProtocol()) {
        node.writeAndFlush(Unpooled.wrappedBuffer(ProxyProtocolV2.encode(ProxyHeader.proxy(
            client.remoteAddress(), (InetSocketAddress) client.localAddress()))));
      }
      node.read();
      if (early != null) {
        ByteBuf data = early;
        early = null;
        channelRead(null, data);
      } else {
        client.read();
      }
      if (clientDone) {
        halfClose(node, nodeDone);
      }
    });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf data = (ByteBuf) msg;
    if (node == null) {
      early = early == null ? data : Unpooled.wrappedBuffer(early, data);
      return;
    }
    relay(data, node, client, nodeState.bytesToNode);
  }

  /** Called by the node side with data for the client; the node is read again once it is flushed. */
  void fromNode(ByteBuf data) {
    relay(data, client, node, nodeState.bytesToClient);
  }

  /** Writes {@code data} to {@code to} and reads {@code from} again once it is flushed; a failed write closes both. */
  private void relay(ByteBuf data, Channel to, Channel from, LongAdder bytes) {
    bytes.add(data.readableBytes());
    to.writeAndFlush(data).addListener((ChannelFuture f) -> {
      if (f.isSuccess()) {
        from.read();
      } else {
        closeBoth();
      }
    });
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      clientDone = true;
      if (node != null) {
        halfClose(node, nodeDone);
      }
    } else if (evt instanceof IdleStateEvent) {
      closeBoth();
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  /** The node sent FIN: pass it on to the client once everything before it is flushed. */
  void nodeFinished() {
    nodeDone = true;
    halfClose(client, clientDone);
  }

  private void halfClose(SocketChannel to, boolean otherDone) {
    if (to == null || !to.isActive()) {
      closeBoth();
      return;
    }
    to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFuture f) -> {
      if (otherDone || !f.isSuccess()) {
        closeBoth();
      } else {
        to.shutdownOutput();
      }
    });
  }

  /** The node went away (closed or reset): finish the client cleanly after what was already sent. */
  void nodeClosed() {
    closeOnFlush(client);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (admitted) {
      admitted = false;
      dispatcher.release(client.remoteAddress().getAddress());
    }
    if (node != null) {
      closeOnFlush(node);
    }
    if (early != null) {
      early.release();
      early = null;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    closeBoth();
  }

  void closeBoth() {
    client.close();
    if (node != null) {
      node.close();
    }
  }

  private static void closeOnFlush(Channel ch) {
    if (ch.isActive()) {
      ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Closes with a TCP reset (SO_LINGER 0), so a refused client learns at once. */
  private static void reset(SocketChannel ch) {
    ch.config().setSoLinger(0);
    ch.close();
  }
}
