package io.shoal.bench.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Every report format, by name: the one registry the CLI and the tests read. */
public enum ReportFormat {
  TABLE("table", "a table for people: one column per run", TableReport::new),
  CSV("csv", "RFC 4180 CSV: a header and one row per run", CsvReport::new),
  JSON("json", "a JSON array, one object per run", JsonReport::new);

  private final String id;
  private final String description;
  private final Supplier<Report> factory;

  ReportFormat(String id, String description, Supplier<Report> factory) {
    this.id = id;
    this.description = description;
    this.factory = factory;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** A new writer of this format. */
  public Report report() {
    return factory.get();
  }

  /**
   * The format named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known formats
   */
  public static ReportFormat named(String name) {
    for (ReportFormat f : values()) {
      if (f.id.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("format: \"" + name + "\" (expected: one of " + names() + ")");
  }

  /** The names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
  }
}
