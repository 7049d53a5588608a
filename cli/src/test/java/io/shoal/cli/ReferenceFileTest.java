package io.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference shoal.yaml: printed from the registry, checked in under docs/, and loadable. */
class ReferenceFileTest {
  /** The copy users read in the repository; the tests run in the module's directory. */
  private static final Path CHECKED_IN = Path.of("..", "docs", "shoal-reference.yaml");

  @Test
  void printReferenceWritesTheRegistrysReference() {
    StringWriter out = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        "node", "--print-reference");
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(ShoalConfig.reference());
  }

  @Test
  void checkedInReferenceIsCurrent() throws Exception {
    assertThat(Files.readString(CHECKED_IN))
        .as("docs/shoal-reference.yaml is stale: regenerate it with ./shoal node --print-reference > docs/shoal-reference.yaml")
        .isEqualTo(ShoalConfig.reference());
  }

  @Test
  void checkedInReferenceLoadsWithEverySettingAtItsDefault() {
    var loaded = ShoalConfig.load(CHECKED_IN, java.util.Map.of());
    for (var s : ShoalConfig.SCHEMA.settings()) {
      assertThat((Object) loaded.get(s)).as(s.name()).isEqualTo(s.defaultValue());
    }
  }
}
