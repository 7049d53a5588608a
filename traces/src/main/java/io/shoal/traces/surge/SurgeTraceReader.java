package io.shoal.traces.surge;

import io.shoal.traces.TraceException;
import io.shoal.traces.TraceField;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.TraceSource;
import io.shoal.traces.internal.Decompression;
import io.shoal.traces.internal.Line;
import io.shoal.traces.internal.LineReader;
import io.shoal.traces.internal.RequestStreams;
import io.shoal.traces.internal.SourceTraceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a SURGE workload from a directory holding SURGE's three files, as SURGE's own programs
 * write and read them:
 *
 * <ul>
 *   <li>{@code mout.txt} — one line per file, {@code refs size group}: the file's request
 *       count, its size in bytes, and its group (1 base, 2 embedded, 3 loner). A file's name is
 *       its 0-based line number, served as {@code /<name>.txt}.
 *   <li>{@code objout.txt} — one line per object: the names of the files it is made of, the
 *       base (or loner) file first, then its embedded files.
 *   <li>{@code name.txt} — the request sequence: 0-based object numbers (lines of {@code
 *       objout.txt}), whitespace-separated.
 * </ul>
 *
 * Each object request becomes one request per file of the object, in order, with the file's
 * size. A name or object number out of range is an error naming the file and line.
 */
public final class SurgeTraceReader extends SourceTraceReader {
  public static final Set<TraceField> FIELDS = Set.of(TraceField.KEY, TraceField.SIZE);

  public SurgeTraceReader(TraceSource dir) {
    super(dir, FIELDS);
  }

  @Override
  public Stream<TraceRequest> requests() {
    long[] sizes = readSizes(source.resolve("mout.txt"));
    int[][] objects = readObjects(source.resolve("objout.txt"), sizes.length);
    TraceRequest[] files = new TraceRequest[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      files[i] = TraceRequest.of("/" + i + ".txt", sizes[i]);
    }
    LineReader names = new LineReader(Decompression.open(source.resolve("name.txt")),
        source.resolve("name.txt").name());
    return RequestStreams.untilNull(new Supplier<>() {
      private Line line;
      private int[] object = new int[0];
      private int next;

      @Override
      public TraceRequest get() {
        while (next == object.length) {
          if (line == null || !line.hasField()) {
            line = names.next();
            if (line == null) {
              return null;
            }
            continue;
          }
          long index = line.nextLong("object");
          if (index >= objects.length) {
            throw line.bad("object", Long.toString(index),
                "an object number < " + objects.length + " (the lines of objout.txt)");
          }
          object = objects[(int) index];
          next = 0;
        }
        return files[object[next++]];
      }
    }).onClose(names::close);
  }

  private static long[] readSizes(TraceSource mout) {
    List<Long> sizes = new ArrayList<>();
    try (LineReader lines = new LineReader(Decompression.open(mout), mout.name())) {
      for (Line line = lines.next(); line != null; line = lines.next()) {
        if (line.isBlank()) {
          continue;
        }
        line.nextLong("refs");
        sizes.add(line.nextLong("size"));
        long group = line.nextLong("group");
        if (group < 1 || group > 3) {
          throw line.bad("group", Long.toString(group), "1 (base), 2 (embedded) or 3 (loner)");
        }
        line.expectEnd("end of line after 3 fields: refs size group");
      }
    }
    if (sizes.isEmpty()) {
      throw TraceException.of(mout.name(), "no files (expected: one line per file)", null);
    }
    return sizes.stream().mapToLong(Long::longValue).toArray();
  }

  private static int[][] readObjects(TraceSource objout, int fileCount) {
    List<int[]> objects = new ArrayList<>();
    try (LineReader lines = new LineReader(Decompression.open(objout), objout.name())) {
      for (Line line = lines.next(); line != null; line = lines.next()) {
        if (line.isBlank()) {
          continue;
        }
        List<Integer> files = new ArrayList<>();
        while (line.hasField()) {
          long file = line.nextLong("file");
          if (file >= fileCount) {
            throw line.bad("file", Long.toString(file),
                "a file name < " + fileCount + " (the lines of mout.txt)");
          }
          files.add((int) file);
        }
        objects.add(files.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    return objects.toArray(new int[0][]);
  }
}
