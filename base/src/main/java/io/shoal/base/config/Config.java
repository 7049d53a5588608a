package io.shoal.base.config;

import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of every setting of a {@link Schema}, from, in order of precedence, the command line,
 * a {@code shoal.yaml}, the default. Invalid values are refused when the config is built, with one
 * message shape: {@code name: "value" (expected: ...)}, preceded by {@code config FILE, line N: }
 * when the value came from a file.
 */
public final class Config {
  private final Schema schema;
  private final Map<Setting<?>, Object> values;

  private Config(Schema schema, Map<Setting<?>, Object> values) {
    this.schema = schema;
    this.values = values;
  }

  /** Every setting of {@code schema} at its default. */
  public static Config defaults(Schema schema) {
    return of(schema, Map.of());
  }

  /**
   * The config from settings given by name ({@code proxy.port -> 3129}).
   *
   * @throws IllegalArgumentException naming an unknown setting or a bad value
   */
  public static Config of(Schema schema, Map<String, String> byName) {
    return withOverrides(schema, new LinkedHashMap<>(), byName);
  }

  /**
   * Loads {@code file} (may be null: defaults only), then applies {@code overrides}.
   *
   * @throws IllegalArgumentException for an unreadable file or a bad value, naming file, line and setting
   */
  public static Config load(Schema schema, Path file, Map<String, String> overrides) {
    Map<String, ConfigFile.Value> given = new LinkedHashMap<>();
    if (file != null) {
      given.putAll(ConfigFile.read(file));
    }
    return withOverrides(schema, given, overrides);
  }

  /**
   * Reads the YAML text {@code yaml}, named {@code source} in messages (a file name, a resource),
   * then applies {@code overrides}.
   *
   * @throws IllegalArgumentException for text that is not YAML or a bad value, naming source, line and setting
   */
  public static Config load(Schema schema, Reader yaml, String source, Map<String, String> overrides) {
    return withOverrides(schema, new LinkedHashMap<>(ConfigFile.read(yaml, source)), overrides);
  }

  private static Config withOverrides(Schema schema, Map<String, ConfigFile.Value> given,
      Map<String, String> overrides) {
    overrides.forEach((k, v) -> given.put(k, new ConfigFile.Value(Objects.requireNonNull(v, k), null, 0)));
    return build(schema, given);
  }

  private static Config build(Schema schema, Map<String, ConfigFile.Value> given) {
    Map<Setting<?>, String> texts = new LinkedHashMap<>();
    Map<Setting<?>, ConfigFile.Value> origins = new HashMap<>();
    for (Map.Entry<String, ConfigFile.Value> e : given.entrySet()) {
      ConfigFile.Value v = e.getValue();
      Setting<?> s;
      try {
        s = schema.owner(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw v.error(ex);
      }
      if (s.hasEntries() && !e.getKey().equals(s.name())) {
        String entry = e.getKey().substring(s.name().length() + 1) + "=" + v.text();
        texts.merge(s, entry, (a, b) -> a + ";" + b);
      } else {
        texts.put(s, v.text());
      }
      origins.put(s, v);
    }
    Map<Setting<?>, Object> values = new HashMap<>();
    for (Setting<?> s : schema.settings()) {
      String text = texts.get(s);
      try {
        values.put(s, text == null ? s.defaultValue() : s.parse(text));
      } catch (IllegalArgumentException ex) {
        ConfigFile.Value origin = origins.get(s);
        throw origin == null ? ex : origin.error(ex);
      }
    }
    Config config = new Config(schema, values);
    String file = given.values().stream().map(ConfigFile.Value::file).filter(f -> f != null).findFirst().orElse(null);
    try {
      schema.checks().forEach(c -> c.accept(config));
    } catch (IllegalArgumentException ex) {
      // settings valid alone but not together: the file they may come from, not one line
      throw file == null ? ex : new IllegalArgumentException("config " + file + ": " + ex.getMessage(), ex);
    }
    return config;
  }

  public Schema schema() {
    return schema;
  }

  /**
   * The value of {@code setting}.
   *
   * @throws IllegalArgumentException when the setting is not in this config's schema
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    Object v = values.get(setting);
    if (v == null) {
      throw new IllegalArgumentException("setting " + setting.name() + " is not part of this configuration");
    }
    return (T) v;
  }
}
