package io.shoal.distiller;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Read access to the fields of an HTTP message, by case-insensitive name: every value of a field
 * in order, an empty list when it is absent. An embedder passes a method reference to its own
 * header type, e.g. {@code fields::getAll}.
 */
@FunctionalInterface
public interface Headers {

  /** Every value of the field {@code name} (any case), in order; empty when absent. */
  List<String> all(String name);

  /** The values of {@code name} joined with {@code ", "} (RFC 9110 §5.3), or null when absent. */
  default String get(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  /** No fields at all. */
  static Headers none() {
    return name -> List.of();
  }

  /** Fields from alternating names and values, e.g. {@code of("Save-Data", "on")}. */
  static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("namesAndValues: " + namesAndValues.length
          + " strings (expected: an even number, name then value)");
    }
    List<String> pairs = List.of(namesAndValues);
    return name -> {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < pairs.size(); i += 2) {
        if (pairs.get(i).equalsIgnoreCase(name)) {
          out.add(pairs.get(i + 1));
        }
      }
      return out;
    };
  }

  /** Fields from a map of single values; names compared without case. */
  static Headers of(Map<String, String> fields) {
    Objects.requireNonNull(fields, "fields");
    return name -> {
      for (Map.Entry<String, String> e : fields.entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return List.of(e.getValue());
        }
      }
      return List.of();
    };
  }
}
