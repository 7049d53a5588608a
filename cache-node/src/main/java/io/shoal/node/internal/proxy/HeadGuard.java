package io.shoal.node.internal.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Watches the raw bytes a client sends, below Undertow's parser, for what the parser cannot
 * answer itself: obs-fold (a line of the header section that starts with SP or HT, RFC 9112
 * §5.2) gets {@code 400} and the connection closed before Undertow sees the folded line; a
 * request head not finished within the request timeout (slowloris) gets {@code 408} and the
 * connection closed. To know where each head starts it follows the message framing:
 * {@code Content-Length} and chunked bodies are skipped; after {@code CONNECT}, or framing the
 * guard handler refuses anyway (and closes), it stops watching.
 *
 * <p>A reply is written only while Undertow waits for a request head, so it never lands inside
 * the response to an earlier pipelined request: a fold is held back (the bytes before it are
 * delivered) and answered on the next read, which is the parser asking for more of that head.
 *
 * <p>It also makes Undertow's suspension of reads while it serves a request lazy: the socket
 * stays registered for reads, and is taken off only if the client sends (or closes) before the
 * response is done. A request answered on a later turn of the event loop — one forwarded to a
 * peer — would otherwise cost two {@code epoll_ctl} calls, suspend and resume; a client that
 * waits for each response (almost all do) costs none.
 */
final class HeadGuard extends AbstractStreamSourceConduit<StreamSourceConduit> {
  private static final Logger LOG = Logger.getLogger("io.shoal.node.refused");
  private static final int MAX_LINE = 256;

  private enum Mode { IDLE, HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, OFF }

  private final StreamConnection connection;
  private final long timeoutNanos;
  private final byte[] line = new byte[MAX_LINE];
  private Mode mode = Mode.IDLE;
  private int lineLength;
  private boolean lineTruncated;
  private boolean atLineStart;
  private boolean requestLine;
  private boolean connect;
  private int lengths;
  private long contentLength;
  private boolean badFraming;
  private boolean chunked;
  private long remaining;
  private long headStart;
  private XnioExecutor.Key timer;
  private boolean foldPending;
  private boolean refused;
  /** Reads suspended by the reader above; the socket's own registration may lag behind. */
  private volatile boolean suspended;

  private HeadGuard(StreamConnection connection, long timeoutMillis) {
    super(connection.getSourceChannel().getConduit());
    this.connection = connection;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /** Puts a guard under whatever reads {@code connection} next (call before Undertow takes it). */
  static void install(StreamConnection connection, long requestTimeoutMillis) {
    connection.getSourceChannel().setConduit(new HeadGuard(connection, requestTimeoutMillis));
  }

  @Override
  public synchronized int read(ByteBuffer dst) throws IOException {
    if (refused) {
      return connection.isOpen() ? 0 : -1;
    }
    if (foldPending) {
      refuse(400, "Bad Request", "line folding (obs-fold) in the request header section");
      return 0;
    }
    int start = dst.position();
    int n = next.read(dst);
    if (n <= 0 || mode == Mode.OFF) {
      return n;
    }
    int fold = scan(dst, start, start + n);
    if (fold < 0) {
      return n;
    }
    dst.position(fold);
    if (fold == start) {
      refuse(400, "Bad Request", "line folding (obs-fold) in the request header section");
      return 0;
    }
    foldPending = true;
    return fold - start;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
    for (int i = offs; i < offs + len; i++) {
      if (dsts[i].hasRemaining()) {
        return read(dsts[i]);
      }
    }
    return 0;
  }

  @Override
  public long transferTo(long position, long count, FileChannel target) throws IOException {
    return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
  }

  @Override
  public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
    return Conduits.transfer(this, count, throughBuffer, target);
  }

  @Override
  public void resumeReads() {
    suspended = false;
    if (!refused) {
      next.resumeReads();
    }
  }

  @Override
  public void wakeupReads() {
    suspended = false;
    if (!refused) {
      next.wakeupReads();
    }
  }

  @Override
  public void suspendReads() {
    suspended = true;
  }

  @Override
  public boolean isReadResumed() {
    return !suspended && next.isReadResumed();
  }

  @Override
  public void setReadReadyHandler(ReadReadyHandler handler) {
    next.setReadReadyHandler(handler == null ? null : new ReadReadyHandler() {
      @Override
      public void readReady() {
        if (suspended) {
          next.suspendReads();  // the client sent while a response is under way: now it is taken off
          if (!suspended && !refused) {
            // resumeReads() ran on a worker thread (the exchange ended there) between the check
            // and the suspend: its resume found the socket still registered and did nothing, so
            // the request would wait in the socket, unread, until the client gave up.
            next.resumeReads();
          }
        } else {
          handler.readReady();
        }
      }

      @Override
      public void forceTermination() {
        handler.forceTermination();
      }

      @Override
      public void terminated() {
        handler.terminated();
      }
    });
  }

  /** Follows the bytes in {@code [from, to)}; returns the index of an obs-fold, or -1. */
  private int scan(ByteBuffer b, int from, int to) {
    int i = from;
    while (i < to && mode != Mode.OFF) {
      if (mode == Mode.BODY || mode == Mode.CHUNK_DATA) {
        int skip = (int) Math.min(remaining, to - i);
        remaining -= skip;
        i += skip;
        if (remaining == 0) {
          mode = mode == Mode.BODY ? Mode.IDLE : Mode.CHUNK_END;
        }
        continue;
      }
      byte c = b.get(i);
      if (mode == Mode.IDLE) {
        if (c == '\r' || c == '\n') {
          i++;
          continue;
        }
        startHead();
      }
      if (mode == Mode.HEAD && atLineStart && !requestLine && (c == ' ' || c == '\t')) {
        return i;
      }
      atLineStart = false;
      if (c == '\n') {
        endLine();
        atLineStart = true;
      } else if (mode != Mode.CHUNK_END) {
        if (lineLength < MAX_LINE) {
          line[lineLength++] = c;
        } else {
          lineTruncated = true;
        }
      }
      i++;
    }
    return -1;
  }

  private void startHead() {
    mode = Mode.HEAD;
    requestLine = true;
    connect = false;
    lengths = 0;
    contentLength = 0;
    badFraming = false;
    chunked = false;
    clearLine();
    headStart = System.nanoTime();
    if (timer == null && timeoutNanos > 0) {
      timer = connection.getIoThread().executeAfter(this::checkTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void endLine() {
    int len = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
    String text = new String(line, 0, len, StandardCharsets.ISO_8859_1);
    boolean truncated = lineTruncated;
    clearLine();
    switch (mode) {
      case HEAD -> headLine(text, truncated);
      case CHUNK_SIZE -> chunkSize(text, truncated);
      case CHUNK_END -> mode = Mode.CHUNK_SIZE;
      case TRAILERS -> {
        if (text.isEmpty()) {
          mode = Mode.IDLE;
        }
      }
      default -> { }
    }
  }

  private void headLine(String text, boolean truncated) {
    if (requestLine) {
      requestLine = false;
      connect = text.regionMatches(true, 0, "CONNECT ", 0, 8);
      return;
    }
    if (text.isEmpty()) {
      endHead();
      return;
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? "" : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String value = colon < 0 ? "" : text.substring(colon + 1).strip();
    if (name.equals("content-length")) {
      lengths++;
      if (truncated || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
        badFraming = true;
      } else {
        contentLength = Long.parseLong(value);
      }
    } else if (name.equals("transfer-encoding")) {
      if (chunked || truncated || !value.equalsIgnoreCase("chunked")) {
        badFraming = true;
      }
      chunked = true;
    }
  }

  private void endHead() {
    if (connect || badFraming || lengths > 1 || lengths == 1 && chunked) {
      mode = Mode.OFF;
    } else if (chunked) {
      mode = Mode.CHUNK_SIZE;
    } else if (contentLength > 0) {
      mode = Mode.BODY;
      remaining = contentLength;
    } else {
      mode = Mode.IDLE;
    }
  }

  private void chunkSize(String text, boolean truncated) {
    int semi = text.indexOf(';');
    String hex = (semi < 0 ? text : text.substring(0, semi)).strip();
    if (truncated || hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(HeadGuard::isHex)) {
      mode = Mode.OFF;
      return;
    }
    remaining = Long.parseLong(hex, 16);
    mode = remaining == 0 ? Mode.TRAILERS : Mode.CHUNK_DATA;
  }

  private static boolean isHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private void clearLine() {
    lineLength = 0;
    lineTruncated = false;
  }

  /**
   * On the I/O thread: a head unfinished for the whole timeout gets 408. The clock only runs
   * while Undertow waits for this head (reads resumed), not while it serves an earlier one.
   */
  private synchronized void checkTimeout() {
    timer = null;
    if (refused || !connection.isOpen() || mode != Mode.HEAD && !foldPending) {
      return;
    }
    long now = System.nanoTime();
    if (!isReadResumed()) {
      headStart = now;
    } else if (now - headStart >= timeoutNanos) {
      refuse(408, "Request Timeout", "request head not received within "
          + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
      return;
    }
    timer = connection.getIoThread().executeAfter(this::checkTimeout,
        Math.max(1, headStart + timeoutNanos - now), TimeUnit.NANOSECONDS);
  }

  /** Writes a short reply with {@code Connection: close}, then closes the connection. */
  private void refuse(int status, String text, String reason) {
    refused = true;
    foldPending = false;
    mode = Mode.OFF;
    if (timer != null) {
      timer.remove();
      timer = null;
    }
    LOG.info(() -> "refused " + connection.getPeerAddress() + ": " + status + " " + reason);
    suspended = true;
    next.suspendReads();
    String body = status + " " + text + ": " + reason + "\n";
    String reply = "HTTP/1.1 " + status + " " + text + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
        + "Content-Length: " + body.length() + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body;
    new org.xnio.ChannelListener<StreamSinkChannel>() {
      final ByteBuffer bytes = ByteBuffer.wrap(reply.getBytes(StandardCharsets.ISO_8859_1));

      void start(StreamSinkChannel sink) {
        handleEvent(sink);
      }

      @Override
      public void handleEvent(StreamSinkChannel sink) {
        try {
          sink.write(bytes);
          if (bytes.hasRemaining() || !sink.flush()) {
            sink.getWriteSetter().set(this);
            sink.resumeWrites();
            return;
          }
          sink.suspendWrites();
          closeAfterDrain();
        } catch (IOException e) {
          IoUtils.safeClose(connection);
        }
      }
    }.start(connection.getSinkChannel());
  }

  /** Reads what the client already sent so that closing sends FIN, not RST over our reply. */
  private void closeAfterDrain() {
    ByteBuffer scratch = ByteBuffer.allocate(4096);
    try {
      for (int i = 0; i < 64 && next.read(scratch) > 0; i++) {
        scratch.clear();
      }
    } catch (IOException e) {
      // closing anyway
    }
    IoUtils.safeClose(connection);
  }
}
