package io.shoal.base.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec as written: {@code name} or {@code name(a=1,b=x)}. Values may be specs themselves
 * ({@code over=maglev(size=251)}); parameters without a key come first and are taken in the
 * order the entry declares its parameters.
 */
record Spec(String text, String name, List<String> positional, Map<String, String> named) {
  private static final String NAME = "[a-z][a-z0-9-]*";

  /** Parses {@code text}; fails with {@code kind: "text": what is wrong}. */
  static Spec parse(String kind, String text) {
    String spec = text.strip();
    int open = spec.indexOf('(');
    if (open < 0) {
      return new Spec(text, spec, List.of(), Map.of());
    }
    if (!spec.endsWith(")")) {
      throw bad(kind, text, "missing ')' at the end");
    }
    List<String> positional = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    for (String part : splitTopLevel(kind, text, spec.substring(open + 1, spec.length() - 1))) {
      int eq = part.indexOf('=');
      int paren = part.indexOf('(');
      if (eq < 0 || (paren >= 0 && paren < eq)) {
        if (!named.isEmpty()) {
          throw bad(kind, text, "parameter: \"" + part + "\" (expected: key=value after keyed parameters)");
        }
        positional.add(part);
      } else if (named.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip()) != null) {
        throw bad(kind, text, part.substring(0, eq).strip() + ": given twice");
      }
    }
    return new Spec(text, spec.substring(0, open).strip(), List.copyOf(positional), named);
  }

  private static List<String> splitTopLevel(String kind, String text, String args) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= args.length(); i++) {
      char c = i == args.length() ? ',' : args.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        throw bad(kind, text, "unbalanced ')'");
      } else if (c == ',' && depth == 0) {
        String part = args.substring(start, i).strip();
        if (part.isEmpty()) {
          throw bad(kind, text, "empty parameter");
        }
        parts.add(part);
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw bad(kind, text, "unbalanced '('");
    }
    return parts;
  }

  /** {@code name} if it is lower-case letters, digits and '-', starting with a letter. */
  static String requireName(String what, String name) {
    if (name == null || !name.matches(NAME)) {
      throw new IllegalArgumentException(what + ": \"" + name
          + "\" (expected: lower-case letters, digits and '-', starting with a letter)");
    }
    return name;
  }

  /** {@code kind: "text": problem}, the shape of every message about a spec. */
  static IllegalArgumentException bad(String kind, String text, String problem) {
    return new IllegalArgumentException(kind + ": \"" + text + "\": " + problem);
  }
}
