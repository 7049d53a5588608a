package io.shoal.distiller.internal;

import java.util.Objects;

/** The one shape of the names the distiller takes (profiles, distillers, a client header). */
public final class Names {
  private Names() {}

  /** Fails unless {@code value} is a non-empty run of letters, digits, '-', '_' and '.'. */
  public static String token(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!value.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(what + ": \"" + value
          + "\" (expected: letters, digits, '-', '_' or '.', at least one)");
    }
    return value;
  }
}
