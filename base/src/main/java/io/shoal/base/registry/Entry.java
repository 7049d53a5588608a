package io.shoal.base.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One registered thing of a kind: its name, a one-line summary, its parameters (in the order a
 * spec may give them without keys) and its factory.
 *
 * @param <T> what the factory makes
 */
public record Entry<T>(String name, String summary, List<Parameter> parameters,
    Function<Arguments, ? extends T> factory) {

  public Entry {
    Spec.requireName("name", name);
    Objects.requireNonNull(summary, "summary");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(factory, "factory");
    if (parameters.stream().map(Parameter::name).distinct().count() != parameters.size()) {
      throw new IllegalArgumentException(name + ": parameters " + parameters
          + " (expected: each name once)");
    }
  }

  /** A new instance from {@code spec}, whose name is this entry's. */
  T create(String kind, Spec spec, Map<String, String> context) {
    return factory.apply(Arguments.bind(kind, spec, parameters, context));
  }
}
