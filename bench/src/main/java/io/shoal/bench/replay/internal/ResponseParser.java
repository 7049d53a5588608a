package io.shoal.bench.replay.internal;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An HTTP/1.x response parser for a closed-loop client: reads the status, the four headers the
 * replay needs ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, {@code
 * X-Cache}) and frames the body (length, chunked, or to the end of the connection), counting
 * body bytes without keeping them. Input may be split anywhere. Interim (1xx) responses are
 * skipped. One instance per connection; {@link #reset()} between connections.
 *
 * <p>In a head (or a chunk-size line) the readable bytes, up to 4 KB, are copied into one array
 * and its lines are read there; the bytes after the head stay in the network buffer and a body is
 * skipped there. Only a line that a read split is kept, to be completed by the next read. Headers
 * are told apart by the length of their name; nothing is allocated per response ({@code X-Cache}
 * values come from {@link XCache.Seen}).
 */
public final class ResponseParser {
  /** Told what was parsed. */
  public interface Listener {
    /** The whole response has arrived; {@code xCache} is null without that header. */
    void onResponse(int status, XCache xCache, long bodyBytes, boolean close);
  }

  /** The response is not HTTP/1.x as this parser reads it. */
  public static final class BadResponse extends RuntimeException {
    BadResponse(String message) {
      super(message, null, false, false);
    }
  }

  private enum State {
    STATUS(true), HEADERS(true), FIXED(false), CHUNK_SIZE(true), CHUNK_DATA(false), CHUNK_END(true),
    TRAILERS(true), TO_EOF(false);

    /** Whether this part of a response is read as lines. */
    final boolean lines;

    State(boolean lines) {
      this.lines = lines;
    }
  }

  private static final int MAX_LINE = 64 * 1024;
  private final Listener listener;
  private final XCache.Seen seen = new XCache.Seen();
  /** Bytes of the current head; {@code [0, kept)} is the start of a line that a read split. */
  private byte[] head = new byte[4096];
  private int kept;
  private State state = State.STATUS;
  private int status;
  private boolean http10;
  private boolean close;
  private boolean keepAlive;
  private boolean chunked;
  private long contentLength;
  private XCache xCache;
  private long remaining;
  private long body;
  private boolean ended;

  public ResponseParser(Listener listener) {
    this.listener = listener;
    startHead();
  }

  /** Forgets any partial response (a new connection). */
  public void reset() {
    state = State.STATUS;
    kept = 0;
    startHead();
  }

  /** Whether a response has started and not yet ended. */
  public boolean inResponse() {
    return state != State.STATUS || kept > 0;
  }

  /**
   * Reads from {@code in} until it is consumed or a response has ended (then the listener has been
   * told, and the caller decides whether the rest belongs to this connection still). The buffer is
   * consumed, not released.
   *
   * @return whether a response ended
   * @throws BadResponse when the bytes are not a response
   */
  public boolean feed(ByteBuf in) {
    ended = false;
    while (in.isReadable() && !ended) {
      switch (state) {
        case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> lines(in);
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
    return ended;
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

  /**
   * Copies what {@code in} holds (up to the array's room) after the kept start of a line, reads
   * the whole lines there while the state reads lines, and consumes from {@code in} what they
   * took; a line without its end is kept.
   */
  private void lines(ByteBuf in) {
    if (kept == head.length) {
      if (kept >= MAX_LINE) {
        throw new BadResponse("a header line longer than " + MAX_LINE + " bytes");
      }
      head = Arrays.copyOf(head, Math.min(MAX_LINE, head.length * 2));
    }
    int carried = kept;
    int n = Math.min(in.readableBytes(), head.length - carried);
    in.getBytes(in.readerIndex(), head, carried, n);
    int end = carried + n;
    int from = 0;
    while (!ended && state.lines) {
      int lf = indexOf(head, from, end, (byte) '\n');
      if (lf < 0) {
        System.arraycopy(head, from, head, 0, end - from);
        kept = end - from;
        in.skipBytes(n);
        return;
      }
      onLine(from, lf > from && head[lf - 1] == '\r' ? lf - 1 : lf);
      from = lf + 1;
    }
    in.skipBytes(from - carried);
    kept = 0;
  }

  private void onLine(int from, int to) {
    switch (state) {
      case STATUS -> statusLine(from, to);
      case HEADERS -> {
        if (to == from) {
          endOfHead();
        } else {
          header(from, to);
        }
      }
      case CHUNK_SIZE -> chunkSize(from, to);
      case CHUNK_END -> {
        if (to != from) {
          throw new BadResponse("chunk data longer than its size");
        }
        state = State.CHUNK_SIZE;
      }
      case TRAILERS -> {
        if (to == from) {
          complete();
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void statusLine(int from, int to) {
    if (to == from) {
      return; // tolerate a stray CRLF between responses
    }
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (to - from < 12 || !startsWith(from, "HTTP/1.") || head[from + 8] != ' ') {
      throw new BadResponse("bad status line: " + printable(from, to));
    }
    http10 = head[from + 7] == '0';
    int s = 0;
    for (int i = from + 9; i < from + 12; i++) {
      int d = head[i] - '0';
      if (d < 0 || d > 9) {
        throw new BadResponse("bad status line: " + printable(from, to));
      }
      s = s * 10 + d;
    }
    status = s;
    state = State.HEADERS;
  }

  private void header(int from, int to) {
    int colon = indexOf(head, from, to, (byte) ':');
    if (colon <= from) {
      throw new BadResponse("bad header line: " + printable(from, to));
    }
    switch (colon - from) {
      case 14 -> {
        if (nameIs(from, "content-length")) {
          contentLength = number(colon + 1, to, from);
        }
      }
      case 17 -> chunked |= nameIs(from, "transfer-encoding") && contains(colon + 1, to, "chunked");
      case 10 -> {
        if (nameIs(from, "connection")) {
          close |= contains(colon + 1, to, "close");
          keepAlive |= contains(colon + 1, to, "keep-alive");
        }
      }
      case 7 -> {
        if (xCache == null && nameIs(from, "x-cache")) {
          int start = colon + 1;
          int end = to;
          while (start < end && isSpace(head[start])) {
            start++;
          }
          while (end > start && isSpace(head[end - 1])) {
            end--;
          }
          xCache = seen.get(head, start, end);
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

  private void chunkSize(int from, int to) {
    long n = 0;
    int i = from;
    for (; i < to; i++) {
      int d = Character.digit(head[i], 16);
      if (d < 0) {
        break;
      }
      if (n > (Long.MAX_VALUE >> 4)) {
        throw new BadResponse("chunk size too large");
      }
      n = n << 4 | d;
    }
    if (i == from || i < to && head[i] != ';' && !isSpace(head[i])) {
      throw new BadResponse("bad chunk size: " + printable(from, to));
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
    XCache x = xCache;
    long b = body;
    boolean c = close;
    state = State.STATUS;
    startHead();
    ended = true;
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

  private static int indexOf(byte[] a, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (a[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private boolean startsWith(int from, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (head[from + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes at {@code from} are {@code lower}, ignoring ASCII case. */
  private boolean nameIs(int from, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      int c = head[from + i];
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code lower} occurs between {@code from} and {@code to}, ignoring ASCII case. */
  private boolean contains(int from, int to, String lower) {
    for (int i = from; i <= to - lower.length(); i++) {
      if (nameIs(i, lower)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t';
  }

  /** The decimal number between {@code from} and {@code to} (spaces around it allowed). */
  private long number(int from, int to, int lineStart) {
    long n = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      byte c = head[i];
      if (isSpace(c)) {
        if (digits > 0) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '9' || digits == 18) {
        throw new BadResponse("bad Content-Length: " + printable(lineStart, to));
      }
      n = n * 10 + (c - '0');
      digits++;
    }
    if (digits == 0) {
      throw new BadResponse("bad Content-Length: " + printable(lineStart, to));
    }
    return n;
  }

  private String printable(int from, int to) {
    String s = new String(head, from, Math.min(to - from, 80), StandardCharsets.ISO_8859_1);
    return "\"" + s.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
  }
}
