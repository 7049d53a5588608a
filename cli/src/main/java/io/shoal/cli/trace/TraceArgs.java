package io.shoal.cli.trace;

import io.shoal.cli.options.Usage;
import io.shoal.traces.TraceException;
import io.shoal.traces.TraceFormat;
import io.shoal.traces.TraceReader;
import io.shoal.traces.TraceSource;
import io.shoal.traces.TraceWriter;
import io.shoal.traces.Traces;
import io.shoal.traces.internal.Decompression;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns {@code FORMAT:PATH} arguments into readers and writers; a bad spec is a usage error.
 * An output path of {@code -} is the command's standard output.
 */
final class TraceArgs {
  private TraceArgs() {}

  /** A reader of {@code spec} and its source (for progress). */
  static Opened open(CommandSpec command, String spec) {
    TraceFormat format = usage(command, () -> Traces.format(spec));
    TraceSource source = usage(command, () -> Traces.source(spec));
    return new Opened(format.reader(source), source);
  }

  /** A writer of {@code spec}. */
  static TraceWriter create(CommandSpec command, String spec) {
    TraceFormat format = usage(command, () -> Traces.format(spec));
    String path = usage(command, () -> Traces.path(spec));
    if (!format.writable()) {
      usage(command, () -> Traces.create(spec));
    }
    return format.writer(writer(command, path), name(path));
  }

  /** The (buffered, compressing on .gz and .xz) writer of {@code path}, or standard output. */
  static Writer writer(CommandSpec command, String path) {
    if (path.equals("-")) {
      return new FilterWriter(command.commandLine().getOut()) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    try {
      return new BufferedWriter(new OutputStreamWriter(
          Decompression.compress(Files.newOutputStream(Path.of(path)), path),
          StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw TraceException.of(path, "cannot create: " + e, e);
    }
  }

  /** The name of {@code path} in messages. */
  static String name(String path) {
    return path.equals("-") ? "<stdout>" : path;
  }

  static <T> T usage(CommandSpec command, Supplier<T> action) {
    return Usage.of(command, action);
  }

  /** A reader with its source. */
  record Opened(TraceReader reader, TraceSource source) {}
}
