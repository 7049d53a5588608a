package io.shoal.distiller.internal;

import io.shoal.distiller.Outcome;

/** Thrown inside a distiller to give up on an object for a known reason; becomes a skipped result. */
final class Skip extends Exception {
  final Outcome outcome;

  Skip(Outcome outcome, String detail) {
    super(detail, null, false, false);
    this.outcome = outcome;
  }
}
