package io.shoal.traces.gen;

/**
 * The parameters of the SURGE model (Barford and Crovella, "Generating Representative Web
 * Workloads for Network and Server Performance Evaluation", SIGMETRICS 1998, Table 1), as
 * used by {@link SurgeGenerator}. Sizes are in bytes, times in seconds.
 */
public final class SurgeModel {
  /** File sizes, body: lognormal µ. */
  public static final double SIZE_BODY_MU = 9.357;
  /** File sizes, body: lognormal σ. */
  public static final double SIZE_BODY_SIGMA = 1.318;
  /** File sizes, tail: Pareto k (where the tail starts), 133 KB. */
  public static final double SIZE_TAIL_K = 133_000;
  /** File sizes, tail: Pareto α. */
  public static final double SIZE_TAIL_ALPHA = 1.1;
  /** Largest file generated (the Pareto tail has no finite variance), 1 GiB. */
  public static final long MAX_SIZE = 1L << 30;
  /** Temporal locality: LRU stack distance, lognormal µ. */
  public static final double STACK_MU = 1.5;
  /** Temporal locality: LRU stack distance, lognormal σ. */
  public static final double STACK_SIGMA = 0.80;
  /** Embedded references per object: Pareto k. */
  public static final double EMBEDDED_K = 1;
  /** Embedded references per object: Pareto α. */
  public static final double EMBEDDED_ALPHA = 2.43;
  /** Most embedded references per object (SURGE's OBJLIMIT). */
  public static final int MAX_EMBEDDED = 150;
  /** Think (inactive OFF) times between objects: Pareto k. */
  public static final double THINK_K = 1;
  /** Think (inactive OFF) times between objects: Pareto α. */
  public static final double THINK_ALPHA = 1.5;
  /** Active OFF times between the files of an object: Weibull shape α. */
  public static final double ACTIVE_OFF_ALPHA = 1.46;
  /** Active OFF times between the files of an object: Weibull scale β. */
  public static final double ACTIVE_OFF_BETA = 0.382;

  private SurgeModel() {}
}
