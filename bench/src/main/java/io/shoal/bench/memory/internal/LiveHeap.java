package io.shoal.bench.memory.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.stream.Collectors;

/** The live heap of this JVM: heap in use right after full collections. */
public final class LiveHeap {
  private static final int COLLECTIONS = 4;

  private LiveHeap() {}

  /**
   * Bytes of heap in use right after the last of {@value #COLLECTIONS} {@code System.gc()} calls,
   * summed over the heap pools. With {@code -XX:+UseSerialGC} each is a full, compacting
   * collection, so this is the live heap. The usage after the collection, not now: the buffers
   * threads take right after it would add megabytes of noise.
   */
  public static long bytes() {
    for (int i = 0; i < COLLECTIONS; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
        .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
  }

  /** The collectors of this JVM, e.g. {@code Copy, MarkSweepCompact} for the serial collector. */
  public static String collectors() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
  }

  /** Whether the collector is the serial one, whose {@code System.gc()} is a full compaction. */
  public static boolean serial() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .anyMatch(gc -> gc.getName().equals("MarkSweepCompact"));
  }
}
