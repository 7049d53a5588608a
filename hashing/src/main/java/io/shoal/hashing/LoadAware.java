package io.shoal.hashing;

/**
 * A strategy whose placement follows reported load. It never reads a clock or the machine: the
 * cluster feeds it a view whose members carry their loads, and the time of the report.
 */
public interface LoadAware {

  /**
   * Takes the loads carried by {@code view}'s members, reported at {@code nowMillis}.
   *
   * @return whether placement changed
   */
  boolean updateLoads(View view, long nowMillis);
}
