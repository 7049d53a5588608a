package io.shoal.base.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryTest {
  /** What the test entries make: the entry's name and the values it was given. */
  record Made(String name, Map<String, String> values) {}

  static final Registry<Made> SHAPES = Registry.<Made>builder("shape")
      .add("dot", "a point", () -> new Made("dot", Map.of()))
      .add("square", "four equal sides", List.of(Parameter.integer("side", 2)),
          args -> new Made("square", Map.of("side", Integer.toString(args.intValue("side")))))
      .add("ring", "a circle around another shape",
          List.of(Parameter.number("radius", 0.5), Parameter.text("around", "a shape spec", "dot"),
              Parameter.longInteger("turns", 10_000_000_000L)),
          args -> new Made("ring", args.values()))
      .add("label", "text on the page", List.of(Parameter.required("text", "some words")),
          args -> new Made("label", args.values()))
      .build();

  @Test
  void namesAndEntriesAreInRegistrationOrder() {
    assertThat(SHAPES.names()).containsExactly("dot", "square", "ring", "label");
    assertThat(SHAPES.entries()).extracting(Entry::name).containsExactlyElementsOf(SHAPES.names());
    Entry<Made> ring = SHAPES.entry("ring");
    assertThat(ring.summary()).isEqualTo("a circle around another shape");
    assertThat(ring.parameters()).extracting(Parameter::toString)
        .containsExactly("radius=0.5", "around=dot", "turns=10000000000");
    assertThat(ring.parameters()).extracting(Parameter::expected)
        .containsExactly("a number", "a shape spec", "an integer");
    assertThat(SHAPES.entry("label").parameters().get(0).defaultValue()).isEmpty();
    assertThat(SHAPES.entry("label").parameters().get(0)).hasToString("text");
  }

  @Test
  void anUnknownNameIsRefusedListingTheKnownOnes() {
    String expected = "shape: \"hexagon\" (expected one of: dot, square, ring, label)";
    assertThatThrownBy(() -> SHAPES.create("hexagon")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> SHAPES.create("hexagon(3)")).hasMessage(expected);
    assertThatThrownBy(() -> SHAPES.entry("hexagon")).hasMessage(expected);
    assertThatThrownBy(() -> SHAPES.create("Dot")).hasMessage("shape: \"Dot\" (expected one of: dot, square, ring, label)");
    assertThat(SHAPES.find("hexagon")).isEmpty();
    assertThatThrownBy(() -> Registry.builder("engine").build().create("disk"))
        .hasMessage("engine: \"disk\" (expected: none)");
  }

  @Test
  void aNameCanBeLookedUpWhateverItsCase() {
    Registry<String> formats = Registry.<String>builder("format").ignoringCase().add("csv", "commas", () -> "csv").build();
    assertThat(formats.create("CSV")).isEqualTo("csv");
    assertThat(formats.entry("Csv").name()).isEqualTo("csv");
    assertThatThrownBy(() -> formats.create("TSV")).hasMessage("format: \"TSV\" (expected one of: csv)");
  }

  enum Unit { SECONDS, MINUTES }

  @Test
  void constantsAreEntriesThatMakeThemselves() {
    Registry<Unit> units = Registry.<Unit>builder("unit").ignoringCase()
        .addConstants(List.of(Unit.values()), u -> u.name().toLowerCase(java.util.Locale.ROOT), u -> "a unit").build();
    assertThat(units.names()).containsExactly("seconds", "minutes");
    assertThat(units.create("Minutes")).isSameAs(Unit.MINUTES);
  }

  @Test
  void aNameRegisteredTwiceIsRefused() {
    Registry.Builder<String> b = Registry.<String>builder("balancer").add("weighted", "by weight", () -> "w");
    assertThatThrownBy(() -> b.add("weighted", "again", () -> "w2")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("balancer: \"weighted\" registered twice (expected: each name once)");
  }

  @Test
  void namesAndParametersMustBeLowerCaseWords() {
    Registry.Builder<String> b = Registry.builder("strategy");
    assertThatThrownBy(() -> b.add("Ketama", "x", () -> "k"))
        .hasMessage("name: \"Ketama\" (expected: lower-case letters, digits and '-', starting with a letter)");
    assertThatThrownBy(() -> Parameter.integer("point count", 1))
        .hasMessage("parameter: \"point count\" (expected: lower-case letters, digits and '-', starting with a letter)");
    assertThatThrownBy(() -> b.add("x", "x", List.of(Parameter.integer("n", 1), Parameter.number("n", 1)), a -> "x"))
        .hasMessage("x: parameters [n=1, n=1.0] (expected: each name once)");
  }

  @Test
  void parametersComeByPositionThenByKeyElseFromTheirDefaults() {
    assertThat(SHAPES.create("square").values()).containsEntry("side", "2");
    assertThat(SHAPES.create("square(7)").values()).containsEntry("side", "7");
    assertThat(SHAPES.create(" square( side = 9 ) ").values()).containsEntry("side", "9");
    assertThat(SHAPES.create("ring(2.5,turns=3)").values())
        .containsExactly(Map.entry("radius", "2.5"), Map.entry("around", "dot"), Map.entry("turns", "3"));
    assertThat(SHAPES.create("ring(around=ring(1,around=square(side=3)))").values())
        .containsEntry("around", "ring(1,around=square(side=3))");
    assertThat(SHAPES.create("label(hello world)").values()).containsEntry("text", "hello world");
  }

  @Test
  void theContextFillsWhatTheSpecDoesNotGiveBeforeTheDefault() {
    Map<String, String> context = Map.of("around", "square", "self", "node-1");
    assertThat(SHAPES.create("ring", context).values()).containsEntry("around", "square");
    assertThat(SHAPES.create("ring(around=dot)", context).values()).containsEntry("around", "dot");
    assertThat(SHAPES.create("ring(1,dot)", context).values()).containsEntry("around", "dot");
    assertThat(SHAPES.create("label", Map.of("text", "from the context")).values())
        .containsEntry("text", "from the context");
    assertThatThrownBy(() -> SHAPES.create("square", Map.of("side", "wide")))
        .hasMessage("shape: \"square\": side: \"wide\" (expected: an integer)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "square(side=abc)|shape: \"square(side=abc)\": side: \"abc\" (expected: an integer)",
      "square(3000000000)|shape: \"square(3000000000)\": side: \"3000000000\" (expected: an integer)",
      "ring(turns=1.5)|shape: \"ring(turns=1.5)\": turns: \"1.5\" (expected: an integer)",
      "ring(wide)|shape: \"ring(wide)\": radius: \"wide\" (expected: a number)",
      "label|shape: \"label\": text: missing (expected: some words)",
      "dot(size=3)|shape: \"dot(size=3)\": parameter: \"size\" (expected: none)",
      "square(sides=7)|shape: \"square(sides=7)\": parameter: \"sides\" (expected one of: side)",
      "square(7,9)|shape: \"square(7,9)\": 2 parameters (expected: at most 1: side)",
      "dot(1)|shape: \"dot(1)\": 1 parameter (expected: at most 0)",
      "square(7,side=9)|shape: \"square(7,side=9)\": side: given twice",
      "square(side=7,side=9)|shape: \"square(side=7,side=9)\": side: given twice",
      "ring(radius=1,2)|shape: \"ring(radius=1,2)\": parameter: \"2\" (expected: key=value after keyed parameters)",
      "square(side=7|shape: \"square(side=7\": missing ')' at the end",
      "square(,)|shape: \"square(,)\": empty parameter",
      "square()|shape: \"square()\": empty parameter",
      "square(7))|shape: \"square(7))\": unbalanced ')'",
      "ring(around=ring(1)|shape: \"ring(around=ring(1)\": unbalanced '('",
  })
  void aBadSpecIsRefusedNamingTheSpecAndWhatWasExpected(String spec, String message) {
    assertThatThrownBy(() -> SHAPES.create(spec)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
