package io.shoal.node.internal.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The directives of {@code Cache-Control} header fields (RFC 9111 §5.2): names lower-cased,
 * arguments unquoted, unknown directives kept but never acted upon, malformed parts skipped.
 */
public final class CacheControl {
  private static final CacheControl NONE = new CacheControl(Map.of());
  private final Map<String, String> directives;

  private CacheControl(Map<String, String> directives) {
    this.directives = directives;
  }

  public static CacheControl none() {
    return NONE;
  }

  /** Parses every value of the field (each may hold several comma-separated directives). */
  public static CacheControl parse(Iterable<String> values) {
    Map<String, String> out = null;
    for (String value : values) {
      int i = 0;
      int n = value.length();
      while (i < n) {
        while (i < n && (value.charAt(i) == ',' || value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
          i++;
        }
        int start = i;
        while (i < n && value.charAt(i) != '=' && value.charAt(i) != ',') {
          i++;
        }
        String name = value.substring(start, i).strip().toLowerCase(Locale.ROOT);
        String arg = "";
        if (i < n && value.charAt(i) == '=') {
          i++;
          if (i < n && value.charAt(i) == '"') {
            StringBuilder b = new StringBuilder();
            i++;
            while (i < n && value.charAt(i) != '"') {
              if (value.charAt(i) == '\\' && i + 1 < n) {
                i++;
              }
              b.append(value.charAt(i++));
            }
            i++;
            arg = b.toString();
          } else {
            int a = i;
            while (i < n && value.charAt(i) != ',') {
              i++;
            }
            arg = value.substring(a, i).strip();
          }
        }
        if (!name.isEmpty()) {
          if (out == null) {
            out = new HashMap<>();
          }
          out.putIfAbsent(name, arg);
        }
      }
    }
    return out == null ? NONE : new CacheControl(out);
  }

  public boolean has(String directive) {
    return directives.containsKey(directive);
  }

  /**
   * The delta-seconds argument of {@code directive}: -1 when absent, {@code whenBad} when present
   * without a valid number; huge values are capped at 2^31 (RFC 9111 §1.2.2).
   */
  public long seconds(String directive, long whenBad) {
    String arg = directives.get(directive);
    if (arg == null) {
      return -1;
    }
    if (arg.isEmpty() || arg.length() > 18 || !arg.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return whenBad;
    }
    return Math.min(Long.parseLong(arg), 1L << 31);
  }

  public boolean isEmpty() {
    return directives.isEmpty();
  }

  @Override
  public String toString() {
    return directives.toString();
  }
}
