package io.shoal.node.internal.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access log: lines are queued by request threads and written by one background thread, so
 * a slow disk never stalls a request (when the queue is full, lines are dropped and counted).
 * The file is rotated to {@code file.1 ... file.N} when it grows past the size limit.
 */
public final class AccessLog implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
  private static final String STOP = new String("stop");
  private static final AccessLog OFF = new AccessLog();

  private final Path file;
  private final long maxBytes;
  private final int keep;
  private final BlockingQueue<String> queue;
  private final Thread writer;
  private final LongAdder dropped = new LongAdder();
  private BufferedWriter out;
  private long size;

  private AccessLog() {
    this.file = null;
    this.maxBytes = 0;
    this.keep = 0;
    this.queue = null;
    this.writer = null;
  }

  private AccessLog(Path file, long maxBytes, int keep) throws IOException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.queue = new ArrayBlockingQueue<>(65_536);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    open();
    this.writer = new Thread(this::run, "shoal-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** No access log. */
  public static AccessLog off() {
    return OFF;
  }

  /** An access log appending to {@code file}. */
  public static AccessLog to(Path file, long maxBytes, int keep) throws IOException {
    return new AccessLog(file, maxBytes, keep);
  }

  /** Whether lines are written (false for {@link #off()}: callers need not build them). */
  public boolean enabled() {
    return queue != null;
  }

  public void log(String line) {
    if (queue != null && !queue.offer(line)) {
      dropped.increment();
    }
  }

  /** Lines dropped because the writer fell behind. */
  public long dropped() {
    return dropped.sum();
  }

  private void open() throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    size = Files.size(file);
  }

  private void run() {
    List<String> batch = new ArrayList<>();
    try {
      while (true) {
        String first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 4096);
        for (String line : batch) {
          if (line == STOP) {
            out.flush();
            out.close();
            return;
          }
          write(line);
        }
        batch.clear();
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "access log " + file + " failed; no more lines are written", e);
    }
  }

  private void write(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (size + bytes.length > maxBytes && size > 0) {
      rotate();
    }
    out.write(line);
    out.write('\n');
    size += bytes.length;
  }

  private void rotate() throws IOException {
    out.close();
    for (int i = keep - 1; i >= 1; i--) {
      Path from = Path.of(file + "." + i);
      if (Files.exists(from)) {
        Files.move(from, Path.of(file + "." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, Path.of(file + ".1"), StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    try {
      queue.put(STOP);
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
