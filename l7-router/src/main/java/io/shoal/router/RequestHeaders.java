package io.shoal.router;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The request headers the router reads, whatever the server: a name (any case) to its first value. */
@FunctionalInterface
public interface RequestHeaders {

  /** The first value of header {@code name} (case-insensitive), or null. */
  String first(String name);

  /** No headers. */
  static RequestHeaders none() {
    return name -> null;
  }

  /** Headers from a map, names matched case-insensitively. */
  static RequestHeaders of(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers");
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
    return byName::get;
  }
}
