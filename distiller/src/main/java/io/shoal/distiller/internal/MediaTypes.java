package io.shoal.distiller.internal;

import java.util.List;
import java.util.Locale;

/** Media types and the few request and response fields the service reads, parsed leniently. */
public final class MediaTypes {
  private MediaTypes() {}

  /** {@code type/subtype} in lower case without parameters; "" for null or blank. */
  public static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    String t = semi < 0 ? contentType : contentType.substring(0, semi);
    return t.strip().toLowerCase(Locale.ROOT);
  }

  /** Text that compresses: text/*, JSON, JavaScript, SVG and XML. */
  public static boolean compressible(String mediaType) {
    return mediaType.startsWith("text/")
        || mediaType.equals("application/json") || mediaType.endsWith("+json")
        || mediaType.equals("application/javascript") || mediaType.equals("application/x-javascript")
        || mediaType.equals("application/ecmascript")
        || mediaType.equals("application/xml") || mediaType.endsWith("+xml");
  }

  /**
   * Whether {@code Accept-Encoding} admits gzip: {@code gzip} or {@code x-gzip} with q > 0, or
   * {@code *} with q > 0 when gzip is not named. No field at all admits nothing here (a proxy
   * should not surprise a client that did not ask).
   */
  public static boolean acceptsGzip(List<String> acceptEncoding) {
    Boolean named = null;
    boolean star = false;
    for (String field : acceptEncoding) {
      for (String item : field.split(",")) {
        String[] parts = item.split(";");
        String coding = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean allowed = qualityOf(parts) > 0;
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          named = named == null ? allowed : named || allowed;
        } else if (coding.equals("*")) {
          star = allowed;
        }
      }
    }
    return named != null ? named : star;
  }

  private static double qualityOf(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** Whether {@code Save-Data} says {@code on} (its first token, any case; parameters ignored). */
  public static boolean saveDataOn(List<String> saveData) {
    if (saveData.isEmpty()) {
      return false;
    }
    String first = saveData.get(0).split("[;,]", 2)[0].strip();
    return first.equalsIgnoreCase("on");
  }

  /** Whether a {@code Cache-Control} carries {@code no-transform}. */
  public static boolean noTransform(List<String> cacheControl) {
    for (String field : cacheControl) {
      for (String directive : field.split(",")) {
        if (directive.strip().equalsIgnoreCase("no-transform")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a {@code Content-Encoding} names a coding other than identity. */
  public static boolean encoded(List<String> contentEncoding) {
    for (String field : contentEncoding) {
      for (String coding : field.split(",")) {
        String c = coding.strip();
        if (!c.isEmpty() && !c.equalsIgnoreCase("identity")) {
          return true;
        }
      }
    }
    return false;
  }
}
