package io.shoal.distiller;

import io.shoal.base.Checks;
import io.shoal.distiller.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How hard to distill for one class of client: JPEG quality and Huffman tables, the largest width
 * or height an image keeps, whether opaque PNG/GIF may become JPEG, and which distillers of the
 * registry apply ({@code gzip} among them or not). Immutable; made by {@link #builder(String)}.
 */
public final class Profile {
  /** The name of the built-in profile for {@code Save-Data: on}. */
  public static final String SAVE_DATA = "save-data";

  private static final Profile SAVE_DATA_PROFILE = builder(SAVE_DATA).quality(50).maxDimension(1280)
      .huffman(Huffman.OPTIMIZED).build();

  private final String name;
  private final int quality;
  private final Huffman huffman;
  private final int maxDimension;
  private final boolean toJpeg;
  private final List<String> distillers;

  private Profile(Builder b) {
    this.name = b.name;
    this.quality = b.quality;
    this.huffman = b.huffman;
    this.maxDimension = b.maxDimension;
    this.toJpeg = b.toJpeg;
    this.distillers = List.copyOf(b.distillers);
  }

  /**
   * The built-in {@code save-data} profile: JPEG q50 with optimized Huffman tables, at most 1280 px,
   * jpeg, png, gif and gzip.
   */
  public static Profile saveData() {
    return SAVE_DATA_PROFILE;
  }

  /**
   * A builder with the defaults: quality 50, standard Huffman tables, no resizing, no conversion to
   * JPEG, every built-in distiller.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The profile's name; part of the variant's cache key. */
  public String name() {
    return name;
  }

  /** JPEG quality, 1 to 100, for re-encoded and converted images. */
  public int quality() {
    return quality;
  }

  /** The Huffman tables of every JPEG this profile writes. */
  public Huffman huffman() {
    return huffman;
  }

  /** The largest width or height a distilled image keeps; 0: no resizing. */
  public int maxDimension() {
    return maxDimension;
  }

  /** Whether an opaque PNG or GIF may be served as a JPEG. */
  public boolean toJpeg() {
    return toJpeg;
  }

  /** The names of the distillers that apply, in the order they are tried. */
  public List<String> distillers() {
    return distillers;
  }

  /** Whether {@code gzip} is one of this profile's distillers. */
  public boolean gzip() {
    return distillers.contains("gzip");
  }

  @Override
  public String toString() {
    return "Profile[" + name + ", quality=" + quality + ", huffman=" + huffman + ", maxDimension=" + maxDimension
        + ", toJpeg=" + toJpeg + ", distillers=" + distillers + "]";
  }

  /** Builds a {@link Profile}; every setter checks its argument at once. */
  public static final class Builder {
    private final String name;
    private int quality = 50;
    private Huffman huffman = Huffman.STANDARD;
    private int maxDimension;
    private boolean toJpeg;
    private List<String> distillers = Distillers.names();

    private Builder(String name) {
      this.name = Names.token("name", name);
    }

    /** JPEG quality, 1 to 100. */
    public Builder quality(int quality) {
      this.quality = Checks.range("quality", quality, 1, 100);
      return this;
    }

    /** The Huffman tables of written JPEGs. */
    public Builder huffman(Huffman huffman) {
      this.huffman = Objects.requireNonNull(huffman, "huffman");
      return this;
    }

    /** The largest width or height, 16 to 65535 px; 0 keeps every image's size. */
    public Builder maxDimension(int pixels) {
      if (pixels != 0) {
        Checks.range("maxDimension", pixels, 16, 65535);
      }
      this.maxDimension = pixels;
      return this;
    }

    /** Whether an opaque PNG or GIF may become a JPEG at {@link #quality(int)}. */
    public Builder toJpeg(boolean toJpeg) {
      this.toJpeg = toJpeg;
      return this;
    }

    /** The distillers that apply, by registry name (see {@link Distillers#names()}). */
    public Builder distillers(List<String> names) {
      Objects.requireNonNull(names, "distillers");
      List<String> copy = new ArrayList<>();
      for (String n : names) {
        Names.token("distiller", n);
        if (copy.contains(n)) {
          throw new IllegalArgumentException("distillers: " + n + " twice (expected: each name once)");
        }
        copy.add(n);
      }
      this.distillers = copy;
      return this;
    }

    /** The distillers that apply, by registry name. */
    public Builder distillers(String... names) {
      return distillers(List.of(names));
    }

    public Profile build() {
      return new Profile(this);
    }
  }

  /**
   * The Huffman tables a written JPEG uses. {@link #STANDARD} is libjpeg's and {@code cjpeg}'s
   * default; {@link #OPTIMIZED} is {@code cjpeg -optimize}: a second pass over the coefficients
   * that costs time and saves bytes (see {@code distiller/README.md} for the numbers).
   */
  public enum Huffman {
    /** The example tables of the JPEG standard (ITU T.81 Annex K): one pass. */
    STANDARD,
    /** Tables computed for each image: smaller output, slower. */
    OPTIMIZED;

    /** The name in configuration: {@code standard} or {@code optimized}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** By its configuration name; otherwise fails with {@code huffman: "x" (expected: standard or optimized)}. */
    public static Huffman of(String name) {
      for (Huffman h : values()) {
        if (h.configName().equals(name)) {
          return h;
        }
      }
      throw new IllegalArgumentException("huffman: \"" + name + "\" (expected: standard or optimized)");
    }
  }
}
