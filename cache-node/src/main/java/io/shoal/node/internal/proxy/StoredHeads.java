package io.shoal.node.internal.proxy;

import io.shoal.node.internal.cache.StoredHead;
import io.shoal.node.internal.cache.StoredResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * The response head of a reply from a stored response, read straight from its {@link StoredHead}
 * (no field list is built per hit): the stored fields, {@code Age} from the §4.2.3 calculation in
 * place of a stored one, {@code Via} extended and {@code X-Cache}; the same head
 * {@link Messages#head} makes from header fields.
 */
final class StoredHeads {
  private static final HttpString[] NAMES = StoredHead.NAMES.stream().map(HttpString::tryFromString)
      .toArray(HttpString[]::new);
  private static final int AGE = StoredHead.NAMES.indexOf("Age");
  private static final int VIA = StoredHead.NAMES.indexOf("Via");
  private static final int CONTENT_TYPE = StoredHead.NAMES.indexOf("Content-Type");

  private StoredHeads() {}

  /**
   * Sets status and head for {@code stored}, with its {@code Content-Type} unless {@code contentType}
   * is false (a 304); returns the stored {@code Content-Type} (null when none).
   */
  static String write(HttpServerExchange exchange, int status, StoredResponse stored, boolean contentType,
      long ageSeconds, ProxyContext context, String cacheResult) {
    exchange.setStatusCode(status);
    HeaderMap out = exchange.getResponseHeaders();
    String type = null;
    String via = null;
    for (StoredHead.Cursor c = stored.fields(); c.next(); ) {
      int known = c.known();
      if (is(c, known, AGE, "Age")) {
        continue;
      }
      if (is(c, known, CONTENT_TYPE, "Content-Type")) {
        String value = c.value();
        type = type == null ? value : type;
        if (contentType) {
          out.add(known > 0 ? NAMES[known] : HttpString.tryFromString(c.name()), value);
        }
        continue;
      }
      String value = c.value();
      if (is(c, known, VIA, "Via")) {
        via = via == null ? value : via + ", " + value;
      }
      out.add(known > 0 ? NAMES[known] : HttpString.tryFromString(c.name()), value);
    }
    out.put(Headers.AGE, Long.toString(ageSeconds));
    out.put(Replies.VIA, via == null ? context.via : via + ", " + context.via);
    out.put(Replies.X_CACHE, context.xCache(cacheResult));
    RequestState.of(exchange).cacheResult = cacheResult;
    return type;
  }

  /** Whether the cursor's field is the one at {@code index} of the names, or so named in another case. */
  private static boolean is(StoredHead.Cursor c, int known, int index, String name) {
    return known == index || known == 0 && c.nameIs(name);
  }
}
