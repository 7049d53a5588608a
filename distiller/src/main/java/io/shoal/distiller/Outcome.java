package io.shoal.distiller;

import java.util.Locale;

/**
 * What became of one object: {@link #DISTILLED}, or the reason the original is served unchanged.
 * Each reason is a tag value of the {@code shoal.distiller.skipped} counter ({@link #tag()}).
 */
public enum Outcome {
  /** Transformed; the result is smaller than the original. */
  DISTILLED,
  /** Nothing to do: no profile, no distiller for the type, the profile leaves it alone, the client
   * does not accept gzip, or the origin already encoded the body. */
  NOT_APPLICABLE,
  /** The response or the request carries {@code Cache-Control: no-transform} (RFC 9110 §7.7). */
  NO_TRANSFORM,
  /** A zero-byte body. */
  EMPTY,
  /** The transformed body would not be smaller than the original. */
  NOT_SMALLER,
  /** Every worker was busy and the queue full: served at once, untouched (TranSend's rule). */
  OVERLOADED,
  /** Took longer than the service's timeout; the caller stopped waiting. */
  TIMEOUT,
  /** A variant the distiller does not transform: CMYK/YCCK JPEG, animated GIF. */
  UNSUPPORTED,
  /** The header declares more pixels than the limit: refused before decoding (decompression bomb). */
  TOO_MANY_PIXELS,
  /** Not decodable as the declared type: truncated, corrupt, or another format. */
  CORRUPT,
  /** An unexpected failure inside a distiller (a bug, or memory exhausted). */
  ERROR;

  private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The lower-case metric tag and log value, e.g. {@code not-smaller}. */
  public String tag() {
    return tag;
  }
}
