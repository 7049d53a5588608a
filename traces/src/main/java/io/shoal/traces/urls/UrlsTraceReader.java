package io.shoal.traces.urls;

import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import io.shoal.traces.internal.Line;
import io.shoal.traces.internal.TextTraceReader;
import io.shoal.traces.internal.Urls;
import java.util.Set;

/**
 * Reads {@code URL [size]} lines. A URL is absolute ({@code scheme://...}) or a path starting
 * with {@code /}; anything else on a line is an error.
 */
public final class UrlsTraceReader extends TextTraceReader {
  public static final Set<TraceField> FIELDS = Set.of(TraceField.KEY, TraceField.SIZE);

  public UrlsTraceReader(TraceSource source) {
    super(source, FIELDS);
  }

  @Override
  protected TraceRequest parse(Line line) {
    if (line.firstByte() == '#') {
      return null;
    }
    String url = line.nextString("url");
    if (!Urls.isUrl(url)) {
      throw line.bad("url", "\"" + shorten(url) + "\"", "scheme://... or /path");
    }
    long size = line.hasField() ? line.nextLong("size") : TraceRequest.UNKNOWN;
    line.expectEnd("end of line after URL [size]");
    return TraceRequest.of(url, size);
  }

  private static String shorten(String s) {
    return s.length() > 48 ? s.substring(0, 48) + "..." : s;
  }
}
