package io.shoal.distiller;

import io.shoal.base.registry.Registry;
import java.util.List;

/**
 * The one registry of distillers, by name: what the config file, the command line and the tests
 * read. Adding a distiller is one class and one {@code add} in {@link #REGISTRY}.
 */
public final class Distillers {
  private static final Registry<Distiller> REGISTRY = Registry.<Distiller>builder("distiller")
      .add("jpeg", "JPEG re-encoded at the profile's quality, downscaled, orientation applied", Distiller::jpeg)
      .add("png", "PNG downscaled, or an opaque PNG turned into JPEG when the profile allows", Distiller::png)
      .add("gif", "still GIF turned into JPEG (opaque) or a downscaled PNG", Distiller::gif)
      .add("gzip", "text, JSON, JavaScript, SVG and XML gzipped for clients that accept it", Distiller::gzip)
      .build();

  private Distillers() {}

  /** The registry itself: every distiller's name and summary. */
  public static Registry<Distiller> registry() {
    return REGISTRY;
  }

  /** Every registered name, in registration order. */
  public static List<String> names() {
    return REGISTRY.names();
  }

  /** The distiller registered as {@code name}; fails naming the known ones. */
  public static Distiller create(String name) {
    return REGISTRY.create(name);
  }
}
