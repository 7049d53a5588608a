package io.shoal.cli.bench;

import io.shoal.cli.options.Usage;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceWriter;
import io.shoal.traces.Traces;
import io.shoal.traces.gen.SurgeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The traces of {@code bench paper}: {@code bu} (the bundled BU 1998 trace), {@code surge}
 * (generated into the output directory) or any {@code FORMAT:PATH}, each with its name in the
 * tables.
 */
final class PaperTraces {
  static final String BU = "webcachesim:classpath:bu-1998-webcachesim.tr.gz";

  private PaperTraces() {}

  /**
   * Trace name in the tables -> "surge" or FORMAT:PATH. A bad format is a usage error; a missing
   * or unreadable file fails now, naming it, before anything starts.
   */
  static Map<String, String> named(CommandSpec spec, List<String> traces) {
    Map<String, String> named = new LinkedHashMap<>();
    for (String t : traces) {
      String s = t.strip();
      if (s.equals("surge") || s.equals("bu")) {
        named.put(s, s.equals("bu") ? BU : "surge");
        continue;
      }
      if (s.indexOf(':') <= 0) {
        throw Usage.error(spec, "--traces: \"" + s + "\" (expected: surge, bu or FORMAT:PATH)");
      }
      Usage.of(spec, () -> Traces.format(s));
      String file = Path.of(Traces.path(s)).getFileName() == null ? s : Path.of(Traces.path(s)).getFileName().toString();
      named.put(file.replaceAll("(\\.gz|\\.xz)$", "").replaceAll("[^A-Za-z0-9._-]", "_"), s);
    }
    for (String s : named.values()) {
      if (!s.equals("surge")) {
        try (Stream<?> requests = Traces.open(s).requests()) {
          requests.findFirst();
        }
      }
    }
    return named;
  }

  /**
   * The Surge trace of these parameters in {@code dir}, generated unless it is there already
   * (same parameters, same file); its FORMAT:PATH.
   */
  static String surge(CommandSpec spec, Path dir, int files, long requests, long seed) {
    Path file = dir.resolve(String.format(Locale.ROOT, "surge-%d-files-%d-requests-seed-%d.tr", files, requests, seed));
    if (!Files.isRegularFile(file)) {
      SurgeGenerator g = Usage.of(spec, () -> SurgeGenerator.builder()
          .files(files).requests(requests).seed(seed).build());
      Path partial = dir.resolve(file.getFileName() + ".part");
      try (TraceWriter w = Traces.create("webcachesim:" + partial); Stream<TraceRequest> rs = g.requests()) {
        rs.forEachOrdered(w::write);
      }
      try {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
    return "webcachesim:" + file;
  }
}
