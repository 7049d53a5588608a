package io.shoal.hashing;

/**
 * A strategy with run-time state that every node must share for all to pick the same owner: the
 * coordinator exports it, the others import it.
 *
 * @param <S> an immutable snapshot of the state
 */
public interface Stateful<S> {

  /** A snapshot of the current state. */
  S exportState();

  /** Replaces the current state with {@code state}. */
  void importState(S state);
}
