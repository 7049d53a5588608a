package io.shoal.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void linesWhenNotATerminal() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    long[] done = {0};
    try (Progress p = new Progress(new PrintWriter(err), "stats", false, 10_000_000_000L,
        () -> done[0], () -> 1000, () -> now[0])) {
      for (int i = 0; i < 3 * 4096; i++) {
        p.tick();
        now[0] += 1_000_000L; // 1 ms a request
        done[0] = i / 16;
      }
    }
    // 12,288 requests over 12.3 s, checked every 4,096: one line, at 12.3 s.
    assertThat(err.toString()).isEqualTo("stats:  77% 12,288 requests, 1,000/s, 12 s\n");
  }

  @Test
  void aBarRedrawnInPlaceOnATerminal() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    try (Progress p = new Progress(new PrintWriter(err), "gen", true, 200_000_000L,
        () -> 2048, () -> 4096, () -> now[0])) {
      for (int i = 0; i < 4096; i++) {
        p.tick();
        now[0] += 100_000L;
      }
    }
    assertThat(err.toString()).isEqualTo(
        "\rgen: [###############...............]  50% 4,096 requests, 10,002/s, 0 s\n");
  }

  @Test
  void shortRunsPrintNothing() {
    StringWriter err = new StringWriter();
    try (Progress p = new Progress(new PrintWriter(err), "stats", false, 10_000_000_000L,
        () -> 0, () -> -1, () -> 0)) {
      for (int i = 0; i < 100_000; i++) {
        p.tick();
      }
    }
    assertThat(err.toString()).isEmpty();
  }
}
