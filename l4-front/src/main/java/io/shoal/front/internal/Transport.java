package io.shoal.front.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The Netty transport: native epoll where it loads, NIO elsewhere. */
public enum Transport {
  EPOLL {
    @Override public EventLoopGroup group(int threads) { return new EpollEventLoopGroup(threads); }
    @Override public Class<? extends ServerChannel> serverChannel() { return EpollServerSocketChannel.class; }
    @Override public Class<? extends SocketChannel> channel() { return EpollSocketChannel.class; }
  },
  NIO {
    @Override public EventLoopGroup group(int threads) { return new NioEventLoopGroup(threads); }
    @Override public Class<? extends ServerChannel> serverChannel() { return NioServerSocketChannel.class; }
    @Override public Class<? extends SocketChannel> channel() { return NioSocketChannel.class; }
  };

  public abstract EventLoopGroup group(int threads);

  public abstract Class<? extends ServerChannel> serverChannel();

  public abstract Class<? extends SocketChannel> channel();

  /** {@code auto}, {@code epoll} or {@code nio}; asking for epoll where it does not load fails with the reason. */
  public static Transport of(String name) {
    switch (name) {
      case "nio":
        return NIO;
      case "epoll":
        if (!Epoll.isAvailable()) {
          throw new IllegalStateException("transport epoll: not available here (" + Epoll.unavailabilityCause() + ")");
        }
        return EPOLL;
      default:
        return Epoll.isAvailable() ? EPOLL : NIO;
    }
  }
}
