package io.shoal.base.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked values of an entry's parameters, every one present: given in the spec, else from
 * the caller's context, else the parameter's default. What an entry's factory reads.
 */
public final class Arguments {
  private final Map<String, String> values;

  private Arguments(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Binds {@code spec} to {@code parameters}: positional values in declaration order, then keyed
   * ones; a parameter not given takes {@code context}'s value if it has one, else its default.
   */
  static Arguments bind(String kind, Spec spec, List<Parameter> parameters, Map<String, String> context) {
    List<String> keys = parameters.stream().map(Parameter::name).toList();
    List<String> positional = spec.positional();
    if (positional.size() > keys.size()) {
      throw Spec.bad(kind, spec.text(), positional.size() + (positional.size() == 1 ? " parameter" : " parameters")
          + " (expected: at most " + keys.size() + (keys.isEmpty() ? "" : ": " + String.join(", ", keys)) + ")");
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < positional.size(); i++) {
      given.put(keys.get(i), positional.get(i));
    }
    for (Map.Entry<String, String> e : spec.named().entrySet()) {
      if (!keys.contains(e.getKey())) {
        throw Spec.bad(kind, spec.text(), Registry.unknown("parameter", e.getKey(), keys).getMessage());
      }
      if (given.put(e.getKey(), e.getValue()) != null) {
        throw Spec.bad(kind, spec.text(), e.getKey() + ": given twice");
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      String value = given.getOrDefault(p.name(), context.getOrDefault(p.name(), p.defaultValue().orElse(null)));
      if (value == null) {
        throw Spec.bad(kind, spec.text(), p.name() + ": missing (expected: " + p.expected() + ")");
      }
      if (!p.accepts(value)) {
        throw Spec.bad(kind, spec.text(), p.name() + ": \"" + value + "\" (expected: " + p.expected() + ")");
      }
      values.put(p.name(), value);
    }
    return new Arguments(values);
  }

  /** The value of parameter {@code name} as given. */
  public String string(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("parameter: \"" + name + "\" (expected one of: "
          + String.join(", ", values.keySet()) + ")");
    }
    return value;
  }

  /** The value of an {@link Parameter#integer integer} parameter. */
  public int intValue(String name) {
    return Integer.parseInt(string(name));
  }

  /** The value of a {@link Parameter#longInteger longInteger} parameter. */
  public long longValue(String name) {
    return Long.parseLong(string(name));
  }

  /** The value of a {@link Parameter#number number} parameter. */
  public double doubleValue(String name) {
    return Double.parseDouble(string(name));
  }

  /** Every value by parameter name, in declaration order. */
  public Map<String, String> values() {
    return Collections.unmodifiableMap(values);
  }
}
