package io.shoal.distiller;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cache and HTTP contract of a distilled variant, for the node: its key (see {@link
 * Selection#key(String)}), its entity tag, and the {@code Vary} field value.
 */
public final class Variants {
  private Variants() {}

  /** The variant's cache key: {@code selection.key(originalKey)}. */
  public static String key(String originalKey, Selection selection) {
    return selection.key(originalKey);
  }

  /**
   * The entity tag to send with {@code result}: the origin's when nothing was distilled, else the
   * origin's with {@code -<profile>} (and {@code -gzip}) inside the quotes, weak if it was weak, so
   * a distilled body never carries the original's validator. Null when the origin sent none or an
   * unparseable one.
   */
  public static String etag(String originEtag, Selection selection, Result result) {
    if (originEtag == null || !result.distilled() || !selection.distills()) {
      return originEtag;
    }
    String tag = originEtag.strip();
    boolean weak = tag.startsWith("W/");
    String opaque = weak ? tag.substring(2) : tag;
    if (opaque.length() < 2 || opaque.charAt(0) != '"' || opaque.charAt(opaque.length() - 1) != '"') {
      return null;
    }
    String suffix = "-" + selection.profile().name()
        + (result.contentEncoding() == null ? "" : "-" + result.contentEncoding());
    return (weak ? "W/" : "") + opaque.substring(0, opaque.length() - 1) + suffix + "\"";
  }

  /**
   * {@code existing} (a response's {@code Vary}, or null) with {@code names} added, each once, in
   * the order given; {@code *} stays {@code *}. Null when both are empty.
   */
  public static String addVary(String existing, List<String> names) {
    List<String> out = new ArrayList<>();
    List<String> lower = new ArrayList<>();
    if (existing != null) {
      for (String n : existing.split(",")) {
        String s = n.strip();
        if (s.equals("*")) {
          return "*";
        }
        if (!s.isEmpty() && !lower.contains(s.toLowerCase(Locale.ROOT))) {
          out.add(s);
          lower.add(s.toLowerCase(Locale.ROOT));
        }
      }
    }
    for (String n : names) {
      if (!lower.contains(n.toLowerCase(Locale.ROOT))) {
        out.add(n);
        lower.add(n.toLowerCase(Locale.ROOT));
      }
    }
    return out.isEmpty() ? null : String.join(", ", out);
  }
}
