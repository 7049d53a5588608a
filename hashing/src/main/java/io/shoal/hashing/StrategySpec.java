package io.shoal.hashing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed strategy spec: {@code name} or {@code name(a=1,b=x)}. Values may be specs themselves
 * ({@code over=maglev(size=251)}). Parameters without a key are taken in the order the strategy
 * declares its parameters.
 */
public final class StrategySpec {
  private final String text;
  private final String name;
  private final List<String> positional;
  private final Map<String, String> named;

  private StrategySpec(String text, String name, List<String> positional, Map<String, String> named) {
    this.text = text;
    this.name = name;
    this.positional = positional;
    this.named = named;
  }

  /** Parses {@code text}; fails with a message naming the spec and what was expected. */
  public static StrategySpec parse(String text) {
    String spec = text.strip();
    int open = spec.indexOf('(');
    if (open < 0) {
      requireName(text, spec);
      return new StrategySpec(text, spec, List.of(), Map.of());
    }
    if (!spec.endsWith(")")) {
      throw new IllegalArgumentException("strategy '" + text + "': missing ')' at the end");
    }
    String name = spec.substring(0, open).strip();
    requireName(text, name);
    List<String> positional = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    for (String part : splitTopLevel(text, spec.substring(open + 1, spec.length() - 1))) {
      int eq = part.indexOf('=');
      int paren = part.indexOf('(');
      if (eq < 0 || (paren >= 0 && paren < eq)) {
        if (!named.isEmpty()) {
          throw new IllegalArgumentException("strategy '" + text + "': parameter '" + part
              + "' without a key after keyed ones (expected: key=value)");
        }
        positional.add(part);
      } else if (named.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException("strategy '" + text + "': parameter '"
            + part.substring(0, eq).strip() + "' given twice");
      }
    }
    return new StrategySpec(text, name, List.copyOf(positional), named);
  }

  private static void requireName(String text, String name) {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("strategy '" + text
          + "': bad name '" + name + "' (expected: lower-case letters, digits and '-')");
    }
  }

  private static List<String> splitTopLevel(String text, String args) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= args.length(); i++) {
      char c = i == args.length() ? ',' : args.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        throw new IllegalArgumentException("strategy '" + text + "': unbalanced ')'");
      } else if (c == ',' && depth == 0) {
        String part = args.substring(start, i).strip();
        if (part.isEmpty()) {
          throw new IllegalArgumentException("strategy '" + text + "': empty parameter");
        }
        parts.add(part);
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("strategy '" + text + "': unbalanced '('");
    }
    return parts;
  }

  public String name() {
    return name;
  }

  boolean has(String key) {
    return named.containsKey(key);
  }

  StrategySpec with(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(named);
    more.put(key, value);
    return new StrategySpec(text, name, positional, more);
  }

  /** This spec with positional parameters named and missing ones set from {@code defaults}. */
  StrategySpec withDefaults(Map<String, String> defaults) {
    List<String> keys = new ArrayList<>(defaults.keySet());
    if (positional.size() > keys.size()) {
      throw new IllegalArgumentException("strategy '" + text + "': " + positional.size()
          + " parameters (expected: at most " + keys.size() + (keys.isEmpty() ? "" : ": " + keys) + ")");
    }
    Map<String, String> all = new LinkedHashMap<>(defaults);
    for (int i = 0; i < positional.size(); i++) {
      all.put(keys.get(i), positional.get(i));
    }
    for (Map.Entry<String, String> e : named.entrySet()) {
      if (!defaults.containsKey(e.getKey())) {
        throw new IllegalArgumentException("strategy '" + text + "': unknown parameter '"
            + e.getKey() + "' (expected " + (keys.isEmpty() ? "none" : "one of: " + keys) + ")");
      }
      if (givenPositionally(positional, keys, e.getKey())) {
        throw new IllegalArgumentException("strategy '" + text + "': parameter '" + e.getKey()
            + "' given twice");
      }
      all.put(e.getKey(), e.getValue());
    }
    return new StrategySpec(text, name, List.of(), all);
  }

  private static boolean givenPositionally(List<String> positional, List<String> keys, String key) {
    int index = keys.indexOf(key);
    return index >= 0 && index < positional.size();
  }

  String string(String key) {
    return named.get(key);
  }

  int intValue(String key) {
    try {
      return Integer.parseInt(named.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, "an integer");
    }
  }

  long longValue(String key) {
    try {
      return Long.parseLong(named.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, "an integer");
    }
  }

  double doubleValue(String key) {
    try {
      return Double.parseDouble(named.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, "a number");
    }
  }

  private IllegalArgumentException bad(String key, String expected) {
    return new IllegalArgumentException("strategy '" + text + "': " + key + "='"
        + named.get(key) + "' (expected: " + expected + ")");
  }

  @Override
  public String toString() {
    return text;
  }
}
