package io.shoal.node;

import java.util.List;

/** Writes the commented reference {@code shoal.yaml}: every setting, its description and default. */
final class ReferenceConfig {
  private ReferenceConfig() {}

  static String yaml() {
    StringBuilder b = new StringBuilder();
    b.append("# shoal.yaml reference: every setting of a node with its default.\n")
        .append("# Give a file with 'shoal node --config FILE'; override any setting on the command\n")
        .append("# line with '--set name=value' (e.g. --set cache.size=1GB). Sizes: 512KB, 256MB, 1GB;\n")
        .append("# durations: 500ms, 30s, 5m, 1h, 1d; lists: [a, b] (or a,b on the command line).\n")
        .append("# Generated from io.shoal.node.Settings; a test keeps the two in step.\n");
    String[] open = new String[0];
    for (Setting<?> s : Settings.all()) {
      String[] parts = s.name().split("\\.");
      int common = 0;
      while (common < open.length && common < parts.length - 1 && open[common].equals(parts[common])) {
        common++;
      }
      if (common == 0) {
        b.append('\n');
      }
      for (int i = common; i < parts.length - 1; i++) {
        b.append("  ".repeat(i)).append(parts[i]).append(":\n");
      }
      String indent = "  ".repeat(parts.length - 1);
      b.append(indent).append("# ").append(s.description()).append('\n');
      b.append(indent).append(parts[parts.length - 1]).append(": ").append(value(s)).append('\n');
      open = java.util.Arrays.copyOf(parts, parts.length - 1);
    }
    return b.toString();
  }

  private static String value(Setting<?> s) {
    Object parsed = s.parse(s.defaultText());
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

  public static void main(String[] args) {
    System.out.print(yaml());
  }
}
