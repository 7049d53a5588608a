package io.shoal.front.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The front's admin HTTP server: {@code GET /status} (JSON), {@code GET /metrics}
 * (Prometheus text), {@code GET /health}, and {@code POST /drain?node=H:P} /
 * {@code POST /undrain?node=H:P}.
 */
public final class AdminServer {
  /** What the admin server can ask of the front. */
  public interface Control {
    String statusJson();
    String metrics();
    /** Sets draining; false if no such node. */
    boolean drain(String node, boolean on);
  }

  private final Channel channel;

  public AdminServer(Transport transport, EventLoopGroup group, InetSocketAddress address, Control control)
      throws InterruptedException {
    channel = new ServerBootstrap().group(group).channel(transport.serverChannel())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new Handler(control));
          }
        }).bind(address).sync().channel();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  public void close() {
    channel.close().syncUninterruptibly();
  }

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Control control;

    Handler(Control control) {
      this.control = control;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      QueryStringDecoder q = new QueryStringDecoder(req.uri());
      String path = q.path();
      boolean get = req.method().equals(HttpMethod.GET);
      boolean post = req.method().equals(HttpMethod.POST);
      if (get && path.equals("/status")) {
        reply(ctx, req, HttpResponseStatus.OK, "application/json", control::statusJson);
      } else if (get && path.equals("/metrics")) {
        reply(ctx, req, HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", control::metrics);
      } else if (get && path.equals("/health")) {
        reply(ctx, req, HttpResponseStatus.OK, "text/plain", () -> "ok\n");
      } else if (post && (path.equals("/drain") || path.equals("/undrain"))) {
        List<String> node = q.parameters().get("node");
        if (node == null || node.size() != 1) {
          reply(ctx, req, HttpResponseStatus.BAD_REQUEST, "text/plain",
              () -> path + ": node parameter missing (expected: ?node=host:port)\n");
        } else if (control.drain(node.get(0), path.equals("/drain"))) {
          reply(ctx, req, HttpResponseStatus.OK, "application/json", control::statusJson);
        } else {
          reply(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain", () -> path + ": no node " + node.get(0) + "\n");
        }
      } else {
        reply(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain",
            () -> req.method() + " " + path + ": not found (expected: GET /status, /metrics, /health; POST /drain, /undrain)\n");
      }
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status,
        String type, Supplier<String> body) {
      FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
          Unpooled.copiedBuffer(body.get(), StandardCharsets.UTF_8));
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
      HttpUtil.setContentLength(res, res.content().readableBytes());
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      HttpUtil.setKeepAlive(res, keepAlive);
      var f = ctx.writeAndFlush(res);
      if (!keepAlive) {
        f.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
