package io.shoal.bench.replay.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.x response parser for a closed-loop client: reads the status, the four headers the
 * replay needs ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, {@code
 * X-Cache}) and frames the body (length, chunked, or to the end of the connection), counting
 * body bytes without keeping them. Input may be split anywhere. Interim (1xx) responses are
 * skipped. One instance per connection; {@link #reset()} between connections.
 */
public final class ResponseParser {
  /** Told what was parsed. */
  public interface Listener {
    /** The whole response has arrived. */
    void onResponse(int status, String xCache, long bodyBytes, boolean close);
  }

  /** The response is not HTTP/1.x as this parser reads it. */
  public static final class BadResponse extends RuntimeException {
    BadResponse(String message) {
      super(message, null, false, false);
    }
  }

  private enum State { STATUS, HEADERS, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, TO_EOF }

  private static final int MAX_LINE = 64 * 1024;
  private final Listener listener;
  private byte[] line = new byte[256];
  private int lineLength;
  private State state = State.STATUS;
  private int status;
  private boolean http10;
  private boolean close;
  private boolean keepAlive;
  private boolean chunked;
  private long contentLength;
  private String xCache;
  private long remaining;
  private long body;

  public ResponseParser(Listener listener) {
    this.listener = listener;
    startHead();
  }

  /** Forgets any partial response (a new connection). */
  public void reset() {
    state = State.STATUS;
    lineLength = 0;
    startHead();
  }

  /** Whether a response has started and not yet ended. */
  public boolean inResponse() {
    return state != State.STATUS || lineLength > 0;
  }

  /**
   * Reads what {@code in} holds; the buffer is consumed (not released).
   *
   * @throws BadResponse when the bytes are not a response
   */
  public void feed(ByteBuf in) {
    while (in.isReadable()) {
      switch (state) {
        case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
          if (!readLine(in)) {
            return;
          }
          onLine();
          lineLength = 0;
        }
        case FIXED, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, in.readableBytes());
          in.skipBytes(n);
          remaining -= n;
          body += n;
          if (remaining == 0) {
            if (state == State.FIXED) {
              complete();
            } else {
              state = State.CHUNK_END;
            }
          }
        }
        case TO_EOF -> {
          body += in.readableBytes();
          in.skipBytes(in.readableBytes());
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
  }

  /**
   * The connection ended: completes a response delimited by the end of the connection.
   *
   * @return whether a response was completed
   */
  public boolean eof() {
    if (state == State.TO_EOF) {
      complete();
      return true;
    }
    return false;
  }

  private boolean readLine(ByteBuf in) {
    int lf = in.forEachByte(ByteProcessor.FIND_LF);
    int end = lf < 0 ? in.writerIndex() : lf;
    int n = end - in.readerIndex();
    if (lineLength + n > MAX_LINE) {
      throw new BadResponse("a header line longer than " + MAX_LINE + " bytes");
    }
    if (lineLength + n > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    }
    in.readBytes(line, lineLength, n);
    lineLength += n;
    if (lf < 0) {
      return false;
    }
    in.skipBytes(1);
    if (lineLength > 0 && line[lineLength - 1] == '\r') {
      lineLength--;
    }
    return true;
  }

  private void onLine() {
    switch (state) {
      case STATUS -> statusLine();
      case HEADERS -> {
        if (lineLength == 0) {
          endOfHead();
        } else {
          header();
        }
      }
      case CHUNK_SIZE -> chunkSize();
      case CHUNK_END -> {
        if (lineLength != 0) {
          throw new BadResponse("chunk data longer than its size");
        }
        state = State.CHUNK_SIZE;
      }
      case TRAILERS -> {
        if (lineLength == 0) {
          complete();
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void statusLine() {
    if (lineLength == 0) {
      return; // tolerate a stray CRLF between responses
    }
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (lineLength < 12 || !startsWith("HTTP/1.") || line[8] != ' ') {
      throw new BadResponse("bad status line: " + printable());
    }
    http10 = line[7] == '0';
    int s = 0;
    for (int i = 9; i < 12; i++) {
      int d = line[i] - '0';
      if (d < 0 || d > 9) {
        throw new BadResponse("bad status line: " + printable());
      }
      s = s * 10 + d;
    }
    status = s;
    state = State.HEADERS;
  }

  private void header() {
    int colon = -1;
    for (int i = 0; i < lineLength; i++) {
      if (line[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon <= 0) {
      throw new BadResponse("bad header line: " + printable());
    }
    switch (colon) {
      case 14 -> {
        if (nameIs("content-length")) {
          contentLength = number(colon + 1);
        }
      }
      case 17 -> {
        if (nameIs("transfer-encoding") && value(colon + 1).toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
          chunked = true;
        }
      }
      case 10 -> {
        if (nameIs("connection")) {
          String v = value(colon + 1).toLowerCase(java.util.Locale.ROOT);
          close |= v.contains("close");
          keepAlive |= v.contains("keep-alive");
        }
      }
      case 7 -> {
        if (xCache == null && nameIs("x-cache")) {
          xCache = value(colon + 1);
        }
      }
      default -> { }
    }
  }

  private void endOfHead() {
    if (status >= 100 && status < 200 && status != 101) {
      startHead();
      state = State.STATUS;
      return;
    }
    if (http10 && !keepAlive) {
      close = true;
    }
    body = 0;
    if (status == 204 || status == 304 || status == 101) {
      complete();
    } else if (chunked) {
      state = State.CHUNK_SIZE;
    } else if (contentLength >= 0) {
      remaining = contentLength;
      if (remaining == 0) {
        complete();
      } else {
        state = State.FIXED;
      }
    } else {
      close = true;
      state = State.TO_EOF;
    }
  }

  private void chunkSize() {
    long n = 0;
    int i = 0;
    for (; i < lineLength; i++) {
      int d = Character.digit(line[i], 16);
      if (d < 0) {
        break;
      }
      if (n > (Long.MAX_VALUE >> 4)) {
        throw new BadResponse("chunk size too large");
      }
      n = n << 4 | d;
    }
    if (i == 0 || i < lineLength && line[i] != ';' && line[i] != ' ' && line[i] != '\t') {
      throw new BadResponse("bad chunk size: " + printable());
    }
    if (n == 0) {
      state = State.TRAILERS;
    } else {
      remaining = n;
      state = State.CHUNK_DATA;
    }
  }

  private void complete() {
    int s = status;
    String x = xCache;
    long b = body;
    boolean c = close;
    state = State.STATUS;
    startHead();
    listener.onResponse(s, x, b, c);
  }

  private void startHead() {
    status = 0;
    http10 = false;
    close = false;
    keepAlive = false;
    chunked = false;
    contentLength = -1;
    xCache = null;
    remaining = 0;
    body = 0;
  }

  private boolean startsWith(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (line[i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean nameIs(String lower) {
    for (int i = 0; i < lower.length(); i++) {
      int c = line[i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private long number(int from) {
    long n = 0;
    int digits = 0;
    for (int i = from; i < lineLength; i++) {
      byte c = line[i];
      if (c == ' ' || c == '\t') {
        if (digits > 0) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '9' || digits == 18) {
        throw new BadResponse("bad Content-Length: " + printable());
      }
      n = n * 10 + (c - '0');
      digits++;
    }
    if (digits == 0) {
      throw new BadResponse("bad Content-Length: " + printable());
    }
    return n;
  }

  private String value(int from) {
    return new String(line, from, lineLength - from, StandardCharsets.ISO_8859_1).strip();
  }

  private String printable() {
    String s = new String(line, 0, Math.min(lineLength, 80), StandardCharsets.ISO_8859_1);
    return "\"" + s.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
  }
}
