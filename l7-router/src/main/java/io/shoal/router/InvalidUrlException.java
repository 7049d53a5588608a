package io.shoal.router;

/** A request target that cannot be turned into a cache key; the message says exactly why. */
public final class InvalidUrlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidUrlException(String url, String reason) {
    super("bad URL \"" + printable(url) + "\": " + reason);
  }

  private static String printable(String url) {
    StringBuilder b = new StringBuilder(Math.min(url.length(), 200));
    for (int i = 0; i < url.length() && i < 200; i++) {
      char c = url.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return url.length() > 200 ? b + "..." : b.toString();
  }
}
