package io.shoal.hashing.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A hash ring: points in ascending order, each owned by a member index. A key hashed to
 * {@code h} belongs to the first point at or after {@code h}, wrapping to the first point.
 * Points compare as signed longs; callers map their hash space onto that order.
 */
public final class Ring {
  private final long[] points;
  private final int[] owners;
  private final int memberCount;

  private Ring(long[] points, int[] owners, int memberCount) {
    this.points = points;
    this.owners = owners;
    this.memberCount = memberCount;
  }

  /**
   * A ring of the given points, sorted by point and, for equal points, by member index, so the
   * result does not depend on insertion order.
   */
  public static Ring of(long[] points, int[] owners, int memberCount) {
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
    return new Ring(sortedPoints, sortedOwners, memberCount);
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
    int lo = 0;
    int hi = points.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (points[mid] < h) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == points.length ? 0 : lo;
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
