package io.shoal.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The webcachesim reader against the real BU 1998 trace (see shared/traces/README.md). */
class BuTraceTest {
  private static final String NAME = "bu-1998-webcachesim.tr.gz";

  @Test
  void sharedTraceHasTheDocumentedCounts() {
    Path file = TestFiles.sharedTraces().resolve(NAME);
    Set<String> ids = new HashSet<>();
    LongAdder bytes = new LongAdder();
    long[] maxSize = {0};
    TraceRequest[] first = {null};
    try (Stream<TraceRequest> requests = Traces.open("webcachesim:" + file).requests()) {
      assertThat(requests.peek(r -> {
        if (first[0] == null) {
          first[0] = r;
        }
        if (ids.add(r.key())) {
          bytes.add(r.size());
          maxSize[0] = Math.max(maxSize[0], r.size());
        }
      }).count()).isEqualTo(66_987);
    }
    assertThat(ids).hasSize(36_815);
    assertThat(first[0]).isEqualTo(new TraceRequest(1_000_000, "", "GET", "0", 68, -1));
    assertThat(bytes.sum() / (double) ids.size()).isBetween(6_000.0, 9_000.0);
    assertThat(maxSize[0]).isBetween(3_000_000L, 5_000_000L);
  }

  @Test
  void bundledCopyIsTheSharedTrace() throws IOException {
    byte[] shared = Files.readAllBytes(TestFiles.sharedTraces().resolve(NAME));
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("traces/" + NAME)) {
      assertThat(in).isNotNull();
      assertThat(in.readAllBytes()).isEqualTo(shared);
    }
    try (Stream<TraceRequest> requests = Traces.open("webcachesim:classpath:" + NAME).requests()) {
      assertThat(requests.count()).isEqualTo(66_987);
    }
  }
}
