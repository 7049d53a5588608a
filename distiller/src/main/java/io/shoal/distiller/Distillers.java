package io.shoal.distiller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one registry of distillers, by name: what the config file, the command line and the tests
 * read. Adding a distiller is one class and one line in the static block.
 */
public final class Distillers {

  /** A registered distiller: its name, what it does, its factory. */
  public record Entry(String name, String summary, Supplier<Distiller> factory) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add("jpeg", "JPEG re-encoded at the profile's quality, downscaled, orientation applied", Distiller::jpeg);
    add("png", "PNG downscaled, or an opaque PNG turned into JPEG when the profile allows", Distiller::png);
    add("gif", "still GIF turned into JPEG (opaque) or a downscaled PNG", Distiller::gif);
    add("gzip", "text, JSON, JavaScript, SVG and XML gzipped for clients that accept it", Distiller::gzip);
  }

  private Distillers() {}

  private static void add(String name, String summary, Supplier<Distiller> factory) {
    ENTRIES.put(name, new Entry(name, summary, factory));
  }

  /** Every registered distiller, in registration order. */
  public static List<Entry> entries() {
    return List.copyOf(ENTRIES.values());
  }

  /** Every registered name, in registration order. */
  public static List<String> names() {
    return List.copyOf(ENTRIES.keySet());
  }

  /** The distiller registered as {@code name}; fails naming the known ones. */
  public static Distiller create(String name) {
    Entry e = ENTRIES.get(name);
    if (e == null) {
      throw new IllegalArgumentException("distiller: \"" + name + "\" (expected one of: "
          + String.join(", ", ENTRIES.keySet()) + ")");
    }
    return e.factory().get();
  }
}
