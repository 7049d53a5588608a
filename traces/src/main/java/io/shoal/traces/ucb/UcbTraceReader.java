package io.shoal.traces.ucb;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import io.shoal.traces.internal.BinaryInput;
import io.shoal.traces.internal.BinaryTraceReader;
import io.shoal.traces.internal.Urls;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads UC Berkeley Home IP records. Each is a 60-byte big-endian header, then the request
 * line ({@code GET <hash>.<ext> HTTP/1.0}) of the length the header gives:
 *
 * <pre>
 * offset size field
 *  0     4    client request time, s        28    2  client port
 *  4     4    client request time, µs       30    4  server IP
 *  8     4    first response byte, s        34    2  server port
 * 12     4    first response byte, µs       36    1  client pragmas (no-cache 1, keep-alive 2,
 * 16     4    last response byte, s                   cache-control 4, IMS 8, unless 16)
 * 20     4    last response byte, µs        37    1  server pragmas (no-cache 1,
 * 24     4    client IP                               cache-control 2, expires 4, last-mod 8)
 *                                           38    4  client If-Modified-Since
 *                                           42    4  server Expires
 *                                           46    4  server Last-Modified
 *                                           50    4  response header length
 *                                           54    4  response data length
 *                                           58    2  request line length
 * </pre>
 *
 * All-ones means missing. The time is the client request time, the size the response data
 * length, the client the IP in dotted form; the format has no status. A record cut short, a
 * microsecond field of a million or more, or a request line that is not {@code METHOD TARGET
 * [HTTP/x.y]} is an error naming the file and the record's offset.
 */
public final class UcbTraceReader extends BinaryTraceReader {
  public static final Set<TraceField> FIELDS = Set.of(TraceField.TIME, TraceField.CLIENT,
      TraceField.METHOD, TraceField.KEY, TraceField.SIZE);

  /** The size of a record header, in bytes. */
  public static final int HEADER = 60;

  private static final long MISSING32 = 0xffff_ffffL;

  public UcbTraceReader(TraceSource source) {
    super(source, FIELDS);
  }

  @Override
  protected TraceRequest read(BinaryInput input) {
    long start = input.offset();
    byte[] header = new byte[HEADER];
    if (!input.readFully(header, HEADER, start, "header", true)) {
      return null;
    }
    ByteBuffer h = ByteBuffer.wrap(header);
    long seconds = u32(h, 0);
    long micros = u32(h, 4);
    long clientIp = u32(h, 24);
    long dataLength = u32(h, 54);
    int urlLength = h.getShort(58) & 0xffff;
    if (seconds != MISSING32 && micros != MISSING32 && micros >= 1_000_000L) {
      throw input.error(start, "client request µs: " + micros + " (expected: < 1000000)");
    }
    if (urlLength == 0) {
      throw input.error(start, "request line length: 0 (expected: > 0)");
    }
    byte[] url = new byte[urlLength];
    input.readFully(url, urlLength, start, "request line (after the 60-byte header)", false);
    String requestLine = requestLine(input, start, url);
    int space = requestLine.indexOf(' ');
    int end = requestLine.lastIndexOf(" HTTP/");
    if (end <= space) {
      end = requestLine.length();
    }
    String method = space < 0 ? "" : requestLine.substring(0, space);
    String target = space < 0 || space >= end ? "" : requestLine.substring(space + 1, end);
    if (!Urls.isMethod(method) || target.isEmpty() || target.indexOf(' ') >= 0) {
      throw input.error(start, "request line: \"" + shorten(requestLine)
          + "\" (expected: METHOD TARGET [HTTP/x.y])");
    }
    long time = seconds == MISSING32 ? TraceRequest.UNKNOWN
        : seconds * 1_000_000L + (micros == MISSING32 ? 0 : micros);
    return new TraceRequest(time, clientIp == MISSING32 ? "" : dotted(clientIp), method, target,
        dataLength == MISSING32 ? TraceRequest.UNKNOWN : dataLength, TraceRequest.UNKNOWN);
  }

  private static String requestLine(BinaryInput input, long start, byte[] url) {
    for (int i = 0; i < url.length; i++) {
      int b = url[i] & 0xff;
      if (b < 0x20 || b == 0x7f) {
        throw input.error(start, "request line: control byte 0x" + Integer.toHexString(b)
            + " at byte " + i + " (expected: printable text)");
      }
    }
    return new String(url, StandardCharsets.ISO_8859_1);
  }

  private static long u32(ByteBuffer b, int offset) {
    return b.getInt(offset) & 0xffff_ffffL;
  }

  private static String dotted(long ip) {
    return (ip >>> 24) + "." + (ip >>> 16 & 0xff) + "." + (ip >>> 8 & 0xff) + "." + (ip & 0xff);
  }

  private static String shorten(String s) {
    return s.length() > 48 ? s.substring(0, 48) + "..." : s;
  }
}
