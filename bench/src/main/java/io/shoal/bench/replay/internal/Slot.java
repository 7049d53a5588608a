package io.shoal.bench.replay.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One virtual user of the closed loop: sends a request, waits for its whole response, sends the
 * next. With keep-alive it reuses its connection (reconnecting when the server closes it);
 * without, it opens a connection per request and asks the server to close it. Runs on one event
 * loop only. Each request is written into the same direct buffer (the request line's target, then
 * the pre-encoded rest of the head): no buffer is allocated per request.
 */
@ChannelHandler.Sharable
final class Slot extends ChannelInboundHandlerAdapter implements ResponseParser.Listener {
  private static final long RETRY_MILLIS = 10;
  private static final byte[] GET = {'G', 'E', 'T', ' '};
  private final Engine engine;
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final ResponseParser parser = new ResponseParser(this);
  private final Flusher flusher;
  private final byte[] head;
  private ByteBuf request = Unpooled.directBuffer(256);
  private boolean timedFromConnect;
  private Channel channel;
  private boolean inFlight;
  private long start;
  private boolean finished;

  Slot(Engine engine, EventLoop loop, Flusher flusher, Bootstrap bootstrap) {
    this.engine = engine;
    this.loop = loop;
    this.flusher = flusher;
    this.bootstrap = bootstrap.handler(this);
    this.head = engine.config().head();
  }

  /** Sends the written request; its latency starts now unless it had to connect first. */
  void flush() {
    Channel ch = channel;
    if (ch != null) {
      if (!timedFromConnect) {
        start = System.nanoTime();
      }
      ch.flush();
    }
  }

  EventLoop loop() {
    return loop;
  }

  /** Sends the next request, or finishes. */
  void next() {
    if (finished) {
      return;
    }
    if (engine.stopping()) {
      finish();
      return;
    }
    byte[] target = engine.feed().next();
    if (target == null) {
      finish();
      return;
    }
    inFlight = true;
    start = System.nanoTime();
    timedFromConnect = channel == null || !channel.isActive();
    if (timedFromConnect) {
      connect(target);
    } else {
      write(channel, target);
    }
  }

  private void connect(byte[] target) {
    parser.reset();
    ChannelFuture f = bootstrap.connect(engine.config().proxy());
    channel = f.channel();
    f.addListener(done -> {
      if (f.channel() != channel) {
        return;
      }
      if (done.isSuccess()) {
        write(f.channel(), target);
      } else {
        channel = null;
        failed(kind(done.cause()));
      }
    });
  }

  private void write(Channel ch, byte[] target) {
    if (request.refCnt() != 1) {
      // Netty still holds the last request (its write has not ended): leave those bytes alone.
      request.release();
      request = Unpooled.directBuffer(256);
    }
    request.clear().writeBytes(GET).writeBytes(target).writeBytes(head);
    ch.write(request.retain(), ch.voidPromise());
    flusher.later(this); // sent with the rest of this batch's requests
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      // A response may close the connection or end the run: read on only while this one waits.
      while (in.isReadable() && ctx.channel() == channel && inFlight) {
        parser.feed(in);
      }
    } catch (ResponseParser.BadResponse e) {
      drop("bad response");
    } finally {
      in.release();
    }
  }

  @Override
  public void onResponse(int status, XCache xCache, long bodyBytes, boolean close) {
    if (status < 200 && status != 101) {
      return;
    }
    inFlight = false;
    engine.tally().response(start, System.nanoTime(), status, xCache, bodyBytes);
    if (close || !engine.config().keepAlive()) {
      Channel ch = channel;
      channel = null;
      Engine.close(ch);
    }
    next();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (ctx.channel() != channel) {
      return;
    }
    channel = null;
    if (inFlight && !parser.eof()) {
      failed("closed before the response ended");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (ctx.channel() != channel) {
      ctx.close();
      return;
    }
    drop(kind(cause));
  }

  /** Called every 100 ms: fails a request older than the timeout. */
  void checkTimeout() {
    if (inFlight && System.nanoTime() - start > engine.config().timeoutNanos()) {
      drop("timeout");
    }
  }

  /** Closes the connection at once (end of run). */
  void abort() {
    Channel ch = channel;
    channel = null;
    Engine.close(ch);
    if (inFlight) {
      inFlight = false;
      engine.tally().error(start, "cut at the end of the run");
    }
    finish();
  }

  private void drop(String kind) {
    Channel ch = channel;
    channel = null;
    Engine.close(ch);
    if (inFlight) {
      failed(kind);
    }
  }

  private void failed(String kind) {
    inFlight = false;
    engine.tally().error(start, kind);
    if (kind.startsWith("connect")) {
      // Do not spin on a proxy that refuses connections.
      loop.schedule(this::next, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      next();
    }
  }

  private void finish() {
    if (!finished) {
      finished = true;
      Channel ch = channel;
      channel = null;
      Engine.close(ch);
      request.release();
      engine.finished();
    }
  }

  static String kind(Throwable t) {
    String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    if (t instanceof ConnectTimeoutException) {
      return "connect timeout";
    }
    if (t instanceof ConnectException || m.contains("finishconnect")) {
      return m.contains("refused") ? "connect refused" : "connect: " + t.getMessage();
    }
    if (m.contains("reset")) {
      return "connection reset";
    }
    if (m.contains("broken pipe")) {
      return "broken pipe";
    }
    if (t instanceof IOException) {
      return "i/o: " + t.getMessage();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
