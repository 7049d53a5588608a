package io.shoal.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placement is a contract: the owners recorded in {@code placement-contract.tsv} when each
 * strategy shipped must never change (a changed placement is a new strategy name). This also
 * pins determinism across JVMs, platforms and default locales. To extend the file for a new
 * strategy, run with {@code -Dshoal.contract.write=path} and review the diff: existing lines
 * must not change.
 */
class PlacementContractTest {
  private static final List<String> SPECS = List.of("md5", "ketama", "carp", "mod-ch", "rendezvous",
      "jump", "maglev", "maglev(size=251)", "multi-probe", "bounded-load");

  private static List<String> currentLines() {
    List<String> lines = new ArrayList<>();
    List<CacheKey> keys = Keys.urls(64, 2002);
    for (String spec : SPECS) {
      for (int n : new int[] {3, 16}) {
        View view = Keys.nodes(n);
        Strategy strategy = Strategies.create(spec);
        for (CacheKey key : keys) {
          lines.add(spec + "\t" + n + "\t" + key + "\t" + strategy.owner(key, view).id());
        }
      }
    }
    return lines;
  }

  @Test
  void ownersMatchTheRecordedContract() throws IOException {
    List<String> current = currentLines();
    String target = System.getProperty("shoal.contract.write");
    if (target != null) {
      Files.write(Path.of(target), current, StandardCharsets.UTF_8);
    }
    List<String> recorded;
    try (InputStream in = getClass().getResourceAsStream("/placement-contract.tsv")) {
      assertThat(in).as("placement-contract.tsv on the test classpath").isNotNull();
      recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(current).containsExactlyElementsOf(recorded);
  }
}
