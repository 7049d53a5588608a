package io.shoal.bench.origin.internal;

import java.util.Map;

/** The content type of an object from its extension; image extensions are served as JPEG. */
public final class ContentTypes {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("css", "text/css"),
      Map.entry("js", "application/javascript"),
      Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("ps", "application/postscript"),
      Map.entry("zip", "application/zip"),
      Map.entry("gz", "application/gzip"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("mpg", "video/mpeg"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/jpeg"),
      Map.entry("png", "image/jpeg"));

  private ContentTypes() {}

  /** The type for this extension; {@code application/octet-stream} when unknown. */
  public static String of(String extension) {
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  /** Whether objects with this extension are served as real JPEG images. */
  public static boolean isImage(String extension) {
    return of(extension).startsWith("image/");
  }
}
