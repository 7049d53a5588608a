package io.shoal.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The webcachesim reader against the real BU 1998 trace bundled on the classpath (see the traces
 * README): its bytes match the SHA-256 recorded beside it, and its counts match the documented ones.
 */
class BuTraceTest {
  private static final String NAME = "bu-1998-webcachesim.tr.gz";

  @Test
  void bundledTraceHasTheDocumentedCounts() {
    Set<String> ids = new HashSet<>();
    LongAdder bytes = new LongAdder();
    long[] maxSize = {0};
    TraceRequest[] first = {null};
    try (Stream<TraceRequest> requests = Traces.open("webcachesim:classpath:" + NAME).requests()) {
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
  void bundledTraceMatchesItsRecordedChecksum() throws IOException, NoSuchAlgorithmException {
    byte[] bytes;
    try (InputStream in = resource(NAME)) {
      bytes = in.readAllBytes();
    }
    String recorded;
    try (InputStream in = resource(NAME + ".sha256")) {
      recorded = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(recorded).isEqualTo(actual + "  " + NAME + "\n");
  }

  private InputStream resource(String name) {
    InputStream in = getClass().getClassLoader().getResourceAsStream("traces/" + name);
    assertThat(in).as("traces/" + name + " on the classpath").isNotNull();
    return in;
  }
}
