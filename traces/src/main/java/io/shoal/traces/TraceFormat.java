package io.shoal.traces;

import io.shoal.base.registry.Registry;
import io.shoal.traces.clf.ClfTraceReader;
import io.shoal.traces.clf.ClfTraceWriter;
import io.shoal.traces.squid.SquidTraceReader;
import io.shoal.traces.squid.SquidTraceWriter;
import io.shoal.traces.surge.SurgeTraceReader;
import io.shoal.traces.ucb.UcbTraceReader;
import io.shoal.traces.urls.UrlsTraceReader;
import io.shoal.traces.urls.UrlsTraceWriter;
import io.shoal.traces.webcachesim.WebcachesimTraceReader;
import io.shoal.traces.webcachesim.WebcachesimTraceWriter;
import io.shoal.traces.weighted.WeightedTraceReader;
import io.shoal.traces.weighted.WeightedTraceWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every trace format the CLI, the config and the tests know, by name, through the one registry
 * shape ({@link #registry()}). Adding a format is one reader class (and optionally one writer)
 * plus one line here.
 */
public enum TraceFormat {
  SQUID("squid", "Squid native access.log (what Shoal nodes write)",
      SquidTraceReader.FIELDS, SquidTraceReader::new, SquidTraceWriter::new),
  CLF("clf", "Common Log Format (Apache, nginx)",
      ClfTraceReader.FIELDS, ClfTraceReader::common, ClfTraceWriter::common),
  COMBINED("combined", "Combined Log Format (Apache, nginx)",
      ClfTraceReader.FIELDS, ClfTraceReader::combined, ClfTraceWriter::combined),
  UCB("ucb", "UC Berkeley Home IP trace (binary, Internet Traffic Archive)",
      UcbTraceReader.FIELDS, UcbTraceReader::new, null),
  WEBCACHESIM("webcachesim", "webcachesim's 'time id size' lines (the BU 1998 trace)",
      WebcachesimTraceReader.FIELDS, WebcachesimTraceReader::new, WebcachesimTraceWriter::new),
  SURGE("surge", "a SURGE workload: a directory of mout.txt, objout.txt, name.txt",
      SurgeTraceReader.FIELDS, SurgeTraceReader::new, null),
  URLS("urls", "a plain list of URLs, each optionally followed by its size",
      UrlsTraceReader.FIELDS, UrlsTraceReader::new, UrlsTraceWriter::new),
  WEIGHTED("weighted", "'count size key' lines, replayed as a draw by weight ('trace top')",
      WeightedTraceReader.FIELDS, WeightedTraceReader::new, WeightedTraceWriter::new);

  private final String id;
  private final String summary;
  private final Set<TraceField> fields;
  private final Function<TraceSource, TraceReader> reader;
  private final BiFunction<Writer, String, TraceWriter> writer;

  TraceFormat(String id, String summary, Set<TraceField> fields,
      Function<TraceSource, TraceReader> reader,
      BiFunction<Writer, String, TraceWriter> writer) {
    this.id = id;
    this.summary = summary;
    this.fields = fields;
    this.reader = reader;
    this.writer = writer;
  }

  private static final Registry<TraceFormat> REGISTRY = Registry.<TraceFormat>builder("trace format")
      .ignoringCase().addConstants(List.of(values()), TraceFormat::id, TraceFormat::summary).build();

  /** The registry of every format: name, summary, and the format itself. */
  public static Registry<TraceFormat> registry() {
    return REGISTRY;
  }

  /**
   * The format named {@code id}, whatever its case.
   *
   * @throws IllegalArgumentException {@code trace format: "id" (expected one of: squid, ...)}
   */
  public static TraceFormat named(String id) {
    return REGISTRY.create(id);
  }

  /** The names of all formats, comma-separated. */
  public static String names() {
    return String.join(", ", REGISTRY.names());
  }

  /** The names of the formats that can be written, comma-separated. */
  public static String writableNames() {
    return Arrays.stream(values()).filter(TraceFormat::writable).map(TraceFormat::id)
        .collect(Collectors.joining(", "));
  }

  /** The name used in {@code FORMAT:PATH}. */
  public String id() {
    return id;
  }

  /** One line on what the format is. */
  public String summary() {
    return summary;
  }

  /** The request fields the format carries. */
  public Set<TraceField> fields() {
    return fields;
  }

  /** Whether Shoal can write this format. */
  public boolean writable() {
    return writer != null;
  }

  /** A reader of {@code source} in this format. */
  public TraceReader reader(TraceSource source) {
    return reader.apply(source);
  }

  /**
   * A writer of this format to {@code out}, which it closes ({@code name} is for messages); an
   * {@link
   * IllegalArgumentException} if the format cannot be written. Writers buffer nothing
   * themselves: give them a buffered writer.
   */
  public TraceWriter writer(Writer out, String name) {
    if (writer == null) {
      throw new IllegalArgumentException("format: " + id + " cannot be written (expected: one of "
          + writableNames() + ")");
    }
    return writer.apply(out, name);
  }

  @Override
  public String toString() {
    return id;
  }
}
