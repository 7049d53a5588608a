package io.shoal.node.internal.http;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The hop-by-hop header fields of RFC 9110 §7.6.1, which a proxy never forwards. */
public final class HopByHop {
  private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

  private HopByHop() {}

  /**
   * The lower-cased names not to forward for a message whose {@code Connection} header values are
   * {@code connection}: the fixed list, every {@code Proxy-*} field and what {@code Connection} names.
   */
  public static Set<String> names(Iterable<String> connection) {
    Set<String> out = new HashSet<>(ALWAYS);
    for (String value : connection) {
      for (String token : value.split(",")) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** Whether {@code name} must not be forwarded, given the set from {@link #names}. */
  public static boolean isHopByHop(String name, Set<String> names) {
    String lower = name.toLowerCase(Locale.ROOT);
    return names.contains(lower) || lower.startsWith("proxy-");
  }
}
