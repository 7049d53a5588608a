package io.shoal.base.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings of one program, put together from the {@link Section sections} its components
 * declare: what {@link Config} loads and checks, and what the reference file lists, in order.
 */
public final class Schema {
  private final List<Section> sections;
  private final Map<String, Setting<?>> byName = new LinkedHashMap<>();

  private Schema(List<Section> sections) {
    this.sections = List.copyOf(sections);
    for (Section section : sections) {
      for (Setting<?> s : section.settings()) {
        if (byName.putIfAbsent(s.name(), s) != null) {
          throw new IllegalStateException("setting " + s.name() + " in two sections");
        }
      }
    }
  }

  public static Schema of(Section... sections) {
    return new Schema(List.of(sections));
  }

  public static Schema of(List<Section> sections) {
    return new Schema(sections);
  }

  /** This schema's sections followed by {@code more}'s. */
  public Schema with(Schema more) {
    List<Section> all = new ArrayList<>(sections);
    all.addAll(more.sections);
    return new Schema(all);
  }

  public List<Section> sections() {
    return sections;
  }

  /** Every setting, in section and declaration order. */
  public List<Setting<?>> settings() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  /** The setting named {@code name}, or null. */
  public Setting<?> byName(String name) {
    return byName.get(name);
  }

  /**
   * The setting {@code name} belongs to: itself, or the {@link Setting#hasEntries() entries}
   * setting it is an entry of ({@code distill.profiles.mobile.quality}).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  Setting<?> owner(String name) {
    Setting<?> s = byName.get(name);
    if (s != null) {
      return s;
    }
    for (Setting<?> e : byName.values()) {
      if (e.hasEntries() && name.startsWith(e.name() + ".") && name.length() > e.name().length() + 1) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown setting " + name + " (expected one of: "
        + String.join(", ", byName.keySet()) + ")");
  }

  List<Consumer<Config>> checks() {
    List<Consumer<Config>> all = new ArrayList<>();
    sections.forEach(s -> all.addAll(s.checks()));
    return all;
  }
}
