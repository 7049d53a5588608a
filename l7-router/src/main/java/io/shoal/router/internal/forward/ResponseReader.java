package io.shoal.router.internal.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the HTTP/1.1 responses that come back, one after another, on a pipelined connection to a
 * peer: each head (status, fields, whether the peer closes after it) and then its body's framing
 * (none, {@code Content-Length}, chunked, or until the connection closes), handing out the body's
 * data bytes where they lie in the read buffer. The buffer is in read mode: what is left between
 * its position and limit is unread.
 */
final class ResponseReader {
  private static final int MAX_LINE = 8192;

  private enum Framing { NONE, LENGTH, CHUNKED, CLOSE }

  private enum Chunk { SIZE, DATA, DATA_END, TRAILERS }

  private int status;
  private final List<String> names = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
  private boolean close;
  private Framing framing;
  private long remaining;
  private Chunk chunk;
  private boolean done;

  /**
   * Parses one complete head at the buffer's position and moves past it; false, the position
   * unchanged, while it is not all there. {@code headRequest}: the request was HEAD (no body).
   */
  boolean head(ByteBuffer in, boolean headRequest) throws IOException {
    int start = in.position();
    int p = start;
    int end = lineEnd(in, p);
    if (end < 0) {
      return false;
    }
    String statusLine = line(in, p, end);
    names.clear();
    values.clear();
    p = end + 1;
    while (true) {
      end = lineEnd(in, p);
      if (end < 0) {
        return false;
      }
      if (end == p || (end == p + 1 && in.get(p) == '\r')) {
        p = end + 1;
        break;
      }
      String field = line(in, p, end);
      int colon = field.indexOf(':');
      if (colon <= 0) {
        throw new IOException("bad response field \"" + field + "\" from peer (expected: name: value)");
      }
      names.add(field.substring(0, colon));
      values.add(field.substring(colon + 1).strip());
      p = end + 1;
    }
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
      throw new IOException("bad status line \"" + statusLine + "\" from peer (expected: HTTP/1.1 code reason)");
    }
    try {
      status = Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad status line \"" + statusLine + "\" from peer (expected: HTTP/1.1 code reason)", e);
    }
    in.position(p);
    frame(headRequest, statusLine.startsWith("HTTP/1.0"));
    return true;
  }

  private void frame(boolean headRequest, boolean http10) throws IOException {
    String length = null;
    boolean chunked = false;
    close = http10;
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n.equalsIgnoreCase("Content-Length")) {
        length = values.get(i);
      } else if (n.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = values.get(i).toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
      } else if (n.equalsIgnoreCase("Connection")) {
        String v = values.get(i).toLowerCase(java.util.Locale.ROOT);
        close = v.contains("close") || (http10 && !v.contains("keep-alive"));
      }
    }
    done = false;
    if (headRequest || status < 200 || status == 204 || status == 304) {
      framing = Framing.NONE;
    } else if (chunked) {
      framing = Framing.CHUNKED;
      chunk = Chunk.SIZE;
    } else if (length != null) {
      framing = Framing.LENGTH;
      try {
        remaining = Long.parseLong(length);
      } catch (NumberFormatException e) {
        throw new IOException("bad Content-Length \"" + length + "\" from peer (expected: digits)", e);
      }
      if (remaining < 0) {
        throw new IOException("bad Content-Length \"" + length + "\" from peer (expected: digits)");
      }
    } else {
      framing = Framing.CLOSE;
      close = true;
    }
  }

  int status() {
    return status;
  }

  /** The head's field names, in order (their values at the same index in {@link #values()}). */
  List<String> names() {
    return names;
  }

  List<String> values() {
    return values;
  }

  /** Whether the peer closes the connection after this response. */
  boolean closes() {
    return close;
  }

  /** Whether the body lasts until the connection closes. */
  boolean untilClose() {
    return framing == Framing.CLOSE;
  }

  /**
   * How many of the body's data bytes lie at the buffer's position (framing before them is read
   * past); 0 when more input is needed or the body ended ({@link #done()}).
   */
  int available(ByteBuffer in) throws IOException {
    switch (framing) {
      case NONE:
        done = true;
        return 0;
      case LENGTH:
        done = remaining == 0;
        return (int) Math.min(remaining, in.remaining());
      case CLOSE:
        return in.remaining();
      default:
        return chunked(in);
    }
  }

  private int chunked(ByteBuffer in) throws IOException {
    while (true) {
      if (chunk == Chunk.DATA) {
        if (remaining > 0) {
          return (int) Math.min(remaining, in.remaining());
        }
        chunk = Chunk.DATA_END;
      }
      int end = lineEnd(in, in.position());
      if (end < 0) {
        return 0;
      }
      String line = line(in, in.position(), end);
      in.position(end + 1);
      switch (chunk) {
        case DATA_END -> {
          if (!line.isEmpty()) {
            throw new IOException("chunk data from peer not followed by CRLF");
          }
          chunk = Chunk.SIZE;
        }
        case SIZE -> {
          int semi = line.indexOf(';');
          String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
          try {
            remaining = Long.parseLong(hex, 16);
          } catch (NumberFormatException e) {
            throw new IOException("bad chunk size \"" + hex + "\" from peer (expected: hex digits)", e);
          }
          chunk = remaining == 0 ? Chunk.TRAILERS : Chunk.DATA;
        }
        default -> {
          if (line.isEmpty()) {
            done = true;
            return 0;
          }
        }
      }
    }
  }

  /** {@code n} body data bytes were taken. */
  void consumed(int n) {
    if (framing == Framing.LENGTH || framing == Framing.CHUNKED) {
      remaining -= n;
    }
  }

  /** Whether the body ended (a body until close ends when the connection does). */
  boolean done() {
    return done;
  }

  /** The index of the next LF at or after {@code from}, or -1; a line longer than the limit fails. */
  private static int lineEnd(ByteBuffer in, int from) throws IOException {
    int limit = in.limit();
    for (int i = from; i < limit; i++) {
      if (in.get(i) == '\n') {
        return i;
      }
    }
    if (limit - from > MAX_LINE) {
      throw new IOException("response line from peer over " + MAX_LINE + " bytes");
    }
    return -1;
  }

  /** The line from {@code from} to the LF at {@code end}, without CR, as ISO-8859-1. */
  private static String line(ByteBuffer in, int from, int end) {
    int to = end > from && in.get(end - 1) == '\r' ? end - 1 : end;
    byte[] b = new byte[to - from];
    in.get(from, b);
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
