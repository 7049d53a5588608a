package io.shoal.traces.gen;

/**
 * The SURGE request sequence: an LRU stack of the files that still have requests left, from
 * which each step takes the file at a lognormal stack depth, moves it to the top, and drops it
 * when its requests run out. The top of the stack is the end of the array, so a move costs
 * the depth and a drop of the top is free.
 */
final class Sequence {
  private final long[] left;
  private final int[] stack;
  private final Sampler sampler;
  private int depth;

  Sequence(long[] counts, Sampler sampler) {
    this.left = counts.clone();
    this.sampler = sampler;
    this.stack = initialOrder(counts, sampler);
    this.depth = stack.length;
  }

  /**
   * The files with requests, in a random order weighted by their counts (the heaviest tend to
   * be on top): sorted by {@code U^(1/count)} (Efraimidis and Spirakis), largest last.
   */
  private static int[] initialOrder(long[] counts, Sampler sampler) {
    int n = 0;
    for (long c : counts) {
      if (c > 0) {
        n++;
      }
    }
    double[] keys = new double[n];
    int[] files = new int[n];
    for (int i = 0, j = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        keys[j] = Math.log(sampler.uniform()) / counts[i];
        files[j++] = i;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Double.compare(keys[a], keys[b])
        : Integer.compare(files[a], files[b]));
    int[] stack = new int[n];
    for (int i = 0; i < n; i++) {
      stack[i] = files[order[i]];
    }
    return stack;
  }

  /** The next file; there must be requests left. */
  int next() {
    double distance = sampler.lognormal(SurgeModel.STACK_MU, SurgeModel.STACK_SIGMA);
    int fromTop = (int) Math.min(depth - 1, Math.floor(distance));
    int at = depth - 1 - fromTop;
    int file = stack[at];
    System.arraycopy(stack, at + 1, stack, at, fromTop);
    stack[depth - 1] = file;
    if (--left[file] == 0) {
      depth--;
    }
    return file;
  }
}
