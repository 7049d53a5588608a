package io.shoal.distiller;

import java.util.Objects;

/**
 * The answer for one object: distilled (a new body, its content type and content coding) or
 * skipped (the original, untouched, and why). The body to send is always {@link #body()}.
 */
public final class Result {
  private final Outcome outcome;
  private final String distiller;
  private final String contentType;
  private final String contentEncoding;
  private final byte[] body;
  private final int originalLength;
  private final String detail;

  private Result(Outcome outcome, String distiller, String contentType, String contentEncoding,
      byte[] body, int originalLength, String detail) {
    this.outcome = outcome;
    this.distiller = distiller;
    this.contentType = contentType;
    this.contentEncoding = contentEncoding;
    this.body = body;
    this.originalLength = originalLength;
    this.detail = detail;
  }

  /** A distilled body; {@code contentEncoding} is null unless the distiller applied one (gzip). */
  public static Result distilled(String distiller, Input in, String contentType,
      String contentEncoding, byte[] body) {
    Objects.requireNonNull(distiller, "distiller");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    if (body.length >= in.body().length) {
      return skipped(Outcome.NOT_SMALLER, distiller, in.contentType(), in.body(),
          body.length + " bytes from " + in.body().length);
    }
    return new Result(Outcome.DISTILLED, distiller, contentType, contentEncoding, body,
        in.body().length, null);
  }

  /** The original, unchanged, and why; {@code distiller} and {@code detail} may be null. */
  public static Result skipped(Outcome why, String distiller, String contentType, byte[] original,
      String detail) {
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(original, "original");
    if (why == Outcome.DISTILLED) {
      throw new IllegalArgumentException("why: DISTILLED (expected: a reason to skip)");
    }
    return new Result(why, distiller, contentType, null, original, original.length, detail);
  }

  /** Whether {@link #body()} is a new, smaller body. */
  public boolean distilled() {
    return outcome == Outcome.DISTILLED;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The registry name of the distiller that ran or refused, or null when none was chosen. */
  public String distiller() {
    return distiller;
  }

  /** The Content-Type to send: the new one when distilled, the original's otherwise (may be null). */
  public String contentType() {
    return contentType;
  }

  /** The Content-Encoding to add ({@code gzip}), or null for none. */
  public String contentEncoding() {
    return contentEncoding;
  }

  /** The body to send: the distilled one, or the very original array. */
  public byte[] body() {
    return body;
  }

  public int originalLength() {
    return originalLength;
  }

  /** A short human-readable explanation of a skip (an exception's message), or null. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return "Result[" + outcome.tag() + (distiller == null ? "" : ", " + distiller) + ", "
        + originalLength + " -> " + body.length + " bytes" + (detail == null ? "" : ", " + detail) + "]";
  }
}
