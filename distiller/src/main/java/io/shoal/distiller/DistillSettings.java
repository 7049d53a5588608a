package io.shoal.distiller;

import io.shoal.base.config.Config;
import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;
import io.shoal.base.config.Values;
import io.shoal.distiller.internal.DistillProfiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code distill.*} settings: which requests get which profile, and the distiller's workers. */
public final class DistillSettings {
  public static final Section SECTION = Section.of("distill", "Distillation on miss")
      .check(DistillSettings::checkProfiles);
  private static final Section SHARED = SECTION.clusterWide().live();

  public static final Setting<Boolean> ENABLED = SECTION.clusterWide().bool("enabled", "true",
      "Distillation on miss (smaller images, gzip for text) for clients that ask for it; false: no Vary added, nothing distilled.");
  public static final Setting<String> DEFAULT_PROFILE = SHARED.string("default-profile", "",
      "Profile for requests that no header selects; empty: none (the original bytes).");
  public static final Setting<String> SAVE_DATA_PROFILE = SHARED.string("save-data-profile", "save-data",
      "Profile that Save-Data: on selects; empty: Save-Data is ignored.");
  public static final Setting<String> CLIENT_HEADER = SHARED.add("client-header", "", "field name",
      "a header field name such as X-Shoal-Profile, or empty", Values::fieldName,
      "Request field whose value names a profile (or none); empty: none.");
  public static final Setting<Integer> THREADS = SECTION.count("threads", "0",
      "Distiller worker threads; 0: one per core.");
  public static final Setting<Integer> QUEUE = SECTION.count("queue", "0",
      "Objects that may wait for a distiller worker; beyond, served undistilled at once (counted as overloaded); 0: as many as threads.");
  public static final Setting<Duration> TIMEOUT = SECTION.live().duration("timeout", "2s",
      "Longest a request waits for its distillation before the original is sent.");
  public static final Setting<Long> MAX_PIXELS = SECTION.live().add("max-pixels", "16777216", "pixels",
      "an integer > 0", s -> Values.atLeast(s, 1),
      "Images declaring more pixels (width x height, from the header) are never decoded (decompression bombs).");
  public static final Setting<Boolean> STORE_ORIGINAL = SECTION.bool("store-original", "true",
      "Store the original beside the distilled variant (true) or only the variant (false).");
  public static final Setting<Map<String, Profile>> PROFILES = SHARED.entries("profiles",
      "profiles by name, e.g. mobile: {quality: 40, huffman: optimized, max-dimension: 800, to-jpeg: false, distillers: [jpeg, png, gif, gzip]}",
      DistillProfiles::parse,
      "Profiles by name: quality (1-100, 50), huffman (JPEG Huffman tables: standard, faster, or optimized, smaller; standard), max-dimension (0 or 16-65535 px, 0), to-jpeg (false), distillers (jpeg, png, gif, gzip); save-data is built in (q50, optimized, 1280 px, all four) and a profile of that name replaces it.");

  private DistillSettings() {}

  private static void checkProfiles(Config c) {
    for (Setting<String> s : List.of(DEFAULT_PROFILE, SAVE_DATA_PROFILE)) {
      String name = c.get(s);
      if (!name.isEmpty() && !name.equals(Profile.SAVE_DATA) && !c.get(PROFILES).containsKey(name)) {
        throw new IllegalArgumentException(s.name() + ": \"" + name
            + "\" (expected: save-data or a profile of distill.profiles: "
            + String.join(", ", c.get(PROFILES).keySet()) + ")");
      }
    }
  }
}
