package io.shoal.hashing;

import java.util.Objects;

/**
 * One member of a view: its id (hashed by strategies exactly as written), its weight, and its
 * last reported load ({@link Double#NaN} when unknown).
 */
public record Member(String id, double weight, double load) {

  public Member {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("member id: empty (expected: a non-empty name)");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          "member " + id + ": weight " + weight + " (expected: a finite number > 0)");
    }
    if (load < 0 || Double.isInfinite(load)) {
      throw new IllegalArgumentException(
          "member " + id + ": load " + load + " (expected: >= 0, or NaN when unknown)");
    }
  }

  /** A member of weight 1 with no known load. */
  public static Member of(String id) {
    return new Member(id, 1, Double.NaN);
  }

  /** A member of the given weight with no known load. */
  public static Member of(String id, double weight) {
    return new Member(id, weight, Double.NaN);
  }

  /** Whether this member has reported a load. */
  public boolean hasLoad() {
    return !Double.isNaN(load);
  }

  /** This member with another load. */
  public Member withLoad(double newLoad) {
    return new Member(id, weight, newLoad);
  }
}
