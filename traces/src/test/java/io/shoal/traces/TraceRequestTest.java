package io.shoal.traces;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceRequestTest {
  @Test
  void failsFastWithTheExpectedRange() {
    assertThatThrownBy(() -> TraceRequest.of("", 1))
        .hasMessage("key: \"\" (expected: a non-empty string)");
    assertThatThrownBy(() -> TraceRequest.of("/a", -2))
        .hasMessage("size: -2 (expected: >= 0 or -1)");
    assertThatThrownBy(() -> new TraceRequest(-1, "", "GET", "/a", 1, 42))
        .hasMessage("status: 42 (expected: 100..999 or -1)");
    assertThatThrownBy(() -> new TraceRequest(-5, "", "GET", "/a", 1, 200))
        .hasMessage("timeMicros: -5 (expected: >= 0 or -1)");
    assertThatThrownBy(() -> new TraceRequest(-1, "", "", "/a", 1, 200))
        .hasMessage("method: \"\" (expected: a non-empty token)");
  }
}
