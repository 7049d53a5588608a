package io.shoal.bench.simulate;

import io.shoal.bench.simulate.CalibrationKeys.TraceParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The calibration file: {@code key=value} lines, blank lines and {@code #} or {@code !} comments,
 * as Java properties without escapes or continued lines. Every error names the file, the line
 * and the key.
 */
final class CalibrationFile {
  private final String where;
  private final Calibration.Builder builder = Calibration.builder();
  private final Map<String, TraceParts> traces = new LinkedHashMap<>();
  private final Map<String, Integer> seen = new HashMap<>();

  private CalibrationFile(Path file) {
    this.where = "calibration " + file;
  }

  static Calibration read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("calibration " + file + ": cannot read (" + e + ")", e);
    }
    CalibrationFile f = new CalibrationFile(file);
    for (int i = 0; i < lines.size(); i++) {
      f.line(i + 1, lines.get(i).strip());
    }
    return f.build();
  }

  private void line(int n, String text) {
    if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
      return;
    }
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw error(n, "\"" + text + "\" (expected: key=value)");
    }
    String key = text.substring(0, eq).strip();
    String value = text.substring(eq + 1).strip();
    Integer first = seen.putIfAbsent(key, n);
    if (first != null) {
      throw error(n, "key \"" + key + "\": repeated (expected: once; first on line " + first + ")");
    }
    try {
      set(key, value);
    } catch (IllegalArgumentException e) {
      throw error(n, e.getMessage());
    }
  }

  private void set(String key, String value) {
    for (CalibrationKey<Calibration, Calibration.Builder, ?> k : CalibrationKeys.GLOBAL) {
      if (k.name().equals(key)) {
        k.read(builder, key, value);
        return;
      }
    }
    if (key.startsWith("trace.")) {
      for (CalibrationKey<Calibration.Trace, TraceParts, ?> k : CalibrationKeys.TRACE) {
        String name = key.endsWith("." + k.name()) ? key.substring(6, key.length() - k.name().length() - 1) : "";
        if (!name.isEmpty() && !name.endsWith(".cpu") && !name.endsWith(".cpu.forward")) {
          try {
            CalibrationKeys.traceName(name);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key \"" + key + "\": " + e.getMessage());
          }
          k.read(traces.computeIfAbsent(name, x -> new TraceParts()), key, value);
          return;
        }
      }
    }
    throw new IllegalArgumentException("key \"" + key + "\": unknown (expected: one of "
        + Stream.concat(CalibrationKeys.GLOBAL.stream().map(CalibrationKey::name),
            CalibrationKeys.TRACE.stream().map(k -> "trace.NAME." + k.name())).collect(Collectors.joining(", "))
        + ")");
  }

  private Calibration build() {
    for (CalibrationKey<Calibration, Calibration.Builder, ?> k : CalibrationKeys.GLOBAL) {
      if (k.required() && !k.isSet(builder)) {
        throw new IllegalArgumentException(where + ": " + k.missing(k.name()).getMessage());
      }
    }
    if (traces.isEmpty()) {
      throw new IllegalArgumentException(where + ": no trace (expected: at least one trace.NAME.spec with its"
          + " trace.NAME.cpu.* keys)");
    }
    traces.forEach((name, parts) -> {
      for (CalibrationKey<Calibration.Trace, TraceParts, ?> k : CalibrationKeys.TRACE) {
        if (!k.isSet(parts)) {
          throw new IllegalArgumentException(where + ": " + k.missing("trace." + name + "." + k.name()).getMessage());
        }
      }
      Double[] c = parts.cpu;
      builder.traces.put(name, new Calibration.Trace(name, parts.spec, new Calibration.Cpu(c[0], c[1], c[2], c[3],
          c[4])));
    });
    return builder.build();
  }

  private IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException(where + ": line " + line + ": " + message);
  }

  static void write(Calibration c, Path file) {
    List<String> out = new ArrayList<>();
    out.add("# Calibration of shoal bench simulate: the testbed's links, hosts and client, and per trace the CPU");
    out.add("# seconds a request costs each host. key=value lines; '#' starts a comment.");
    for (CalibrationKey<Calibration, Calibration.Builder, ?> k : CalibrationKeys.GLOBAL) {
      out.add("");
      entry(out, k, k.name(), c);
    }
    for (Calibration.Trace t : c.traces().values()) {
      out.add("");
      out.add("# trace " + t.name());
      for (CalibrationKey<Calibration.Trace, TraceParts, ?> k : CalibrationKeys.TRACE) {
        entry(out, k, "trace." + t.name() + "." + k.name(), t);
      }
    }
    try {
      Files.write(file, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("calibration " + file + ": cannot write (" + e + ")", e);
    }
  }

  private static <O, T> void entry(List<String> out, CalibrationKey<O, ?, T> k, String name, O owner) {
    out.add("# " + k.expected() + (k.required() ? "" : " (default " + k.format(k.defaultValue()) + ")"));
    out.add(name + "=" + k.format(k.get(owner)));
  }
}
