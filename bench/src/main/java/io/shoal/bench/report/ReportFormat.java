package io.shoal.bench.report;

import io.shoal.base.registry.Registry;
import java.util.List;
import java.util.function.Supplier;

/** Every report format, by name, through the one registry shape the CLI and the tests read. */
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

  private static final Registry<ReportFormat> REGISTRY = Registry.<ReportFormat>builder("report format")
      .ignoringCase().addConstants(List.of(values()), ReportFormat::id, ReportFormat::description).build();

  /** The registry of every format: name, summary, and the format itself. */
  public static Registry<ReportFormat> registry() {
    return REGISTRY;
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
   * @throws IllegalArgumentException {@code report format: "xml" (expected one of: table, csv, json)}
   */
  public static ReportFormat named(String name) {
    return REGISTRY.create(name);
  }

  /** The names, comma-separated. */
  public static String names() {
    return String.join(", ", REGISTRY.names());
  }
}
