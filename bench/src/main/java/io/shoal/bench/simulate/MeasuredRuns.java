package io.shoal.bench.simulate;

import io.shoal.bench.paper.Arch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured runs of {@code bench paper}'s {@code runs.csv}: per run its trace, servers,
 * architecture, strategy and requests/s (columns {@code trace_name}, {@code servers}, {@code arch},
 * {@code strategy}, {@code requests_per_s}; the others are ignored). A run whose requests/s is
 * {@code n/a} is left out.
 */
public final class MeasuredRuns {
  /** One measured run. */
  public record Run(String trace, int servers, Arch arch, String strategy, double requestsPerSecond) {}

  private static final List<String> COLUMNS = List.of("trace_name", "servers", "arch", "strategy", "requests_per_s");

  private MeasuredRuns() {}

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException a missing column or a bad value: {@code runs FILE: line N:
   *     servers: "x" (expected: ...)}
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<Run> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("runs " + file + ": cannot read (" + e + ")", e);
    }
    String where = "runs " + file;
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(where + ": empty (expected: a CSV header with " + String.join(", ", COLUMNS)
          + ")");
    }
    List<String> header = fields(lines.get(0));
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = header.indexOf(COLUMNS.get(i));
      if (at[i] < 0) {
        throw new IllegalArgumentException(where + ": no column " + COLUMNS.get(i) + " (expected: a CSV header with "
            + String.join(", ", COLUMNS) + ")");
      }
    }
    List<Run> runs = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      List<String> f = fields(lines.get(n));
      String line = where + ": line " + (n + 1) + ": ";
      if (f.size() < header.size()) {
        throw new IllegalArgumentException(line + f.size() + " fields (expected: " + header.size() + ")");
      }
      String rate = f.get(at[4]);
      if (rate.equals("n/a")) {
        continue;
      }
      runs.add(new Run(f.get(at[0]), (int) number(line, "servers", f.get(at[1]), true),
          arch(line, f.get(at[2])), f.get(at[3]), number(line, "requests_per_s", rate, false)));
    }
    return runs;
  }

  private static Arch arch(String line, String text) {
    try {
      return Arch.named(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(line + e.getMessage(), e);
    }
  }

  private static double number(String line, String column, String text, boolean integer) {
    try {
      double v = integer ? Integer.parseInt(text) : Double.parseDouble(text);
      if (v >= 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(line + column + ": \"" + text + "\" (expected: "
        + (integer ? "an integer" : "a number") + " >= 0)");
  }

  /** The fields of one RFC 4180 line: commas split, double quotes quote, {@code ""} is a quote. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }
}
