package io.shoal.hashing.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A hash ring: points in ascending order, each owned by a member index. A key hashed to
 * {@code h} belongs to the first point at or after {@code h}, wrapping to the first point.
 *
 * <p>Points live in one of two spaces: {@link Space#UNSIGNED_32} (values 0 to 2^32-1, as
 * libketama) or {@link Space#FLIPPED_64} (a 64-bit hash with its sign bit flipped, so signed
 * order is the hash's unsigned order). Lookups are O(1) on average: a table indexed by the top
 * bits of {@code h} says where to start the search.
 */
public final class Ring {

  /** The hash space of a ring's points. */
  public enum Space {
    UNSIGNED_32(32),
    FLIPPED_64(64);

    private final int bits;

    Space(int bits) {
      this.bits = bits;
    }

    /** The top {@code indexBits} bits of {@code h}, in unsigned order. */
    int bucket(long h, int indexBits) {
      return (int) ((bits == 64 ? h ^ Long.MIN_VALUE : h) >>> (bits - indexBits));
    }
  }

  private final long[] points;
  private final int[] owners;
  private final int memberCount;
  private final Space space;
  private final int indexBits;
  private final int[] firstAtOrAfter;

  private Ring(long[] points, int[] owners, int memberCount, Space space) {
    this.points = points;
    this.owners = owners;
    this.memberCount = memberCount;
    this.space = space;
    // About two buckets per point, so a lookup scans at most one or two points.
    this.indexBits = Math.min(20, Math.max(4, 33 - Integer.numberOfLeadingZeros(points.length)));
    this.firstAtOrAfter = new int[(1 << indexBits) + 1];
    int position = 0;
    for (int b = 0; b <= 1 << indexBits; b++) {
      while (position < points.length && space.bucket(points[position], indexBits) < b) {
        position++;
      }
      firstAtOrAfter[b] = position;
    }
  }

  /**
   * A ring of the given points, sorted by point and, for equal points, by member index, so the
   * result does not depend on insertion order.
   */
  public static Ring of(long[] points, int[] owners, int memberCount, Space space) {
    if (points.length != owners.length || points.length == 0) {
      throw new IllegalArgumentException("ring: " + points.length + " points, "
          + owners.length + " owners (expected: the same number, > 0)");
    }
    Integer[] order = IntStream.range(0, points.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> points[i]).thenComparingInt(i -> owners[i]));
    long[] sortedPoints = new long[points.length];
    int[] sortedOwners = new int[points.length];
    for (int i = 0; i < order.length; i++) {
      sortedPoints[i] = points[order[i]];
      sortedOwners[i] = owners[order[i]];
    }
    return new Ring(sortedPoints, sortedOwners, memberCount, space);
  }

  public int size() {
    return points.length;
  }

  public long point(int position) {
    return points[position];
  }

  public int owner(int position) {
    return owners[position];
  }

  /** The position of the first point {@code >= h}, or 0 when {@code h} is past the last point. */
  public int ceiling(long h) {
    int position = firstAtOrAfter[space.bucket(h, indexBits)];
    while (position < points.length && points[position] < h) {
      position++;
    }
    return position == points.length ? 0 : position;
  }

  /** The member index owning {@code h}. */
  public int ownerOf(long h) {
    return owners[ceiling(h)];
  }

  /** Distinct member indices met walking clockwise from {@code h}: the failover order. */
  public int[] walk(long h) {
    int[] order = new int[memberCount];
    boolean[] seen = new boolean[memberCount];
    int found = 0;
    int start = ceiling(h);
    for (int step = 0; step < points.length && found < memberCount; step++) {
      int owner = owners[(start + step) % points.length];
      if (!seen[owner]) {
        seen[owner] = true;
        order[found++] = owner;
      }
    }
    // Members with no point at all (possible only with degenerate weights) come last, in order.
    for (int i = 0; i < memberCount && found < memberCount; i++) {
      if (!seen[i]) {
        order[found++] = i;
      }
    }
    return order;
  }
}
