package io.shoal.base.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the commented reference {@code shoal.yaml} of a {@link Schema}: every setting with its
 * description, kind, scope, whether it is live, and its default, nested by name.
 */
public final class Reference {
  private Reference() {}

  /** The reference file: {@code header} lines as comments, then every setting. */
  public static String yaml(Schema schema, List<String> header) {
    StringBuilder b = new StringBuilder();
    header.forEach(line -> b.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Setting<?> s : schema.settings()) {
      Map<String, Object> node = tree;
      String[] parts = s.name().split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        node = child(node, parts[i]);
      }
      node.put(parts[parts.length - 1], s);
    }
    tree.forEach((name, v) -> {
      b.append('\n');
      write(b, name, v, 0);
    });
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String name) {
    return (Map<String, Object>) node.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder b, String name, Object v, int depth) {
    String indent = "  ".repeat(depth);
    if (v instanceof Map) {
      b.append(indent).append(name).append(":\n");
      ((Map<String, Object>) v).forEach((n, c) -> write(b, n, c, depth + 1));
      return;
    }
    Setting<?> s = (Setting<?>) v;
    b.append(indent).append("# ").append(s.description()).append('\n');
    b.append(indent).append("# (").append(s.unit()).append(", ").append(s.scope().text()).append(", ")
        .append(s.live() ? "live" : "on restart").append(")\n");
    b.append(indent).append(name).append(": ").append(value(s)).append('\n');
  }

  private static String value(Setting<?> s) {
    Object parsed = s.defaultValue();
    if (parsed instanceof List) {
      List<?> list = (List<?>) parsed;
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(quoted(String.valueOf(list.get(i))));
      }
      return b.append(']').toString();
    }
    String d = s.defaultText();
    return d.matches("[0-9]+(\\.[0-9]+)?|true|false") ? d : '"' + d + '"';
  }

  private static String quoted(String s) {
    return s.matches("[0-9]+") ? s : '"' + s + '"';
  }
}
