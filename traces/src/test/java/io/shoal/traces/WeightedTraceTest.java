package io.shoal.traces;

import static io.shoal.traces.TestFiles.read;
import static io.shoal.traces.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightedTraceTest {
  @TempDir
  Path dir;

  @Test
  void replaysEachKeyExactlyItsWeightInAShuffledOrder() {
    Path file = write(dir, "top.txt", "# a comment\n600 10 /a\n300 - /b\n\n100 5 /c\n");
    List<TraceRequest> replay = read("weighted", file);
    assertThat(replay).hasSize(1000);
    Map<TraceRequest, Long> counts = replay.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
        TraceRequest.of("/a", 10), 600L, TraceRequest.of("/b", -1), 300L,
        TraceRequest.of("/c", 5), 100L));
    // Drawn by weight: the first half holds about half of each key (binomial sd ~11 for /a).
    long aInFirstHalf = replay.subList(0, 500).stream().filter(r -> r.key().equals("/a")).count();
    assertThat(aInFirstHalf).isBetween(300L - 60, 300L + 60);
    assertThat(read("weighted", file)).as("deterministic").isEqualTo(replay);
  }

  @Test
  void writerKeepsTheMostRequestedWithTheirWeights() throws Exception {
    Path out = dir.resolve("top.txt");
    try (TraceWriter writer = new io.shoal.traces.weighted.WeightedTraceWriter(
        Files.newBufferedWriter(out), out.toString(), 2)) {
      for (String key : "b a c a b a d".split(" ")) {
        writer.write(TraceRequest.of("/" + key, key.equals("c") ? -1 : key.charAt(0)));
      }
    }
    assertThat(Files.readAllLines(out)).containsExactly(
        "# weighted trace: count size key; the 2 most requested of 4 objects, 5 of 7 requests",
        "3 97 /a",
        "2 98 /b");
  }

  @Test
  void badLines() {
    Path file = write(dir, "bad.txt", "3 10 /a\nx 10 /b\n");
    assertThatThrownBy(() -> read("weighted", file))
        .isInstanceOf(TraceException.class)
        .hasMessage(file + ", line 2: count: \"x\" (expected: an integer >= 0)");
    Path noKey = write(dir, "nokey.txt", "3 10\n");
    assertThatThrownBy(() -> read("weighted", noKey))
        .hasMessage(noKey + ", line 1: key: missing (expected: a field)");
  }
}
