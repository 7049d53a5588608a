package io.shoal.traces.internal;

/** What counts as a URL in the URL-based formats. */
public final class Urls {
  private Urls() {}

  /** Whether {@code s} is an absolute URL ({@code scheme://x}) or an absolute path. */
  public static boolean isUrl(String s) {
    if (s.startsWith("/")) {
      return true;
    }
    int colon = s.indexOf("://");
    if (colon <= 0 || colon + 3 == s.length()) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
          || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code key} if it is a URL, else the path {@code /key} (for object ids). */
  public static String asUrl(String key) {
    return isUrl(key) ? key : "/" + key;
  }

  /** Whether {@code s} is an HTTP method token (letters, digits, {@code -_}). */
  public static boolean isMethod(String s) {
    if (s.isEmpty() || s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
