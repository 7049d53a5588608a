package io.shoal.base.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a {@code shoal.yaml} into settings by dotted name, each with the line it was written on. */
final class ConfigFile {
  /** A setting's text and where it came from: {@code file} and {@code line}, or the command line (null, 0). */
  record Value(String text, String file, int line) {
    /** {@code cause}'s message, preceded by the file and line when the value came from a file. */
    IllegalArgumentException error(IllegalArgumentException cause) {
      if (file == null) {
        return cause;
      }
      return new IllegalArgumentException("config " + file + ", line " + line + ": " + cause.getMessage(), cause);
    }
  }

  private static final Scalars SCALARS = new Scalars();

  private ConfigFile() {}

  static Map<String, Value> read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("config " + file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** The settings of a YAML document, by dotted name. */
  static Map<String, Value> read(Reader yaml, String source) {
    Node doc;
    try {
      doc = new Yaml(new LoaderOptions()).compose(yaml);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("config " + source + ": not valid YAML: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    Map<String, Value> out = new LinkedHashMap<>();
    if (doc == null) {
      return out;
    }
    if (!(doc instanceof MappingNode)) {
      throw new IllegalArgumentException("config " + source + ": expected a mapping of settings at the top level");
    }
    flatten("", (MappingNode) doc, source, out);
    return out;
  }

  private static void flatten(String prefix, MappingNode map, String source, Map<String, Value> out) {
    for (NodeTuple t : map.getValue()) {
      String name = prefix + text(t.getKeyNode(), source);
      Node v = t.getValueNode();
      int line = v.getStartMark().getLine() + 1;
      if (v instanceof MappingNode) {
        flatten(name + ".", (MappingNode) v, source, out);
      } else if (v instanceof SequenceNode) {
        String list = ((SequenceNode) v).getValue().stream().map(n -> text(n, source))
            .collect(Collectors.joining(","));
        out.put(name, new Value(list, source, line));
      } else {
        out.put(name, new Value(text(v, source), source, line));
      }
    }
  }

  /**
   * A scalar's value as text. Booleans and numbers are read as YAML 1.1 reads them, as a YAML
   * loader would ({@code yes} and {@code True} are true, {@code 0x0C38} is 3128, {@code 010} is 8),
   * then written back; everything else is taken as written.
   */
  private static String text(Node node, String source) {
    if (!(node instanceof ScalarNode)) {
      throw new IllegalArgumentException("config " + source + ", line " + (node.getStartMark().getLine() + 1)
          + ": expected a single value here, not a " + (node instanceof MappingNode ? "mapping" : "list"));
    }
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return "";
    }
    if (tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return String.valueOf(SCALARS.construct(node));
    }
    return ((ScalarNode) node).getValue();
  }

  /** SnakeYAML's safe constructor, for one scalar at a time. */
  private static final class Scalars extends SafeConstructor {
    Scalars() {
      super(new LoaderOptions());
    }

    Object construct(Node node) {
      return constructObject(node);
    }
  }
}
