package io.shoal.traces.urls;

import io.shoal.traces.TraceRequest;
import io.shoal.traces.internal.TextTraceWriter;
import io.shoal.traces.internal.Urls;
import java.io.Writer;

/**
 * Writes {@code URL size} lines, or just {@code URL} when the size is unknown. A key that is
 * not a URL (an object id) is written as the path {@code /KEY}.
 */
public final class UrlsTraceWriter extends TextTraceWriter {

  public UrlsTraceWriter(Writer out, String name) {
    super(out, name);
  }

  @Override
  protected void format(TraceRequest request, long number, StringBuilder line) {
    token(line, "url", Urls.asUrl(request.key()), number);
    if (request.hasSize()) {
      line.append(' ').append(request.size());
    }
  }
}
