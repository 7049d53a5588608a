package io.shoal.node;

import io.shoal.base.config.Section;
import io.shoal.base.config.Setting;

/** The {@code admin.*} and {@code log.*} settings: the admin listener and the access log. */
public final class AdminSettings {
  public static final Section SECTION = Section.of("", "Administration and logs");

  public static final Setting<String> HOST = SECTION.string("admin.host", "127.0.0.1",
      "Address the admin listener binds.");
  public static final Setting<Integer> PORT = SECTION.port("admin.port", "9090",
      "Admin listener port (/health, /status, /metrics, /purge); 0: any free port.");
  public static final Setting<String> TOKEN = SECTION.live().string("admin.token", "",
      "Bearer token that purge requests must carry; empty: purge disabled.");
  public static final Setting<String> ACCESS_LOG = SECTION.string("log.access-file", "",
      "Access log in Squid's native format; empty: no access log.");
  public static final Setting<Long> ACCESS_LOG_MAX = SECTION.live().size("log.max-bytes", "100MB",
      "Rotate the access log when it grows past this.");
  public static final Setting<Integer> ACCESS_LOG_KEEP = SECTION.live().positive("log.keep", "5",
      "Rotated access logs kept (file.1 ... file.N).");

  private AdminSettings() {}
}
