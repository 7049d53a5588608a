package io.shoal.base.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry mechanism on a small schema of its own: precedence, messages, entries, checks, reference. */
class ConfigTest {
  private static final Section A = Section.of("a", "Component A")
      .check(c -> {
        if (c.get(ConfigTest.LOW) > c.get(ConfigTest.HIGH)) {
          throw new IllegalArgumentException("a.low: " + c.get(ConfigTest.LOW) + " (expected: at most a.high)");
        }
      });
  static final Setting<Duration> TIMEOUT = A.duration("timeout", "30s", "How long.");
  static final Setting<Integer> LOW = A.count("low", "1", "Low.");
  static final Setting<Integer> HIGH = A.live().count("high", "5", "High.");
  static final Setting<List<String>> NAMES = A.clusterWide().add("names", "x,y", "list", "a list of names",
      Values.list(Values::nonEmpty), "Names.");
  static final Setting<String> ENTRIES = A.entries("entries", "name.field=value entries", s -> s, "Entries.");
  private static final Section B = Section.of("", "Component B");
  static final Setting<Long> SIZE = B.size("b.size", "1MB", "How much.");
  static final Schema SCHEMA = Schema.of(A, B);

  @TempDir
  Path dir;

  @Test
  void settingsCarryTheirDeclaredFlags() {
    assertThat(TIMEOUT.name()).isEqualTo("a.timeout");
    assertThat(TIMEOUT.unit()).isEqualTo("duration");
    assertThat(TIMEOUT.live()).isFalse();
    assertThat(TIMEOUT.scope()).isEqualTo(Scope.NODE);
    assertThat(HIGH.live()).isTrue();
    assertThat(NAMES.scope()).isEqualTo(Scope.CLUSTER);
    assertThat(NAMES.live()).isFalse();
    assertThat(SCHEMA.settings()).extracting(Setting::name)
        .containsExactly("a.timeout", "a.low", "a.high", "a.names", "a.entries", "b.size");
  }

  @Test
  void commandLineWinsOverTheFileWhichWinsOverTheDefault() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "a:\n  timeout: 5s\n  low: 2\nb: {size: 2MB}\n");
    Config c = Config.load(SCHEMA, file, Map.of("a.low", "3"));
    assertThat(c.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.get(LOW)).isEqualTo(3);
    assertThat(c.get(HIGH)).isEqualTo(5);
    assertThat(c.get(SIZE)).isEqualTo(2L << 20);
  }

  @Test
  void aBadValueFromAFileNamesFileLineSettingValueAndExpectation() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "a:\n  low: 1\n\n  timeout: 30\n");
    assertThatThrownBy(() -> Config.load(SCHEMA, file, Map.of()))
        .hasMessage("config " + file + ", line 4: a.timeout: \"30\" (expected: " + Durations.EXPECTED + ")");
    Files.writeString(file, "a:\n  low: [1, 2]\n");
    assertThatThrownBy(() -> Config.load(SCHEMA, file, Map.of()))
        .hasMessage("config " + file + ", line 2: a.low: \"1,2\" (expected: an integer >= 0)");
  }

  @Test
  void aBadValueFromTheCommandLineHasNoFile() {
    assertThatThrownBy(() -> Config.of(SCHEMA, Map.of("b.size", "0B")))
        .hasMessage("b.size: \"0B\" (expected: " + Sizes.EXPECTED + ")");
  }

  @Test
  void anUnknownSettingListsTheKnownOnesAndWhereItWas() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "a:\n  tiemout: 5s\n");
    assertThatThrownBy(() -> Config.load(SCHEMA, file, Map.of()))
        .hasMessage("config " + file + ", line 2: unknown setting a.tiemout (expected one of: "
            + "a.timeout, a.low, a.high, a.names, a.entries, b.size)");
  }

  @Test
  void aMappingWhereAValueBelongsIsRefusedWithItsLine() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "a:\n  names: [x, {y: 1}]\n");
    assertThatThrownBy(() -> Config.load(SCHEMA, file, Map.of()))
        .hasMessage("config " + file + ", line 2: expected a single value here, not a mapping");
  }

  @Test
  void entriesBelowASettingAreGatheredIntoIt() throws Exception {
    Path file = dir.resolve("shoal.yaml");
    Files.writeString(file, "a:\n  entries:\n    m: {q: 1, list: [p, r]}\n");
    Config c = Config.load(SCHEMA, file, Map.of("a.entries.n.q", "2"));
    assertThat(c.get(ENTRIES)).isEqualTo("m.q=1;m.list=p,r;n.q=2");
    assertThat(Config.defaults(SCHEMA).get(ENTRIES)).isEmpty();
  }

  @Test
  void sectionChecksSeeTheWholeConfig() {
    assertThatThrownBy(() -> Config.of(SCHEMA, Map.of("a.low", "6")))
        .hasMessage("a.low: 6 (expected: at most a.high)");
    assertThat(Config.of(SCHEMA, Map.of("a.low", "6", "a.high", "6")).get(LOW)).isEqualTo(6);
  }

  @Test
  void aSettingOutsideTheSchemaIsNamed() {
    Setting<Integer> other = Section.of("c", "C").count("n", "0", "N.");
    assertThatThrownBy(() -> Config.defaults(SCHEMA).get(other))
        .hasMessage("setting c.n is not part of this configuration");
  }

  @Test
  void aSettingDeclaredTwiceIsRefused() {
    Section s = Section.of("d", "D");
    s.count("n", "0", "N.");
    assertThatThrownBy(() -> s.count("n", "1", "N again.")).hasMessage("setting d.n declared twice");
    assertThatThrownBy(() -> Schema.of(A, A)).hasMessageContaining("in two sections");
  }

  @Test
  void theReferenceNestsByNameShowsFlagsAndLoadsToTheDefaults() throws Exception {
    String yaml = Reference.yaml(SCHEMA, List.of("head"));
    assertThat(yaml).startsWith("# head\n\na:\n  # How long.\n  # (duration, per node, on restart)\n  timeout: \"30s\"\n");
    assertThat(yaml).contains("  # (count, per node, live)\n  high: 5\n");
    assertThat(yaml).contains("  # (list, cluster-wide, on restart)\n  names: [\"x\", \"y\"]\n");
    assertThat(yaml).endsWith("\nb:\n  # How much.\n  # (size, per node, on restart)\n  size: \"1MB\"\n");
    Path file = dir.resolve("ref.yaml");
    Files.writeString(file, yaml);
    Config loaded = Config.load(SCHEMA, file, Map.of());
    for (Setting<?> s : SCHEMA.settings()) {
      assertThat((Object) loaded.get(s)).as(s.name()).isEqualTo(s.defaultValue());
    }
  }
}
