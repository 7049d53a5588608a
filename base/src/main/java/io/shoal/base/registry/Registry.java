package io.shoal.base.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The registry of one pluggable kind: its entries by name, in registration order, each made from
 * a spec such as {@code ketama}, {@code maglev(251)} or {@code bounded-load(0.1,over=carp)}.
 * Immutable once built, so one instance serves every thread.
 *
 * <pre>{@code
 * static final Registry<Balancer> REGISTRY = Registry.<Balancer>builder("balancer")
 *     .add("round-robin", "plain round robin", Balancer::roundRobin)
 *     .add("maglev", "a Maglev table", List.of(Parameter.integer("size", 65537)),
 *         args -> new Maglev(args.intValue("size")))
 *     .build();
 * }</pre>
 *
 * @param <T> what the entries make
 */
public final class Registry<T> {
  private final String kind;
  private final boolean ignoreCase;
  private final Map<String, Entry<T>> entries;
  private final List<String> names;

  private Registry(Builder<T> b) {
    this.kind = b.kind;
    this.ignoreCase = b.ignoreCase;
    this.entries = Map.copyOf(b.entries);
    this.names = List.copyOf(b.entries.keySet());
  }

  /** A builder of the registry of {@code kind}, the word messages use: {@code strategy}. */
  public static <T> Builder<T> builder(String kind) {
    return new Builder<>(kind);
  }

  /** What this registry holds, as messages name it: {@code strategy}, {@code trace format}. */
  public String kind() {
    return kind;
  }

  /** Every entry, in registration order. */
  public List<Entry<T>> entries() {
    return names.stream().map(entries::get).toList();
  }

  /** Every name, in registration order. */
  public List<String> names() {
    return names;
  }

  /** The entry registered as {@code name}, if any. */
  public Optional<Entry<T>> find(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(entries.get(ignoreCase ? name.toLowerCase(Locale.ROOT) : name));
  }

  /**
   * The entry registered as {@code name}.
   *
   * @throws IllegalArgumentException {@code kind: "name" (expected one of: ...)}
   */
  public Entry<T> entry(String name) {
    return find(name).orElseThrow(() -> unknown(kind, name, names));
  }

  /**
   * A new instance from {@code spec}: {@code name} or {@code name(value,...,key=value,...)}.
   *
   * @throws IllegalArgumentException for an unknown name (listing the known ones), a spec that
   *     does not parse, or a parameter that is unknown, missing or bad, naming what was expected
   */
  public T create(String spec) {
    return create(spec, Map.of());
  }

  /**
   * Like {@link #create(String)}, a parameter the spec does not give taking its value from
   * {@code context} before its default: how a node passes its own id to a strategy that wants it.
   */
  public T create(String spec, Map<String, String> context) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(context, "context");
    Spec parsed = Spec.parse(kind, spec);
    return entry(parsed.name()).create(kind, parsed, context);
  }

  /** The one message for a name nobody registered: {@code what: "name" (expected one of: a, b)}. */
  static IllegalArgumentException unknown(String what, String name, Collection<String> known) {
    return new IllegalArgumentException(what + ": \"" + name + "\" (expected"
        + (known.isEmpty() ? ": none" : " one of: " + String.join(", ", known)) + ")");
  }

  @Override
  public String toString() {
    return kind + " registry " + names;
  }

  /** Collects the entries of a registry; adding an entry is one call. */
  public static final class Builder<T> {
    private final String kind;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();
    private boolean ignoreCase;

    private Builder(String kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Names are looked up whatever their case ({@code URLS} finds {@code urls}). */
    public Builder<T> ignoringCase() {
      this.ignoreCase = true;
      return this;
    }

    /** Registers an entry without parameters. */
    public Builder<T> add(String name, String summary, Supplier<? extends T> factory) {
      Objects.requireNonNull(factory, "factory");
      return add(name, summary, List.of(), args -> factory.get());
    }

    /** Registers an entry whose factory reads {@code parameters}. */
    public Builder<T> add(String name, String summary, List<Parameter> parameters,
        Function<Arguments, ? extends T> factory) {
      return add(new Entry<>(name, summary, parameters, factory));
    }

    /**
     * Registers each of {@code constants} (an enum's values, say) as an entry without parameters
     * whose factory returns the constant itself.
     */
    public <C extends T> Builder<T> addConstants(List<C> constants, Function<? super C, String> name,
        Function<? super C, String> summary) {
      for (C c : constants) {
        add(name.apply(c), summary.apply(c), () -> c);
      }
      return this;
    }

    /**
     * Registers {@code entry}.
     *
     * @throws IllegalArgumentException if its name is registered already
     */
    public Builder<T> add(Entry<T> entry) {
      if (entries.putIfAbsent(entry.name(), entry) != null) {
        throw new IllegalArgumentException(kind + ": \"" + entry.name()
            + "\" registered twice (expected: each name once)");
      }
      return this;
    }

    public Registry<T> build() {
      return new Registry<>(this);
    }
  }
}
