package io.shoal.bench.origin.internal;

import io.shoal.distiller.fixture.SyntheticImages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real JPEG images (the distiller's {@link SyntheticImages}: photo-like, so a distiller has real
 * work), deterministic per name, of exactly the requested size: the image is sized to encode a
 * little under it and the rest is filled with JPEG comment segments right after SOI. Sizes below the smallest JPEG this writes (about 700 bytes) get that smallest JPEG.
 * Recently made images are kept, up to a byte budget, so hot images are drawn once.
 */
public final class Jpegs {
  private static final int QUALITY = 80;
  private static final double BYTES_PER_PIXEL = 0.45;
  private static final int MAX_SIDE = 4096;
  private static final int COM_MAX = 65_533;
  private final long budget;
  private final Map<String, byte[]> recent = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  /** A maker that keeps up to {@code budget} bytes of recently made images. */
  public Jpegs(long budget) {
    this.budget = budget;
  }

  /** The JPEG of {@code name} of {@code size} bytes (or the smallest JPEG, if larger). */
  public byte[] of(String name, long size) {
    String key = size + "/" + name;
    synchronized (this) {
      byte[] b = recent.get(key);
      if (b != null) {
        return b;
      }
    }
    byte[] made = make(name, (int) Math.min(size, Integer.MAX_VALUE - 16));
    synchronized (this) {
      if (made.length <= budget && recent.put(key, made) == null) {
        bytes += made.length;
        var it = recent.values().iterator();
        while (bytes > budget && it.hasNext()) {
          bytes -= it.next().length;
          it.remove();
        }
      }
    }
    return made;
  }

  static byte[] make(String name, int size) {
    long seed = name.hashCode() * 0x9E3779B97F4A7C15L;
    double pixels = Math.max(64, size / BYTES_PER_PIXEL);
    byte[] jpeg = null;
    for (int attempt = 0; attempt < 6; attempt++) {
      int h = (int) Math.max(8, Math.min(MAX_SIDE, Math.sqrt(pixels * 3 / 4)));
      int w = (int) Math.max(8, Math.min(MAX_SIDE, h * 4 / 3));
      jpeg = SyntheticImages.jpeg(SyntheticImages.photo(w, h, seed), QUALITY);
      if (jpeg.length <= size || w == 8 && h == 8) {
        break;
      }
      pixels = pixels * size / jpeg.length * 0.85;
    }
    return jpeg.length >= size ? jpeg : pad(jpeg, size);
  }

  /** {@code jpeg} with comment segments after SOI adding up to exactly {@code size} bytes. */
  static byte[] pad(byte[] jpeg, int size) {
    byte[] out = new byte[size];
    out[0] = jpeg[0];
    out[1] = jpeg[1];
    int pos = 2;
    int fill = size - jpeg.length;
    while (fill > 0) {
      // A segment is FF FE + 2 length bytes + payload; the smallest is 4 bytes.
      int seg = Math.min(fill, COM_MAX + 4);
      if (fill - seg > 0 && fill - seg < 4) {
        seg = fill - 4;
      }
      if (seg < 4) {
        break;
      }
      out[pos] = (byte) 0xFF;
      out[pos + 1] = (byte) 0xFE;
      int len = seg - 2;
      out[pos + 2] = (byte) (len >> 8);
      out[pos + 3] = (byte) len;
      for (int i = pos + 4; i < pos + seg; i++) {
        out[i] = ' ';
      }
      pos += seg;
      fill -= seg;
    }
    System.arraycopy(jpeg, 2, out, pos, jpeg.length - 2);
    if (pos + jpeg.length - 2 != size) {
      // Fewer than 4 bytes to add: a comment cannot be that short, so give the unpadded image.
      return jpeg;
    }
    return out;
  }
}
