package io.shoal.traces;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the bytes of a trace come from: a file, a class-path resource ({@code
 * classpath:NAME}, looked up as {@code NAME} and then as {@code traces/NAME}, so the bundled
 * {@code classpath:bu-1998-webcachesim.tr.gz} works), standard input ({@code -}), or bytes in
 * memory.
 * Decompression is not done here but by the readers, which sniff the bytes.
 */
public final class TraceSource {
  private static final String CLASSPATH = "classpath:";

  private final String location;
  private final Path file;
  private final String resource;
  private final byte[] bytes;
  private final AtomicLong position = new AtomicLong();

  private TraceSource(String location, Path file, String resource) {
    this(location, file, resource, null);
  }

  private TraceSource(String location, Path file, String resource, byte[] bytes) {
    this.location = location;
    this.file = file;
    this.resource = resource;
    this.bytes = bytes;
  }

  /**
   * The source at {@code location}: a path, {@code classpath:NAME} or {@code -}. Fails with a
   * {@link TraceException} if the file or resource does not exist.
   */
  public static TraceSource of(String location) {
    Objects.requireNonNull(location, "location");
    if (location.isEmpty()) {
      throw new IllegalArgumentException("location: \"\" (expected: a path, classpath:NAME or -)");
    }
    if (location.equals("-")) {
      return new TraceSource("<stdin>", null, null);
    }
    if (location.startsWith(CLASSPATH)) {
      String name = location.substring(CLASSPATH.length());
      String found = findResource(name);
      if (found == null) {
        throw TraceException.of(location, "no such class-path resource (looked for " + name
            + " and traces/" + name + ")", null);
      }
      return new TraceSource(location, null, found);
    }
    Path path = Path.of(location);
    if (!Files.exists(path)) {
      throw TraceException.of(location, "no such file", null);
    }
    return new TraceSource(location, path, null);
  }

  /** A file source. */
  public static TraceSource of(Path file) {
    return new TraceSource(file.toString(), file, null);
  }

  /** A source of these bytes (not copied), called {@code name} in messages. */
  public static TraceSource of(String name, byte[] bytes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
    return new TraceSource(name, null, null, bytes);
  }

  private static String findResource(String name) {
    String bare = name.startsWith("/") ? name.substring(1) : name;
    for (String candidate : new String[] {bare, "traces/" + bare}) {
      if (!candidate.isEmpty() && TraceSource.class.getClassLoader().getResource(candidate) != null) {
        return candidate;
      }
    }
    return null;
  }

  /** The name used in messages: the path, the {@code classpath:} spec, or {@code <stdin>}. */
  public String name() {
    return location;
  }

  /** Whether this is a directory on disk (for formats that read several files). */
  public boolean isDirectory() {
    return file != null && Files.isDirectory(file);
  }

  /**
   * The source named {@code child} inside this directory or class-path folder (for formats
   * that read several files, like Surge's).
   */
  public TraceSource resolve(String child) {
    if (file != null) {
      return new TraceSource(file.resolve(child).toString(), file.resolve(child), null);
    }
    if (resource != null) {
      return of(location + "/" + child);
    }
    throw TraceException.of(location, "cannot hold other files (expected: a directory)", null);
  }

  /** The size in bytes of the raw (possibly compressed) file, or -1 if not a file. */
  public long length() {
    try {
      if (bytes != null) {
        return bytes.length;
      }
      return file != null && Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * How many raw bytes have been read from this source so far (for progress against {@link
   * #length()}).
   */
  public long position() {
    return position.get();
  }

  /** Opens the raw (possibly compressed) bytes. */
  public InputStream openRaw() {
    return new FilterInputStream(openUncounted()) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          position.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          position.addAndGet(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        position.addAndGet(skipped);
        return skipped;
      }
    };
  }

  private InputStream openUncounted() {
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    try {
      if (file != null) {
        if (Files.isDirectory(file)) {
          throw TraceException.of(location, "is a directory (expected: a file)", null);
        }
        return Files.newInputStream(file);
      }
      if (resource != null) {
        InputStream in = TraceSource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
          throw TraceException.of(location, "no such class-path resource", null);
        }
        return in;
      }
      return new FilterInputStream(System.in) {
        @Override
        public void close() {
          // Standard input belongs to the process.
        }
      };
    } catch (NoSuchFileException e) {
      throw TraceException.of(location, "no such file", e);
    } catch (IOException e) {
      throw TraceException.of(location, "cannot open: " + e, e);
    }
  }

  @Override
  public String toString() {
    return location;
  }
}
