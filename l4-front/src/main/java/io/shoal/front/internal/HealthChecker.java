package io.shoal.front.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Active health checks: every interval, a TCP connect to each node, or {@code GET path} where
 * an HTTP check is configured (a 2xx status line passes). Results feed {@link NodeState}'s rise/fall counts.
 */
public final class HealthChecker {
  private final Dispatcher dispatcher;
  private final EventLoopGroup group;
  private ScheduledFuture<?> task;

  public HealthChecker(Dispatcher dispatcher, EventLoopGroup group) {
    this.dispatcher = dispatcher;
    this.group = group;
  }

  public void start() {
    long ms = dispatcher.config.healthInterval().toMillis();
    task = group.next().scheduleWithFixedDelay(this::checkAll, ms, ms, TimeUnit.MILLISECONDS);
  }

  public void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void checkAll() {
    dispatcher.nodes().forEach(this::check);
  }

  private void check(NodeState node) {
    String path = dispatcher.config.healthPath();
    new Bootstrap().group(group).channel(dispatcher.transport.channel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) dispatcher.config.connectTimeout().toMillis())
        .handler(path == null ? new ChannelInboundHandlerAdapter() : new HttpCheck(node, path))
        .connect(node.address().address())
        .addListener((ChannelFuture f) -> {
          if (!f.isSuccess()) {
            node.checkFailed();
          } else if (path == null) {
            node.checkPassed();
            f.channel().close();
          } else {
            f.channel().eventLoop().schedule(() -> { f.channel().close(); },
                dispatcher.config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
          }
        });
  }

  /** Sends {@code GET path HTTP/1.0} and judges the status line. */
  private static final class HttpCheck extends ChannelInboundHandlerAdapter {
    private final NodeState node;
    private final String path;
    private final StringBuilder line = new StringBuilder();
    private boolean judged;

    HttpCheck(NodeState node, String path) {
      this.node = node;
      this.path = path;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      String request = "GET " + path + " HTTP/1.0\r\nHost: " + node.address() + "\r\nUser-Agent: shoal-front\r\n\r\n";
      ctx.writeAndFlush(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf b = (ByteBuf) msg;
      try {
        while (b.isReadable() && !judged) {
          char c = (char) b.readByte();
          if (c == '\n' || line.length() > 200) {
            judge(ctx, line.toString().strip().matches("HTTP/1\\.[01] 2\\d\\d.*"));
          } else {
            line.append(c);
          }
        }
      } finally {
        b.release();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      judge(ctx, false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      judge(ctx, false);
    }

    private void judge(ChannelHandlerContext ctx, boolean passed) {
      if (judged) {
        return;
      }
      judged = true;
      if (passed) {
        node.checkPassed();
      } else {
        node.checkFailed();
      }
      ctx.close();
    }
  }
}
