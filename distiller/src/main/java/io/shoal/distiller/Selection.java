package io.shoal.distiller;

/**
 * The decision for one request: the profile to distill with (none for most requests) and whether
 * the client accepts gzip. It names the cache variant the request may be served from: see {@link
 * #key(String)}.
 */
public final class Selection {
  private static final Selection NONE = new Selection(null, false);

  private final Profile profile;
  private final boolean acceptsGzip;

  private Selection(Profile profile, boolean acceptsGzip) {
    this.profile = profile;
    this.acceptsGzip = acceptsGzip;
  }

  /** No distillation: the original bytes under the original key. */
  public static Selection none() {
    return NONE;
  }

  /** Distill with {@code profile}; {@code acceptsGzip} from the request's Accept-Encoding. */
  public static Selection of(Profile profile, boolean acceptsGzip) {
    java.util.Objects.requireNonNull(profile, "profile");
    return new Selection(profile, acceptsGzip);
  }

  /** Whether this request gets a distilled variant at all. */
  public boolean distills() {
    return profile != null;
  }

  /** The profile, or null when {@link #distills()} is false. */
  public Profile profile() {
    return profile;
  }

  /** Whether the client accepts gzip (only read when the profile includes gzip). */
  public boolean acceptsGzip() {
    return acceptsGzip;
  }

  /** Whether text for this request may be gzipped: the profile includes gzip and the client accepts it. */
  public boolean gzips() {
    return profile != null && acceptsGzip && profile.gzip();
  }

  /**
   * The name of this request's variant, empty for none: {@code distilled=<profile>}, plus
   * {@code ;gzip} when text may be gzipped. See {@link #key(String)}.
   */
  public String variant() {
    if (profile == null) {
      return "";
    }
    return "distilled=" + profile.name() + (gzips() ? ";gzip" : "");
  }

  /**
   * The cache key of this request's variant: {@code originalKey} itself when nothing is distilled,
   * otherwise {@code originalKey + " " + variant()}. A space never occurs in a normalized URL key,
   * so a variant key never collides with an original one, and two profiles never share a key.
   */
  public String key(String originalKey) {
    java.util.Objects.requireNonNull(originalKey, "originalKey");
    return profile == null ? originalKey : originalKey + " " + variant();
  }

  @Override
  public String toString() {
    return profile == null ? "Selection[none]" : "Selection[" + variant() + "]";
  }
}
