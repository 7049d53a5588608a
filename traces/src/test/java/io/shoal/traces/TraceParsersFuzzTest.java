package io.shoal.traces;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;

/**
 * Every reader, fed any bytes, either yields valid requests or fails with a {@link
 * TraceException} naming the input — never another exception, never a hang. Under plain {@code
 * mvn verify} Jazzer runs only the seeds in {@code TraceParsersFuzzTestInputs/}; to fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl traces test -Dtest=TraceParsersFuzzTest}.
 */
class TraceParsersFuzzTest {
  private static final String NAME = "fuzz-input";

  @FuzzTest(maxDuration = "60s")
  void everyReaderFailsCleanlyOrReadsValidRequests(byte[] input) {
    for (TraceFormat format : TraceFormat.values()) {
      if (format == TraceFormat.SURGE) {
        continue; // Reads a directory of three files; its lines go through the same Line code.
      }
      long count = 0;
      try (Stream<TraceRequest> requests = format.reader(TraceSource.of(NAME, input)).requests()) {
        for (TraceRequest r : (Iterable<TraceRequest>) requests::iterator) {
          assertThat(r.key()).isNotEmpty();
          assertThat(r.key()).doesNotContain(" ", "\n", "\r", "\0");
          if (++count > 1_000_000) {
            break;
          }
        }
      } catch (TraceException e) {
        assertThat(e.getMessage()).startsWith(NAME);
      }
    }
  }
}
