package io.shoal.base.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The settings one component declares, in its own file: each is declared once, with its default,
 * unit, validation, description and flags, and registered here in declaration order. A {@link
 * Schema} puts the sections of a program together.
 *
 * <pre>{@code
 * static final Section SECTION = Section.of("cluster.forward", "Forwarding to peers");
 * public static final Setting<Duration> CONNECT_TIMEOUT = SECTION.duration("connect-timeout", "1s", "...");
 * public static final Setting<String> STRATEGY = SECTION.clusterWide().live().string("strategy", ...);
 * }</pre>
 *
 * <p>{@link #live()} and {@link #clusterWide()} return a view of the same section whose next
 * declarations carry that flag.
 */
public final class Section {
  private final String prefix;
  private final String title;
  private final List<Setting<?>> settings;
  private final List<Consumer<Config>> checks;
  private final boolean live;
  private final Scope scope;

  private Section(String prefix, String title, List<Setting<?>> settings, List<Consumer<Config>> checks,
      boolean live, Scope scope) {
    this.prefix = prefix;
    this.title = title;
    this.settings = settings;
    this.checks = checks;
    this.live = live;
    this.scope = scope;
  }

  /** A section whose settings are named {@code prefix.name} ({@code prefix} may be empty). */
  public static Section of(String prefix, String title) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(title, "title");
    return new Section(prefix, title, new ArrayList<>(), new ArrayList<>(), false, Scope.NODE);
  }

  public String prefix() {
    return prefix;
  }

  /** What the component is, e.g. {@code Forwarding to peers}. */
  public String title() {
    return title;
  }

  /** The settings declared so far, in declaration order. */
  public List<Setting<?>> settings() {
    return Collections.unmodifiableList(settings);
  }

  /** Checks of settings that are valid alone but not together; each throws naming them. */
  List<Consumer<Config>> checks() {
    return Collections.unmodifiableList(checks);
  }

  /** Adds a check run on every whole config that holds this section. */
  public Section check(Consumer<Config> check) {
    checks.add(Objects.requireNonNull(check, "check"));
    return this;
  }

  /** The next declarations can change while the node runs. */
  public Section live() {
    return new Section(prefix, title, settings, checks, true, scope);
  }

  /** The next declarations must be the same on every node of a cluster. */
  public Section clusterWide() {
    return new Section(prefix, title, settings, checks, live, Scope.CLUSTER);
  }

  /** Declares a setting of any type: {@code parser} validates and converts the text. */
  public <T> Setting<T> add(String name, String def, String unit, String expected, Function<String, T> parser,
      String doc) {
    return register(new Setting<>(qualified(name), def, unit, expected, parser, doc, live, scope, false));
  }

  /** Declares a setting whose value is a map of named entries below its name (see {@link Setting#hasEntries}). */
  public <T> Setting<T> entries(String name, String expected, Function<String, T> parser, String doc) {
    return register(new Setting<>(qualified(name), "", "entries", expected, parser, doc, live, scope, true));
  }

  public Setting<String> string(String name, String def, String doc) {
    return add(name, def, "string", "a string", s -> s, doc);
  }

  public Setting<Boolean> bool(String name, String def, String doc) {
    return add(name, def, "boolean", "true or false", Values::bool, doc);
  }

  /** A port 0-65535, 0 meaning any free port. */
  public Setting<Integer> port(String name, String def, String doc) {
    return add(name, def, "port", "a port 0-65535", s -> Values.integer(s, 0, 65535), doc);
  }

  /** An integer >= 0. */
  public Setting<Integer> count(String name, String def, String doc) {
    return add(name, def, "count", "an integer >= 0", s -> Values.integer(s, 0, Integer.MAX_VALUE), doc);
  }

  /** An integer > 0. */
  public Setting<Integer> positive(String name, String def, String doc) {
    return add(name, def, "count", "an integer > 0", s -> Values.integer(s, 1, Integer.MAX_VALUE), doc);
  }

  /** A size > 0 in bytes, in the {@link Sizes} grammar. */
  public Setting<Long> size(String name, String def, String doc) {
    return add(name, def, "size", Sizes.EXPECTED, Sizes::parse, doc);
  }

  /** A duration > 0, in the {@link Durations} grammar. */
  public Setting<Duration> duration(String name, String def, String doc) {
    return add(name, def, "duration", Durations.EXPECTED, Durations::parse, doc);
  }

  /** A size >= 0 in bytes, in the {@link Sizes} grammar. */
  public Setting<Long> sizeOrZero(String name, String def, String doc) {
    return add(name, def, "size", Sizes.EXPECTED_OR_ZERO, Sizes::parseNonNegative, doc);
  }

  /** A duration >= 0, in the {@link Durations} grammar. */
  public Setting<Duration> durationOrZero(String name, String def, String doc) {
    return add(name, def, "duration", Durations.EXPECTED_OR_ZERO, Durations::parseNonNegative, doc);
  }

  /** Bytes per second, in the {@link Rates} grammar; 0: no cap. */
  public Setting<Long> rate(String name, String def, String doc) {
    return add(name, def, "rate", Rates.EXPECTED, Rates::parse, doc);
  }

  /** A number from 0 to 1. */
  public Setting<Double> fraction(String name, String def, String doc) {
    return add(name, def, "fraction", "a number from 0 to 1", Values::fraction, doc);
  }

  /** One of {@code allowed}. */
  public Setting<String> oneOf(String name, String def, String doc, String... allowed) {
    String expected = allowed.length == 2 ? allowed[0] + " or " + allowed[1]
        : String.join(", ", List.of(allowed).subList(0, allowed.length - 1)) + " or " + allowed[allowed.length - 1];
    return add(name, def, "choice", expected, s -> Values.oneOf(s, allowed), doc);
  }

  private String qualified(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private <T> Setting<T> register(Setting<T> s) {
    for (Setting<?> other : settings) {
      if (other.name().equals(s.name())) {
        throw new IllegalStateException("setting " + s.name() + " declared twice");
      }
    }
    settings.add(s);
    return s;
  }

  @Override
  public String toString() {
    return prefix + " (" + title + ")";
  }
}
